package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.domain.Text;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets in the user's default macOS keychain, as generic passwords of service {@code rolehop} whose account is the
 * key, through {@code /usr/bin/security}.
 *
 * <p>{@code security add-generic-password -w VALUE} would put the value on the command line, where any process of
 * the user can read it. Values are therefore written through {@code security -i}, which reads its commands from
 * standard input; only keys, the service and the label are ever arguments. {@code security -i} reads lines of at
 * most 4096 bytes and {@code find-generic-password -w} prints some values in hex, so each value is kept as the Base64
 * of its UTF-8 bytes, in parts of {@value #PART_CHARS} characters: part 0 under service {@code rolehop}, part
 * {@code n} under service {@code rolehop.part-n}. Every value rolehop keeps fits in part 0. Keys are listed from
 * {@code security dump-keychain}, which shows attributes and never the secrets themselves.
 *
 * <p>The item's access list trusts {@code /usr/bin/security}, which created it, so reading needs no dialog while
 * the keychain is unlocked. A locked keychain, or a refused dialog, is reported as an
 * {@link OperationFailedException} telling how to unlock it or choose another backend.
 */
public final class MacOsKeychainSecretStore implements SecretStore {
    /** The backend's name, as in {@code ROLEHOP_SECRET_STORE}. */
    public static final String NAME = "keychain";
    /** The {@code security} tool of macOS. */
    public static final String SECURITY = "/usr/bin/security";

    static final String SERVICE = "rolehop";
    static final int PART_CHARS = 2500;
    static final int NOT_FOUND = 44;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern BLOB = Pattern.compile("^\\s*\"(acct|svce)\"<blob>=(.*)$");
    private static final Pattern QUOTED = Pattern.compile("^\"(.*)\"$");
    private static final Pattern HEX = Pattern.compile("^0x([0-9A-Fa-f]+)(\\s.*)?$");

    private final CommandRunner runner;
    private final String security;
    private final String service;

    /** The default keychain of the user, through {@value #SECURITY}. */
    public MacOsKeychainSecretStore(Map<String, String> environment) {
        this(new ProcessCommandRunner(environment), SECURITY, SERVICE);
    }

    /** Another {@code security} program, runner or service name: for tests. */
    MacOsKeychainSecretStore(CommandRunner runner, String security, String service) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.security = Objects.requireNonNull(security, "security");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Why this backend cannot be used here, or empty on macOS with {@value #SECURITY}. */
    public static Optional<String> unavailable() {
        if (!System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("mac")) {
            return Optional.of("the macOS keychain exists only on macOS");
        }
        if (!Files.isExecutable(Path.of(SECURITY))) {
            return Optional.of(SECURITY + " is missing");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> get(String key) {
        SecretStoreKeys.require(key);
        Optional<String> first = read(key, 0);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder encoded = new StringBuilder(first.get());
        String last = first.get();
        for (int part = 1; last.length() == PART_CHARS; part++) {
            Optional<String> next = read(key, part);
            if (next.isEmpty()) {
                break;
            }
            encoded.append(next.get());
            last = next.get();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(encoded.toString()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("the keychain item '" + Text.printable(key) + "' of service "
                    + service + " was not written by rolehop (it is not Base64); delete it with 'security"
                    + " delete-generic-password -s " + service + " -a KEY' and set the secret again");
        }
    }

    @Override
    public void put(String key, String value) {
        SecretStoreKeys.require(key);
        Objects.requireNonNull(value, "value");
        String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        int parts = Math.max(1, (encoded.length() + PART_CHARS - 1) / PART_CHARS);
        for (int part = 0; part < parts; part++) {
            String chunk = encoded.substring(part * PART_CHARS, Math.min(encoded.length(), (part + 1) * PART_CHARS));
            String line = "add-generic-password -U -s " + quote(serviceOf(part)) + " -a " + quote(key) + " -l "
                    + quote("rolehop: " + key) + " -w " + quote(chunk) + "\n";
            CommandRunner.Result r = runner.run(List.of(security, "-i"), line, TIMEOUT);
            // In interactive mode a failed command prints "add-generic-password: returned N" on stderr.
            if (r.exitCode() != 0 || r.stderr().contains("returned")) {
                throw failure("store", key, r, chunk);
            }
        }
        for (int part = parts; remove(key, part); part++) {
            // a longer value stored before left this part behind
        }
    }

    @Override
    public boolean delete(String key) {
        SecretStoreKeys.require(key);
        boolean present = remove(key, 0);
        for (int part = 1; remove(key, part); part++) {
            // continuation parts of a long value
        }
        return present;
    }

    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        CommandRunner.Result r = runner.run(List.of(security, "dump-keychain"), "", TIMEOUT);
        if (r.exitCode() != 0) {
            throw failure("list", prefix + "*", r, "");
        }
        TreeSet<String> keys = new TreeSet<>();
        String account = null;
        String itemService = null;
        for (String line : (r.stdout() + "\nkeychain: end").lines().toList()) {
            if (line.startsWith("keychain: ")) {
                if (service.equals(itemService) && account != null && account.startsWith(prefix)) {
                    keys.add(account);
                }
                account = null;
                itemService = null;
                continue;
            }
            Matcher m = BLOB.matcher(line);
            if (m.matches()) {
                Optional<String> text = blob(m.group(2));
                if (m.group(1).equals("acct")) {
                    account = text.orElse(null);
                } else {
                    itemService = text.orElse(null);
                }
            }
        }
        return new ArrayList<>(keys);
    }

    @Override
    public String name() {
        return NAME;
    }

    private String serviceOf(int part) {
        return part == 0 ? service : service + ".part-" + part;
    }

    private Optional<String> read(String key, int part) {
        CommandRunner.Result r = runner.run(
                List.of(security, "find-generic-password", "-s", serviceOf(part), "-a", key, "-w"), "", TIMEOUT);
        if (r.exitCode() == 0) {
            return Optional.of(r.stdout().strip());
        }
        if (r.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        throw failure("read", key, r, "");
    }

    private boolean remove(String key, int part) {
        CommandRunner.Result r =
                runner.run(List.of(security, "delete-generic-password", "-s", serviceOf(part), "-a", key), "", TIMEOUT);
        if (r.exitCode() == 0) {
            return true;
        }
        if (r.exitCode() == NOT_FOUND) {
            return false;
        }
        throw failure("delete", key, r, "");
    }

    /** A blob attribute of {@code dump-keychain}: {@code "text"}, {@code 0xHEX  "text"} or {@code <NULL>}. */
    private static Optional<String> blob(String raw) {
        Matcher hex = HEX.matcher(raw.strip());
        if (hex.matches()) {
            return Optional.of(new String(HexFormat.of().parseHex(hex.group(1)), StandardCharsets.UTF_8));
        }
        Matcher quoted = QUOTED.matcher(raw.strip());
        return quoted.matches() ? Optional.of(quoted.group(1)) : Optional.empty();
    }

    /** A word for {@code security -i}'s line parser: in double quotes, with {@code "} and {@code \} escaped. */
    static String quote(String word) {
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private OperationFailedException failure(String action, String key, CommandRunner.Result r, String secret) {
        String said = Text.printable(
                r.stderr().strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
        if (!secret.isEmpty()) {
            said = said.replace(secret, "****");
        }
        String hint = r.exitCode() == 36
                        || r.exitCode() == 51
                        || said.toLowerCase(java.util.Locale.ROOT).contains("interaction")
                ? "the keychain is locked or access was refused; unlock it with 'security unlock-keychain' (or"
                        + " log in), or choose another backend with ROLEHOP_SECRET_STORE=encrypted-file"
                : "check the keychain with Keychain Access, or choose another backend with"
                        + " ROLEHOP_SECRET_STORE=encrypted-file";
        return new OperationFailedException("the macOS keychain could not " + action + " the secret '"
                + Text.printable(key) + "' (security exited with " + r.exitCode() + (said.isEmpty() ? "" : ": " + said)
                + "); " + hint);
    }

    @Override
    public String toString() {
        return "MacOsKeychainSecretStore[service=" + service + "]";
    }
}
