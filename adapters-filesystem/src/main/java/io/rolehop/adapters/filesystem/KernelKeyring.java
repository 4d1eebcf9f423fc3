package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Linux kernel keyring of this login session, through {@code keyctl} from keyutils: where an unlocked vault's
 * derived key waits between commands (see docs/secret-storage.md, "Unlocking the encrypted file").
 *
 * <p>Keys are {@code user} keys in the session keyring ({@code @s}) that {@code pam_keyinit} creates at login and
 * revokes at logout; only processes of that session possess them. Each key is made readable by its possessor alone
 * and gets a kernel timeout, so it vanishes by itself. A process with no login session keyring (its {@code @s} is the
 * per-user default {@code _uid_ses.UID}, as in a container or a cron job) cannot keep a key: {@link #keep} says so.
 * Payloads travel on {@code keyctl}'s standard input and output only, never as arguments.
 */
public final class KernelKeyring {
    private static final String PROGRAM = "keyctl";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Possessor: view, read, write, search, link, setattr; nobody else anything. */
    private static final String POSSESSOR_ONLY = "0x3f000000";

    private final CommandRunner runner;

    /** The keyring of the session this process belongs to, reached with {@code keyctl} on {@code PATH}. */
    public KernelKeyring(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** The payload of the key {@code description}, or empty when there is none (never kept, expired, forgotten). */
    public Optional<String> read(String description) {
        CommandRunner.Result r;
        try {
            r = runner.run(List.of(PROGRAM, "pipe", "%user:" + description), "", TIMEOUT);
        } catch (OperationFailedException e) {
            return Optional.empty(); // keyctl is not installed: nothing can have been kept
        }
        return r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
    }

    /**
     * Keeps {@code payload} as the key {@code description} for {@code lifetime}, replacing an earlier one.
     *
     * @throws OperationFailedException when there is no login session keyring or {@code keyctl} fails
     */
    public void keep(String description, String payload, Duration lifetime) {
        requireLoginSession();
        CommandRunner.Result added = keyctl(List.of("padd", "user", description, "@s"), payload);
        if (added.exitCode() != 0) {
            throw failure("add the key", added);
        }
        String id = added.stdout().strip();
        for (List<String> step : List.of(
                List.of("setperm", id, POSSESSOR_ONLY),
                List.of("timeout", id, Long.toString(Math.max(1, lifetime.toSeconds()))))) {
            CommandRunner.Result r = keyctl(step, "");
            if (r.exitCode() != 0) {
                keyctl(List.of("invalidate", id), "");
                throw failure("limit the key", r);
            }
        }
    }

    /**
     * Checks that this process has a login session keyring to keep keys in, before anyone is asked for anything.
     *
     * @throws OperationFailedException when it has none, or {@code keyctl} is missing or fails
     */
    public void requireLoginSession() {
        CommandRunner.Result session = keyctl(List.of("rdescribe", "@s"), "");
        if (session.exitCode() != 0) {
            throw failure("find the session keyring", session);
        }
        String name = session.stdout().strip();
        if (name.substring(name.lastIndexOf(';') + 1).startsWith("_uid_ses.")) {
            throw new OperationFailedException("this process has no login session keyring (pam_keyinit made none, as"
                    + " in a container or a cron job), so there is nowhere to keep the key: run rolehop inside"
                    + " 'keyctl session', or give the passphrase in ROLEHOP_VAULT_PASSPHRASE");
        }
    }

    /** Destroys the key {@code description} at once; whether there was one. */
    public boolean forget(String description) {
        try {
            return runner.run(List.of(PROGRAM, "invalidate", "%user:" + description), "", TIMEOUT)
                            .exitCode()
                    == 0;
        } catch (OperationFailedException e) {
            return false; // keyctl is not installed: nothing can have been kept
        }
    }

    private CommandRunner.Result keyctl(List<String> arguments, String stdin) {
        List<String> command = new ArrayList<>(List.of(PROGRAM));
        command.addAll(arguments);
        try {
            return runner.run(command, stdin, TIMEOUT);
        } catch (OperationFailedException e) {
            throw new OperationFailedException("cannot keep the key in the kernel keyring: " + e.getMessage()
                    + " (Debian and Ubuntu: apt-get install keyutils)");
        }
    }

    private static OperationFailedException failure(String action, CommandRunner.Result r) {
        String said = Text.printable(r.stderr().strip().lines().findFirst().orElse(""));
        return new OperationFailedException("cannot " + action + " in the kernel keyring (keyctl exited with "
                + r.exitCode() + (said.isEmpty() ? "" : ": " + said) + ")");
    }

    @Override
    public String toString() {
        return "KernelKeyring";
    }
}
