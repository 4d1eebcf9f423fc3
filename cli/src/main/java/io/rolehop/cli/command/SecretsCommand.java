package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.wiring.SecretStores;
import io.rolehop.cli.wiring.Vault;
import io.rolehop.domain.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "secrets",
        description = "Where secrets are kept: show the secret store, unlock or lock the encrypted file, move"
                + " secrets to another.",
        synopsisSubcommandLabel = "COMMAND")
final class SecretsCommand {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?(?:(\\d{1,8})s)?");

    @Command(
            name = "status",
            description = "Show which secret store is used (secret-service, keychain, pass or"
                    + " encrypted-file) and why, and whether the encrypted file is unlocked and until when. Opens nothing and"
                    + " asks for no passphrase.")
    static final class StatusCommand implements Callable<Integer> {
        private final Provider<SecretStores> stores;
        private final Output out;

        @Mixin
        OutputOption output;

        @Inject
        StatusCommand(Provider<SecretStores> stores, Output out) {
            this.stores = stores;
            this.out = out;
        }

        @Override
        public Integer call() {
            SecretStores stores = this.stores.get();
            SecretStores.Selection selection = stores.selection();
            Optional<Optional<Instant>> unlocked = selection.name().equals(SecretStores.ENCRYPTED_FILE)
                    ? Optional.of(stores.encryptedFileVault().unlockedUntil())
                    : Optional.empty();
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("backend", selection.name());
                json.put("reason", selection.reason());
                unlocked.ifPresent(until -> {
                    json.put("unlocked", until.isPresent());
                    json.put("unlocked-until", until.map(Instant::toString).orElse(null));
                });
                out.json(json);
            } else {
                out.line("secret store: " + selection.name() + " (" + selection.reason() + ")");
                unlocked.ifPresent(until -> out.line(until.map(u -> "unlocked until "
                                + io.rolehop.cli.output.Timestamps.human(u) + " (rolehop secrets lock"
                                + " forgets the key now)")
                        .orElse("locked (rolehop secrets unlock keeps the key for this" + " login session)")));
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "unlock",
            description = "Ask for the encrypted file's passphrase once and keep the derived key"
                    + " (never the passphrase) in this login session's kernel keyring, so that no command asks for it again"
                    + " until logout, --for, or secrets lock. Creates the encrypted file when there is none.")
    static final class UnlockCommand implements Callable<Integer> {
        private final Provider<SecretStores> stores;
        private final CliEnvironment environment;
        private final Output out;

        @Option(
                names = "--passphrase-stdin",
                description = "Read the passphrase from the first line of standard"
                        + " input instead of asking on the terminal.")
        boolean passphraseStdin;

        @Option(
                names = "--for",
                paramLabel = "DURATION",
                description = "How long to stay unlocked, e.g. 30m, 2h,"
                        + " 1h30m (at most 12h, the default; logging out ends it sooner).")
        String lifetime;

        @Inject
        UnlockCommand(Provider<SecretStores> stores, CliEnvironment environment, Output out) {
            this.stores = stores;
            this.environment = environment;
            this.out = out;
        }

        @Override
        public Integer call() {
            Duration duration = lifetime == null ? Vault.MAX_UNLOCKED : duration(lifetime);
            SecretStores stores = this.stores.get();
            SecretStores.Selection selection = stores.selection();
            if (!selection.name().equals(SecretStores.ENCRYPTED_FILE)) {
                throw new UsageException("the secret store in use is " + selection.name() + " (" + selection.reason()
                        + "), which has no passphrase of rolehop's to unlock; secrets unlock is for encrypted-file");
            }
            Vault vault = stores.encryptedFileVault();
            Instant until = vault.unlock(passphraseStdin ? Optional.of(stdinPassphrase()) : Optional.empty(), duration);
            out.line("unlocked " + vault.location() + " until " + io.rolehop.cli.output.Timestamps.human(until)
                    + " (rolehop secrets lock forgets the key now)");
            return ExitCode.OK;
        }

        private char[] stdinPassphrase() {
            try {
                String line =
                        new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UsageException("--passphrase-stdin was given but standard input had no passphrase");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UsageException("cannot read --passphrase-stdin: " + e.getMessage());
            }
        }

        private static Duration duration(String text) {
            Matcher m = DURATION.matcher(text.strip());
            if (text.isBlank() || !m.matches()) {
                throw new UsageException("invalid --for '" + Text.printable(text) + "'; give a duration such as 30m,"
                        + " 2h or 1h30m (at most 12h)");
            }
            Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                    .plusSeconds(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
            if (d.isZero() || d.compareTo(Vault.MAX_UNLOCKED) > 0) {
                throw new UsageException("invalid --for '" + Text.printable(text) + "'; a vault stays unlocked for"
                        + " 1 second to 12h");
            }
            return d;
        }
    }

    @Command(
            name = "lock",
            description = "Forget the key secrets unlock kept, at once: the next command that needs"
                    + " the encrypted file asks for its passphrase again.")
    static final class LockCommand implements Callable<Integer> {
        private final Provider<SecretStores> stores;
        private final Output out;

        @Inject
        LockCommand(Provider<SecretStores> stores, Output out) {
            this.stores = stores;
            this.out = out;
        }

        @Override
        public Integer call() {
            Vault vault = stores.get().encryptedFileVault();
            out.line(vault.lock() ? "locked " + vault.location() : vault.location() + " was not unlocked");
            return ExitCode.OK;
        }
    }

    @Command(
            name = "migrate",
            description = "Move every secret (IAM user keys, MFA session tokens) to another secret"
                    + " store and make the workspace use it. Each secret is read back from the target before it is removed"
                    + " from the source.")
    static final class MigrateCommand implements Callable<Integer> {
        private final Provider<MigrateSecretsUseCase> migrate;
        private final CliEnvironment environment;
        private final Output out;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "BACKEND",
                description = "secret-service, keychain, pass or encrypted-file.")
        String target;

        @Inject
        MigrateCommand(Provider<MigrateSecretsUseCase> migrate, CliEnvironment environment, Output out) {
            this.migrate = migrate;
            this.environment = environment;
            this.out = out;
        }

        @Override
        public Integer call() {
            MigrateSecretsUseCase.Migration done = migrate.get().migrate(target);
            out.line(
                    done.from().equals(done.to())
                            ? "secrets already in " + done.to() + "; the workspace now names it"
                            : "moved " + done.moved() + (done.moved() == 1 ? " secret" : " secrets") + " from "
                                    + done.from() + " to " + done.to() + "; the workspace now uses " + done.to());
            environment
                    .get(SecretStores.VARIABLE)
                    .filter(v -> !v.strip().equalsIgnoreCase(done.to()))
                    .ifPresent(v -> environment
                            .err()
                            .println("rolehop: warning: " + SecretStores.VARIABLE
                                    + " still selects another secret store and wins over the workspace; set it to "
                                    + done.to() + " or unset it"));
            return ExitCode.OK;
        }
    }
}
