package io.rolehop.cli.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code $ROLEHOP_HOME/server.token}: the token of {@code rolehop serve}, for the processes that read it. Written
 * atomically (a temporary file, private from its first byte, synced and renamed over the old one) and removed when
 * the server stops.
 */
public final class TokenFile {
    public static final String NAME = "server.token";

    private TokenFile() {}

    /** Writes {@code token} to {@code home}/server.token, mode 0600, the directory 0700 if it is created. */
    public static Path write(Path home, String token) throws IOException {
        Files.createDirectories(
                home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path target = home.resolve(NAME);
        Path temporary = Files.createTempFile(
                home,
                "." + NAME + ".rolehop-tmp-",
                "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Removes the file if it still holds {@code token} (a newer server may have replaced it). */
    public static void removeIfOwn(Path file, String token) {
        try {
            if (Files.isRegularFile(file)
                    && Secrets.matches(Files.readString(file).strip(), token)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // Left behind: the token of a stopped server opens nothing.
        }
    }
}
