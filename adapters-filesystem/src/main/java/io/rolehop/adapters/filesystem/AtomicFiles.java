package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Private, durable, atomic file replacement: write a temporary file in the same directory, fsync it, rename it over
 * the original. Files and directories rolehop creates are private from their first instant (0600 and 0700).
 */
final class AtomicFiles {
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final String TEMP_MARK = ".rolehop-tmp-";
    private static final Duration STALE_TEMP_AGE = Duration.ofMinutes(1);
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What mode a replaced file gets. */
    enum Mode {
        /** Always 0600: rolehop's own files. */
        PRIVATE,
        /** An existing file keeps its mode; a new one is 0600: the user's AWS files. */
        KEEP_EXISTING
    }

    private AtomicFiles() {}

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The file a write to {@code file} must replace: {@code file} itself, or, when it is a symbolic link (even a
     * dangling one), the file at the end of the links, so that the link survives the write.
     */
    static Path writeTarget(Path file) {
        Path current = file.toAbsolutePath();
        try {
            for (int i = 0; i < MAX_LINKS; i++) {
                if (!Files.isSymbolicLink(current)) {
                    return current;
                }
                // Relative links are relative to the directory holding the link.
                current = current.getParent().resolve(Files.readSymbolicLink(current));
            }
        } catch (IOException e) {
            throw failure("cannot follow the symbolic link " + file, e);
        }
        throw new OperationFailedException("cannot follow the symbolic link " + file + ": more than " + MAX_LINKS
                + " links; point it at a regular file");
    }

    /** Creates {@code directory} and any missing parent, each created one with mode 0700. */
    static void createDirectories(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            if (isPosix(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw failure("cannot create the directory " + directory, e);
        }
    }

    /**
     * Refuses a {@code file} that exists but is not a regular file once links are followed: a device such as
     * {@code /dev/null}, a FIFO, a socket or a directory. Reading one could block forever (a FIFO) and replacing one
     * would put a regular file in place of a device, so rolehop does neither. Only the type is looked at; the file is
     * not opened.
     */
    static void requireRegularIfExists(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
        if (attributes.isRegularFile()) {
            return;
        }
        String kind = kindOf(file, attributes);
        if (Files.isSymbolicLink(file)) {
            throw new OperationFailedException(file + " links to " + realPath(file) + ", " + kind
                    + ", not a regular file; rolehop reads and writes only regular files: point the link at one, or"
                    + " name another file");
        }
        throw new OperationFailedException(file + " is " + kind + ", not a regular file; rolehop reads and writes"
                + " only regular files: name a regular file, or a path where none exists yet");
    }

    private static String kindOf(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            switch (type) {
                case 0010000:
                    return "a FIFO";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // No unix view on this platform: say less.
        }
        return "a special file";
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return writeTarget(file);
        }
    }

    /** The bytes of {@code file}, or empty when it does not exist; a file that is not regular is refused. */
    static Optional<byte[]> readIfExists(Path file) {
        requireRegularIfExists(file);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    /**
     * Replaces {@code file} (through symbolic links) by {@code content}, atomically: a reader sees the old or the new
     * file, never a part. The caller holds whatever lock guards the file against other writers.
     */
    static void replace(Path file, byte[] content, Mode mode) {
        Path target = writeTarget(file);
        requireRegularIfExists(target);
        Path directory = target.getParent();
        createDirectories(directory);
        deleteStaleTemps(directory, target.getFileName().toString());
        Path temp = directory.resolve("." + target.getFileName() + TEMP_MARK + randomSuffix());
        boolean posix = isPosix(target);
        try {
            Optional<PosixFileAttributes> existing = posix && Files.exists(target)
                    ? Optional.of(Files.readAttributes(target, PosixFileAttributes.class))
                    : Optional.empty();
            writeNew(temp, content);
            if (mode == Mode.KEEP_EXISTING && existing.isPresent()) {
                Files.setPosixFilePermissions(temp, existing.get().permissions());
                keepOwner(temp, existing.get());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw failure("cannot write " + file, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Deletes {@code file} (through symbolic links, which stay) if it exists; the caller holds its lock. */
    static void delete(Path file) {
        Path target = writeTarget(file);
        requireRegularIfExists(target);
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw failure("cannot delete " + file, e);
        }
        syncDirectory(target.getParent());
    }

    /**
     * Creates {@code file} with mode 0600 (refusing to replace an existing one) holding {@code content}, synced to
     * disk. Used for temporary files and backups.
     */
    static void writeNew(Path file, byte[] content) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PRIVATE_FILE)}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Writes {@code content} to a new file next to {@code file} named {@code file.<suffix>} (or
     * {@code file.<suffix>-2}, ... when taken), mode 0600, and returns it.
     */
    static Path writeBackup(Path file, String suffix, byte[] content) {
        Path target = writeTarget(file);
        String base = target.getFileName() + "." + suffix;
        for (int n = 1; n < 1000; n++) {
            Path backup = target.resolveSibling(n == 1 ? base : base + "-" + n);
            try {
                writeNew(backup, content);
                return backup;
            } catch (FileAlreadyExistsException e) {
                // Two backups in the same second: try the next name.
            } catch (IOException e) {
                throw failure("cannot back up " + file + " to " + backup, e);
            }
        }
        throw new OperationFailedException(
                "cannot back up " + file + ": too many backups named " + base + "; remove old ones");
    }

    /**
     * Removes temporary files a crashed writer left next to {@code name}. Only old ones: a young one may belong to a
     * writer of another rolehop version that does not take our lock.
     */
    static void deleteStaleTemps(Path directory, String name) {
        String prefix = "." + name + TEMP_MARK;
        Instant staleBefore = Instant.now().minus(STALE_TEMP_AGE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                directory, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path entry : entries) {
                FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
                if (modified.toInstant().isBefore(staleBefore)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            // Tidying is best effort: a leftover temporary file is never read, so it cannot do harm.
        }
    }

    /** An {@link OperationFailedException} for an I/O failure, in words fit for the user (paths only, no content). */
    static OperationFailedException failure(String what, IOException e) {
        return new OperationFailedException(what + ": " + describe(e), e);
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + ((FileSystemException) e).getFile() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + ((FileSystemException) e).getFile() + ")";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + " (" + fse.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void keepOwner(Path temp, PosixFileAttributes existing) {
        try {
            PosixFileAttributes mine = Files.readAttributes(temp, PosixFileAttributes.class);
            if (!mine.owner().equals(existing.owner())) {
                Files.setOwner(temp, existing.owner());
            }
            if (!mine.group().equals(existing.group())) {
                Files.setAttribute(temp, "posix:group", existing.group());
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Only root may give a file away; otherwise the writer owns the new file, as with any editor.
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can sync a directory; the rename itself is still atomic.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file we could not delete is tidied by a later writer (deleteStaleTemps).
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
