package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.domain.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Secrets in pass(1), the standard Unix password manager: each value is one entry {@code rolehop/<key>} of the
 * password store ({@code $PASSWORD_STORE_DIR}, default {@code ~/.password-store}), encrypted by {@code pass} with GnuPG
 * to the keys in its {@code .gpg-id}. Values go to {@code pass insert --multiline} on standard input and come back from
 * {@code pass show} on standard output, byte for byte; never as arguments.
 *
 * <p>Key characters that are awkward in file names ({@code %}, and anything but letters, digits, {@code /._-@,+=})
 * are written {@code %XX}, and a path segment that is empty, {@code .} or {@code ..} has its dots escaped, so an entry
 * always stays inside {@code rolehop/}. Listing reads the names of the {@code .gpg} files; it decrypts nothing.
 */
public final class PassSecretStore implements SecretStore {
    /** The backend's name, as in {@code ROLEHOP_SECRET_STORE}. */
    public static final String NAME = "pass";
    /** The folder of the password store that holds rolehop's entries. */
    public static final String FOLDER = "rolehop";

    private static final String PROGRAM = "pass";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CommandRunner runner;
    private final Path storeDir;

    /** The password store named by {@code environment} ({@code PASSWORD_STORE_DIR}, else {@code ~/.password-store}). */
    public PassSecretStore(Map<String, String> environment) {
        this(new ProcessCommandRunner(environment), storeDir(environment));
    }

    PassSecretStore(CommandRunner runner, Path storeDir) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.storeDir = Objects.requireNonNull(storeDir, "storeDir");
    }

    /** The password store {@code pass} uses with {@code environment}. */
    public static Path storeDir(Map<String, String> environment) {
        String dir = environment.getOrDefault("PASSWORD_STORE_DIR", "");
        return dir.isEmpty()
                ? Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".password-store")
                : Path.of(dir);
    }

    /**
     * Why this backend cannot be used with {@code environment}, or empty when it can: {@code pass} is on the
     * {@code PATH} and the password store was initialised ({@code pass init} wrote its {@code .gpg-id}).
     */
    public static Optional<String> unavailable(Map<String, String> environment) {
        if (new ProcessCommandRunner(environment).find(PROGRAM).isEmpty()) {
            return Optional.of("pass is not installed (Debian and Ubuntu: apt-get install pass)");
        }
        Path store = storeDir(environment);
        if (!Files.isRegularFile(store.resolve(".gpg-id"))) {
            return Optional.of("no password store at " + store + " (initialise one with 'pass init GPG-KEY-ID')");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> get(String key) {
        SecretStoreKeys.require(key);
        if (!Files.isRegularFile(file(key))) {
            return Optional.empty();
        }
        CommandRunner.Result r = runner.run(List.of(PROGRAM, "show", entry(key)), "", TIMEOUT);
        if (r.exitCode() != 0) {
            throw failure("read", key, r);
        }
        return Optional.of(r.stdout());
    }

    @Override
    public void put(String key, String value) {
        SecretStoreKeys.require(key);
        Objects.requireNonNull(value, "value");
        CommandRunner.Result r =
                runner.run(List.of(PROGRAM, "insert", "--multiline", "--force", entry(key)), value, TIMEOUT);
        if (r.exitCode() != 0 || !Files.isRegularFile(file(key))) {
            throw failure("store", key, r);
        }
    }

    @Override
    public boolean delete(String key) {
        SecretStoreKeys.require(key);
        if (!Files.isRegularFile(file(key))) {
            return false;
        }
        CommandRunner.Result r = runner.run(List.of(PROGRAM, "rm", "--force", entry(key)), "", TIMEOUT);
        if (r.exitCode() != 0) {
            throw failure("delete", key, r);
        }
        return true;
    }

    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        Path folder = storeDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f ->
                            Files.isRegularFile(f) && f.getFileName().toString().endsWith(".gpg"))
                    .forEach(f -> {
                        String name = folder.relativize(f).toString();
                        String key = decode(name.substring(0, name.length() - ".gpg".length()));
                        if (key.startsWith(prefix)) {
                            keys.add(key);
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new OperationFailedException("cannot list the password store " + folder + ": " + e.getMessage());
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    private static String entry(String key) {
        return FOLDER + "/" + encode(key);
    }

    private Path file(String key) {
        return storeDir.resolve(entry(key) + ".gpg");
    }

    /** The entry name of {@code key}: reversible, and never a path that leaves {@code rolehop/}. */
    static String encode(String key) {
        List<String> segments = new ArrayList<>();
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                segments.add("%"); // an empty segment would vanish from a path; a lone % is never an escape
                continue;
            }
            boolean dotsOnly = segment.chars().allMatch(c -> c == '.');
            StringBuilder out = new StringBuilder();
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean plain = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || "_-@,+=".indexOf(c) >= 0
                        || (c == '.' && !dotsOnly);
                out.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
            }
            segments.add(out.toString());
        }
        return String.join("/", segments);
    }

    /** The key whose entry name is {@code name}. */
    static String decode(String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/", -1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; !segment.equals("%") && i < segment.length(); i++) {
                if (segment.charAt(i) == '%' && i + 2 < segment.length()) {
                    bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(segment.charAt(i));
                }
            }
            segments.add(bytes.toString(StandardCharsets.UTF_8));
        }
        return String.join("/", segments);
    }

    private OperationFailedException failure(String action, String key, CommandRunner.Result r) {
        String said =
                Text.printable(r.stderr().strip().lines().reduce((a, b) -> b).orElse(""));
        return new OperationFailedException("pass could not " + action + " the secret '" + Text.printable(key)
                + "' (exit " + r.exitCode() + (said.isEmpty() ? "" : ": " + said) + "); check 'pass' and your GnuPG"
                + " key, or choose another backend with ROLEHOP_SECRET_STORE");
    }

    @Override
    public String toString() {
        return "PassSecretStore[" + storeDir + "]";
    }
}
