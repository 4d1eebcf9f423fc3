package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.SsoLogoutUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "logout",
        description = "Sign out of IAM Identity Center for a start URL, and forget its tokens and"
                + " the cached credentials of its sessions and of the sessions assumed from them.")
final class SsoLogoutCommand implements Callable<Integer> {
    private final Provider<SsoLogoutUseCase> logout;
    private final Output out;

    @Option(names = "--start-url", required = true, paramLabel = "URL", description = "The AWS access portal URL.")
    String startUrl;

    @Inject
    SsoLogoutCommand(Provider<SsoLogoutUseCase> logout, Output out) {
        this.logout = logout;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Session> forgotten = logout.get().logout(startUrl);
        out.line("logged out of " + startUrl);
        forgotten.forEach(s -> out.line("forgot the cached credentials of '" + s.alias() + "'"));
        return ExitCode.OK;
    }
}
