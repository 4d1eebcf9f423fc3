package io.rolehop.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A pass(1) password store for one test class, with a GnuPG key made for it: no passphrase, loopback pinentry (so
 * nothing waits for a dialog), its own {@code GNUPGHOME}, all in a temporary directory that {@link #close()} removes
 * after stopping the gpg-agent. Nobody's own keys or store are touched.
 */
public final class ThrowAwayPasswordStore implements AutoCloseable {
    private final Path root;
    private final Map<String, String> env;

    private ThrowAwayPasswordStore(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    /**
     * Whether {@code pass} and {@code gpg} are installed; with {@code CI=true} their absence is an error, elsewhere
     * the caller skips.
     *
     * @throws IllegalStateException under {@code CI=true} when one is missing
     */
    public static boolean available() {
        boolean found =
                Executables.find("pass").isPresent() && Executables.find("gpg").isPresent();
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(
                    "pass or gpg is not installed (apt-get install pass gnupg); .ci/run" + " installs them");
        }
        return found;
    }

    /** Generates the key and runs {@code pass init} for it. */
    public static ThrowAwayPasswordStore create() throws IOException {
        Path root = Files.createTempDirectory("rolehop-pass");
        Path gnupg = Files.createDirectories(root.resolve("gnupg"));
        Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(gnupg.resolve("gpg-agent.conf"), "allow-loopback-pinentry\n");
        Files.writeString(gnupg.resolve("gpg.conf"), "pinentry-mode loopback\n");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("GNUPGHOME", gnupg.toString());
        env.put("PASSWORD_STORE_DIR", root.resolve("password-store").toString());
        ThrowAwayPasswordStore store = new ThrowAwayPasswordStore(root, Map.copyOf(env));
        store.run(
                "gpg",
                "--batch",
                "--passphrase",
                "",
                "--quick-generate-key",
                "rolehop test <test@rolehop.invalid>",
                "default",
                "default",
                "never");
        store.run("pass", "init", "test@rolehop.invalid");
        return store;
    }

    /** {@code GNUPGHOME}, {@code PASSWORD_STORE_DIR} and {@code PATH} for the code under test. */
    public Map<String, String> env() {
        return env;
    }

    /** The password store's directory. */
    public Path dir() {
        return Path.of(env.get("PASSWORD_STORE_DIR"));
    }

    /** Runs {@code command} with this store's environment; its stdout. */
    public String run(String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("HOME", root.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run("gpgconf", "--kill", "gpg-agent");
        } catch (IllegalStateException e) {
            // no agent was started
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public String toString() {
        return "ThrowAwayPasswordStore[" + root + "]";
    }
}
