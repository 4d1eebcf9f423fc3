package io.rolehop.cli.command;

import io.rolehop.application.port.in.DeleteSessionCommand;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Session;
import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", description = "Delete a session, its secrets and cached credentials.")
final class SessionDeleteCommand implements Callable<Integer> {
    private final Provider<DeleteSessionUseCase> delete;
    private final Output out;

    @Mixin
    SessionArgument session;

    @Option(names = "--cascade", description = "Also delete the sessions assumed from this one, at any depth.")
    boolean cascade;

    @Inject
    SessionDeleteCommand(Provider<DeleteSessionUseCase> delete, Output out) {
        this.delete = delete;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Session> deleted = delete.get().delete(new DeleteSessionCommand(session.ref(), cascade));
        deleted.forEach(s -> out.line("deleted '" + s.alias() + "'"));
        return ExitCode.OK;
    }
}
