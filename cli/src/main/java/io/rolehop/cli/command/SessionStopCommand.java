package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.StopSessionCommand;
import io.rolehop.application.port.in.StopSessionUseCase;
import io.rolehop.cli.output.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stop", description = "Remove the session's credentials from its named profile.")
final class SessionStopCommand implements Callable<Integer> {
    private final Provider<StopSessionUseCase> stop;
    private final Output out;

    @Mixin
    SessionArgument session;

    @Inject
    SessionStopCommand(Provider<StopSessionUseCase> stop, Output out) {
        this.stop = stop;
        this.out = out;
    }

    @Override
    public Integer call() {
        String name = session.value();
        boolean changed = stop.get().stop(new StopSessionCommand(session.ref()));
        out.prose(changed ? "stopped '" + name + "'" : "'" + name + "' was not active");
        return ExitCode.OK;
    }
}
