package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.NamedProfile;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "current", description = "Show the active sessions, or the one on a profile.")
final class SessionCurrentCommand implements Callable<Integer> {
    private final Provider<ListSessionsUseCase> sessions;
    private final Output out;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Only the session active on this profile.")
    String profile;

    @Mixin
    OutputOption output;

    @Inject
    SessionCurrentCommand(Provider<ListSessionsUseCase> sessions, Output out) {
        this.sessions = sessions;
        this.out = out;
    }

    @Override
    public Integer call() {
        Optional<NamedProfile> filter = Optional.ofNullable(profile).map(NamedProfile::stored);
        List<SessionView> active = sessions.get().current(filter);
        if (output.json()) {
            out.json(active.stream().map(Views::json).toList());
        } else if (active.isEmpty()) {
            out.line(filter.map(p -> "No session is active on profile " + p + ".")
                    .orElse("No session is active."));
        } else {
            out.table(Views.HEADERS, active.stream().map(Views::row).toList());
        }
        return ExitCode.OK;
    }
}
