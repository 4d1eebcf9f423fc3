package io.rolehop.cli.command;

import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.PassphraseSource;
import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.SecretStores;
import io.rolehop.domain.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "secrets", description = "Where secrets are kept: show the secret store, unlock or lock the encrypted file, move"
        + " secrets to another.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SecretsCommand.StatusCommand.class, SecretsCommand.UnlockCommand.class,
                SecretsCommand.LockCommand.class, SecretsCommand.MigrateCommand.class})
final class SecretsCommand {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?(?:(\\d{1,8})s)?");

    @Command(name = "status", description = "Show which secret store is used (secret-service, keychain, pass or"
            + " encrypted-file) and why, and whether the encrypted file is unlocked and until when. Opens nothing and"
            + " asks for no passphrase.")
    static final class StatusCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        StatusCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SecretStores stores = context.get(SecretStores.class);
            SecretStores.Selection selection = stores.selection();
            Optional<Optional<Instant>> unlocked = selection.name().equals(SecretStores.ENCRYPTED_FILE)
                    ? Optional.of(stores.encryptedFile().unlockedUntil()) : Optional.empty();
            Output out = new Output(context.environment().out());
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
                unlocked.ifPresent(until -> out.line(until.map(u -> "unlocked until " + u + " (rolehop secrets lock"
                        + " forgets the key now)").orElse("locked (rolehop secrets unlock keeps the key for this"
                        + " login session)")));
            }
            return 0;
        }
    }

    @Command(name = "unlock", description = "Ask for the encrypted file's passphrase once and keep the derived key"
            + " (never the passphrase) in this login session's kernel keyring, so that no command asks for it again"
            + " until logout, --for, or secrets lock. Creates the encrypted file when there is none.")
    static final class UnlockCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--passphrase-stdin", description = "Read the passphrase from the first line of standard"
                + " input instead of asking on the terminal.")
        boolean passphraseStdin;

        @Option(names = "--for", paramLabel = "DURATION", description = "How long to stay unlocked, e.g. 30m, 2h,"
                + " 1h30m (at most 12h, the default; logging out ends it sooner).")
        String lifetime;

        UnlockCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Duration duration = lifetime == null ? EncryptedFileSecretStore.MAX_UNLOCKED : duration(lifetime);
            SecretStores stores = context.get(SecretStores.class);
            SecretStores.Selection selection = stores.selection();
            if (!selection.name().equals(SecretStores.ENCRYPTED_FILE)) {
                throw new UsageException("the secret store in use is " + selection.name() + " (" + selection.reason()
                        + "), which has no passphrase of rolehop's to unlock; secrets unlock is for encrypted-file");
            }
            PassphraseSource source = passphraseStdin ? stdinPassphrase() : required(stores.vaultPassphrase());
            EncryptedFileSecretStore vault = stores.encryptedFile();
            Instant until = vault.unlock(source, duration);
            new Output(context.environment().out()).line("unlocked " + vault.location() + " until " + until
                    + " (rolehop secrets lock forgets the key now)");
            return 0;
        }

        /** {@code source}, saying how else to give the passphrase when it has none (no terminal, no variable). */
        private static PassphraseSource required(PassphraseSource source) {
            Supplier<InteractionRequiredException> none = () -> new InteractionRequiredException("secrets unlock needs"
                    + " the passphrase and there is no terminal to ask on; pipe it in with --passphrase-stdin");
            return new PassphraseSource() {
                @Override
                public Optional<char[]> passphrase() {
                    return Optional.of(source.passphrase().orElseThrow(none));
                }

                @Override
                public Optional<char[]> newPassphrase(Path location) {
                    return Optional.of(source.newPassphrase(location).orElseThrow(none));
                }
            };
        }

        private PassphraseSource stdinPassphrase() {
            try {
                String line = new BufferedReader(new InputStreamReader(context.environment().in(),
                        StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UsageException("--passphrase-stdin was given but standard input had no passphrase");
                }
                return () -> Optional.of(line.toCharArray());
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
            if (d.isZero() || d.compareTo(EncryptedFileSecretStore.MAX_UNLOCKED) > 0) {
                throw new UsageException("invalid --for '" + Text.printable(text) + "'; a vault stays unlocked for"
                        + " 1 second to 12h");
            }
            return d;
        }
    }

    @Command(name = "lock", description = "Forget the key secrets unlock kept, at once: the next command that needs"
            + " the encrypted file asks for its passphrase again.")
    static final class LockCommand implements Callable<Integer> {
        private final CliContext context;

        LockCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EncryptedFileSecretStore vault = context.get(SecretStores.class).encryptedFile();
            new Output(context.environment().out()).line(vault.lock() ? "locked " + vault.location()
                    : vault.location() + " was not unlocked");
            return 0;
        }
    }

    @Command(name = "migrate", description = "Move every secret (IAM user keys, MFA session tokens) to another secret"
            + " store and make the workspace use it. Each secret is read back from the target before it is removed"
            + " from the source.")
    static final class MigrateCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--to", required = true, paramLabel = "BACKEND",
                description = "secret-service, keychain, pass or encrypted-file.")
        String target;

        MigrateCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            MigrateSecretsUseCase.Migration done = context.get(MigrateSecretsUseCase.class).migrate(target);
            Output out = new Output(context.environment().out());
            out.line(done.from().equals(done.to())
                    ? "secrets already in " + done.to() + "; the workspace now names it"
                    : "moved " + done.moved() + (done.moved() == 1 ? " secret" : " secrets") + " from " + done.from()
                            + " to " + done.to() + "; the workspace now uses " + done.to());
            context.environment().get(SecretStores.VARIABLE).filter(v -> !v.strip().equalsIgnoreCase(done.to()))
                    .ifPresent(v -> context.environment().err().println("rolehop: warning: " + SecretStores.VARIABLE
                            + " still selects another secret store and wins over the workspace; set it to "
                            + done.to() + " or unset it"));
            return 0;
        }
    }
}
