package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.LogoutSessionCommand;
import io.rolehop.application.port.in.LogoutSessionUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "logout",
        description =
                "Forget every cached credential of the session and of the sessions"
                        + " assumed from it, its MFA session token included: the next start calls STS and asks for a code again.")
final class SessionLogoutCommand implements Callable<Integer> {
    private final Provider<LogoutSessionUseCase> logout;
    private final Output out;

    @Mixin
    SessionArgument session;

    @Inject
    SessionLogoutCommand(Provider<LogoutSessionUseCase> logout, Output out) {
        this.logout = logout;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Session> forgotten = logout.get().logout(new LogoutSessionCommand(session.ref()));
        forgotten.forEach(s -> out.line("forgot the cached credentials of '" + s.alias() + "'"
                + (s.isActive()
                        ? " (profile " + s.profile() + " keeps its credentials until they expire;"
                                + " 'rolehop session stop' removes them)"
                        : "")));
        return ExitCode.OK;
    }
}
