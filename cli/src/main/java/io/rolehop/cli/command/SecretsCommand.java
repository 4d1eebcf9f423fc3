package io.rolehop.cli.command;

import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.SecretStores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "secrets", description = "Where secrets are kept: show the secret store, move secrets to another.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {SecretsCommand.StatusCommand.class, SecretsCommand.MigrateCommand.class})
final class SecretsCommand {

    @Command(name = "status", description = "Show which secret store is used (secret-service, keychain or"
            + " encrypted-file) and why. Opens nothing and asks for no passphrase.")
    static final class StatusCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        StatusCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SecretStores.Selection selection = context.get(SecretStores.class).selection();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                Map<String, String> json = new LinkedHashMap<>();
                json.put("backend", selection.name());
                json.put("reason", selection.reason());
                out.json(json);
            } else {
                out.line("secret store: " + selection.name() + " (" + selection.reason() + ")");
            }
            return 0;
        }
    }

    @Command(name = "migrate", description = "Move every secret (IAM user keys, MFA session tokens) to another secret"
            + " store and make the workspace use it. Each secret is read back from the target before it is removed"
            + " from the source.")
    static final class MigrateCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--to", required = true, paramLabel = "BACKEND",
                description = "secret-service, keychain or encrypted-file.")
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
