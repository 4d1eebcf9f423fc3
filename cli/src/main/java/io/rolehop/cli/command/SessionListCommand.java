package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List the sessions: id, alias, method, profile, region, status, assumer, expiry.")
final class SessionListCommand implements Callable<Integer> {
    private final Provider<ListSessionsUseCase> sessions;
    private final Output out;

    @Mixin
    OutputOption output;

    @Inject
    SessionListCommand(Provider<ListSessionsUseCase> sessions, Output out) {
        this.sessions = sessions;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<SessionView> all = sessions.get().list();
        if (output.json()) {
            out.json(all.stream().map(Views::json).toList());
        } else if (all.isEmpty()) {
            out.line(
                    "No sessions yet. Add one with 'rolehop session add aws-iam-user --alias NAME --access-key-id ID'.");
        } else {
            out.table(Views.HEADERS, all.stream().map(Views::row).toList());
        }
        return ExitCode.OK;
    }
}
