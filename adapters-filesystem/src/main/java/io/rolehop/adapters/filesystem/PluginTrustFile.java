package io.rolehop.adapters.filesystem;

import io.rolehop.application.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plugin jars the user trusted to run, each with the SHA-256 of its bytes when it was trusted: one line per jar,
 * {@code <sha256>  <absolute path>}, the format of {@code sha256sum}, so that {@code sha256sum -c} checks it too.
 * Mode 0600, replaced atomically under a cross-process lock. A line that does not parse trusts nothing.
 */
public final class PluginTrustFile {
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (/.*)");

    private final Path file;

    public PluginTrustFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    public Path location() {
        return file;
    }

    /** Each trusted jar's path and the SHA-256 it had when trusted, in the order they were trusted. */
    public Map<Path, String> trusted() {
        Map<Path, String> trusted = new LinkedHashMap<>();
        AtomicFiles.readIfExists(file)
                .ifPresent(bytes -> new String(bytes, StandardCharsets.UTF_8)
                        .lines()
                        .map(LINE::matcher)
                        .filter(Matcher::matches)
                        .forEach(m -> trusted.put(Path.of(m.group(2)), m.group(1))));
        return trusted;
    }

    /** Records {@code jar} as trusted with the digest {@code sha256}, replacing an earlier record of it. */
    public void trust(Path jar, String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex");
        }
        Path key = key(jar);
        if (key.toString().chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\\')) {
            throw new UsageException(
                    "cannot trust " + key.toString().replace("\n", "\\n").replace("\r", "\\r")
                            + ": its path holds a line break or a backslash; rename the jar");
        }
        update(trusted -> trusted.put(key, sha256));
    }

    /** Forgets {@code jar}; whether it was trusted. */
    public boolean untrust(Path jar) {
        Path key = key(jar);
        boolean[] removed = {false};
        update(trusted -> removed[0] = trusted.remove(key) != null);
        return removed[0];
    }

    private void update(java.util.function.Consumer<Map<Path, String>> change) {
        try (CrossProcessLock.Held held = new CrossProcessLock(
                        file.resolveSibling(file.getFileName() + ".lock"), file, CrossProcessLock.DEFAULT_TIMEOUT)
                .acquire()) {
            Map<Path, String> trusted = trusted();
            change.accept(trusted);
            StringBuilder out = new StringBuilder();
            trusted.forEach((path, sha256) ->
                    out.append(sha256).append("  ").append(path).append('\n'));
            AtomicFiles.replace(file, out.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.Mode.PRIVATE);
        }
    }

    private static Path key(Path jar) {
        return jar.toAbsolutePath().normalize();
    }

    /** The SHA-256 of the bytes of {@code jar}, in lower-case hex. */
    public static String sha256(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw AtomicFiles.failure("cannot read " + jar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
