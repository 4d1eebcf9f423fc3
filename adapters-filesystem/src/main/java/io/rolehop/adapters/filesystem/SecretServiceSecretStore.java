package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.domain.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Secrets in the freedesktop.org Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC) of the user's D-Bus
 * session, through {@code secret-tool} from libsecret. Each value is one or more items of the default collection
 * with the attributes {@code service=rolehop}, {@code key=<key>} and {@code part=<n>}, labelled
 * {@code rolehop: <key>}.
 *
 * <p>Values travel on {@code secret-tool}'s standard input and output, never as arguments. {@code secret-tool store}
 * silently cuts a value at 8 KiB, so values are stored in parts of at most {@value #PART_CHARS} characters: part 0
 * holds the start, and a part that is (nearly) full may be followed by another. Every value shorter than that, which
 * is every value rolehop keeps, is one item. Where the bus, the service or an unlocked default collection is missing,
 * each operation fails with an {@link OperationFailedException} saying so; nothing waits for a prompt longer than
 * {@value #TIMEOUT_SECONDS} seconds.
 */
public final class SecretServiceSecretStore implements SecretStore {
    /** The backend's name, as in {@code ROLEHOP_SECRET_STORE}. */
    public static final String NAME = "secret-service";
    /** The {@code service} attribute of rolehop's items. */
    public static final String SERVICE = "rolehop";

    static final int PART_CHARS = 2000;
    static final int TIMEOUT_SECONDS = 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String PROGRAM = "secret-tool";
    private static final String KEY_ATTRIBUTE = "attribute.key = ";

    private final CommandRunner runner;
    private final String service;

    /** The Secret Service of the session bus named in {@code environment} ({@code DBUS_SESSION_BUS_ADDRESS}). */
    public SecretServiceSecretStore(Map<String, String> environment) {
        this(new ProcessCommandRunner(environment), SERVICE);
    }

    /** Items under another {@code service} attribute, or through another runner: for tests. */
    SecretServiceSecretStore(CommandRunner runner, String service) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Why this backend cannot be used with {@code environment}, or empty when a Secret Service answers: a session
     * bus is named (or {@code $XDG_RUNTIME_DIR/bus} exists), {@code secret-tool} is on its {@code PATH}, and a lookup
     * gets an answer within a few seconds. Whether the default collection is unlocked shows only when storing.
     */
    public static Optional<String> unavailable(Map<String, String> environment) {
        boolean bus = !environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isEmpty()
                || (!environment.getOrDefault("XDG_RUNTIME_DIR", "").isEmpty()
                        && java.nio.file.Files.exists(
                                java.nio.file.Path.of(environment.get("XDG_RUNTIME_DIR"), "bus")));
        if (!bus) {
            return Optional.of("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        }
        ProcessCommandRunner runner = new ProcessCommandRunner(environment);
        if (runner.find(PROGRAM).isEmpty()) {
            return Optional.of("secret-tool is not installed (Debian and Ubuntu: apt-get install libsecret-tools)");
        }
        try {
            CommandRunner.Result probe = runner.run(
                    List.of(PROGRAM, "lookup", "service", SERVICE, "key", ".rolehop-probe"), "", PROBE_TIMEOUT);
            if (probe.exitCode() == 0
                    || (probe.exitCode() == 1 && probe.stderr().isBlank())) {
                return Optional.empty();
            }
            return Optional.of("the Secret Service did not answer (" + firstLine(probe.stderr()) + ")");
        } catch (OperationFailedException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> get(String key) {
        SecretStoreKeys.require(key);
        Optional<String> first = lookup(key, 0);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder(first.get());
        String last = first.get();
        for (int part = 1; last.length() >= PART_CHARS - 1; part++) {
            Optional<String> next = lookup(key, part);
            if (next.isEmpty()) {
                break;
            }
            value.append(next.get());
            last = next.get();
        }
        return Optional.of(value.toString());
    }

    @Override
    public void put(String key, String value) {
        SecretStoreKeys.require(key);
        Objects.requireNonNull(value, "value");
        List<String> parts = split(value);
        for (int part = 0; part < parts.size(); part++) {
            CommandRunner.Result r = runner.run(
                    List.of(
                            PROGRAM,
                            "store",
                            "--label=rolehop: " + key,
                            "service",
                            service,
                            "key",
                            key,
                            "part",
                            Integer.toString(part)),
                    parts.get(part),
                    TIMEOUT);
            // secret-tool reports some failures ("password is too long") on stderr with exit code 0.
            if (r.exitCode() != 0 || !r.stderr().isBlank()) {
                throw failure("store", key, r, value);
            }
        }
        // A longer value stored before may have left parts behind the new last one.
        for (int part = parts.size(); clear(List.of("key", key, "part", Integer.toString(part))); part++) {
            // each iteration removed one stale part
        }
    }

    @Override
    public boolean delete(String key) {
        SecretStoreKeys.require(key);
        return clear(List.of("key", key));
    }

    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        CommandRunner.Result r = runner.run(List.of(PROGRAM, "search", "--all", "service", service), "", TIMEOUT);
        if (r.exitCode() != 0) {
            throw failure("list", prefix + "*", r, "");
        }
        // secret-tool prints each item's secret on stdout and its attributes on stderr: only stderr is read.
        TreeSet<String> keys = new TreeSet<>();
        r.stderr()
                .lines()
                .filter(l -> l.startsWith(KEY_ATTRIBUTE))
                .map(l -> l.substring(KEY_ATTRIBUTE.length()))
                .filter(k -> k.startsWith(prefix))
                .forEach(keys::add);
        return new ArrayList<>(keys);
    }

    @Override
    public String name() {
        return NAME;
    }

    private Optional<String> lookup(String key, int part) {
        CommandRunner.Result r = runner.run(
                List.of(PROGRAM, "lookup", "service", service, "key", key, "part", Integer.toString(part)),
                "",
                TIMEOUT);
        if (r.exitCode() == 0) {
            return Optional.of(r.stdout());
        }
        if (r.exitCode() == 1 && r.stderr().isBlank()) {
            return Optional.empty();
        }
        throw failure("read", key, r, "");
    }

    /** Removes the items matching {@code attributes}; whether there were any. */
    private boolean clear(List<String> attributes) {
        List<String> command = new ArrayList<>(List.of(PROGRAM, "clear", "service", service));
        command.addAll(attributes);
        CommandRunner.Result r = runner.run(command, "", TIMEOUT);
        if (r.exitCode() == 0) {
            return true;
        }
        if (r.exitCode() == 1 && r.stderr().isBlank()) {
            return false;
        }
        throw failure("delete", attributes.get(1), r, "");
    }

    /** Parts of at most {@value #PART_CHARS} chars, never splitting a surrogate pair. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(value.length(), start + PART_CHARS);
            if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            parts.add(value.substring(start, end));
            start = end;
        } while (start < value.length());
        return parts;
    }

    private OperationFailedException failure(String action, String key, CommandRunner.Result r, String value) {
        String said = firstLine(r.stderr());
        if (!value.isEmpty()) {
            said = said.replace(value, "****");
        }
        String lower = said.toLowerCase(Locale.ROOT);
        String hint;
        if (lower.contains("d-bus") || lower.contains("dbus") || lower.contains("org.freedesktop.secrets")) {
            hint = "no Secret Service is reachable on the session bus; start a desktop session or"
                    + " gnome-keyring-daemon, or choose another backend with ROLEHOP_SECRET_STORE=encrypted-file";
        } else if (lower.contains("lock")
                || lower.contains("collection")
                || lower.contains("prompt")
                || lower.contains("dismissed")) {
            hint = "the keyring is locked or has no default collection; unlock it (log in to the desktop, or run"
                    + " 'gnome-keyring-daemon --unlock' with the password on stdin), or choose another backend with"
                    + " ROLEHOP_SECRET_STORE=encrypted-file";
        } else {
            hint = "check the keyring, or choose another backend with ROLEHOP_SECRET_STORE=encrypted-file";
        }
        return new OperationFailedException("the Secret Service could not " + action + " the secret '"
                + Text.printable(key) + "' (secret-tool exited with " + r.exitCode()
                + (said.isEmpty() ? "" : ": " + said) + "); " + hint);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        line = line.startsWith("secret-tool: ") ? line.substring("secret-tool: ".length()) : line;
        return Text.printable(line.length() > 300 ? line.substring(0, 300) + "..." : line);
    }

    @Override
    public String toString() {
        return "SecretServiceSecretStore[service=" + service + "]";
    }
}
