package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.DeleteSessionCommand;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.terminal.Confirmation;
import io.rolehop.domain.Session;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", description = "Delete a session, its secrets and cached credentials.")
final class SessionDeleteCommand implements Callable<Integer> {
    private final Provider<DeleteSessionUseCase> delete;
    private final CliEnvironment environment;
    private final Output out;

    @Mixin
    SessionArgument session;

    @Option(
            names = "--cascade",
            description = "Also delete the sessions assumed from this one, at any depth: listed "
                    + "and asked first on a terminal; without one, --yes is needed.")
    boolean cascade;

    @Option(names = "--dry-run", description = "List what would be deleted and delete nothing.")
    boolean dryRun;

    @Option(
            names = {"-y", "--yes"},
            description = "Delete without asking, even sessions assumed from this one.")
    boolean yes;

    @Inject
    SessionDeleteCommand(Provider<DeleteSessionUseCase> delete, CliEnvironment environment, Output out) {
        this.delete = delete;
        this.environment = environment;
        this.out = out;
    }

    @Override
    public Integer call() {
        DeleteSessionCommand command = new DeleteSessionCommand(session.ref(), cascade);
        if (dryRun || cascade) {
            List<Session> planned = delete.get().plan(command);
            if (dryRun) {
                planned.forEach(s -> out.prose("would delete '" + s.alias() + "'"));
                return ExitCode.OK;
            }
            if (planned.size() > 1) {
                String names = planned.stream().map(s -> "'" + s.alias() + "'").collect(Collectors.joining(", "));
                if (!Confirmation.confirmed(
                        environment,
                        "Delete " + planned.size() + " sessions (" + names + ")?",
                        yes,
                        "give --yes to delete them, or --dry-run to list them")) {
                    out.prose("deleted nothing");
                    return ExitCode.OK;
                }
            }
        }
        List<Session> deleted = delete.get().delete(command);
        deleted.forEach(s -> out.prose("deleted '" + s.alias() + "'"));
        return ExitCode.OK;
    }
}
