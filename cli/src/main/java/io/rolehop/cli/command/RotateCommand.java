package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.RotateSessionsUseCase;
import io.rolehop.application.port.in.RotateSessionsUseCase.Rotation;
import io.rolehop.cli.output.Output;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "rotate",
        description =
                "Refresh, once, every active session (file mode) whose credentials expire within the refresh margin.")
final class RotateCommand implements Callable<Integer> {
    private final Provider<RotateSessionsUseCase> rotate;
    private final Output out;

    @Mixin
    OutputOption output;

    @Inject
    RotateCommand(Provider<RotateSessionsUseCase> rotate, Output out) {
        this.rotate = rotate;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<Rotation> rotations = rotate.get().rotate();
        if (output.json()) {
            out.json(rotations.stream().map(RotateCommand::json).toList());
        } else if (rotations.isEmpty()) {
            out.line("nothing to rotate: no active file-mode session expires within the refresh margin");
        } else {
            rotations.forEach(r -> out.line(describe(r)));
        }
        return rotations.stream().anyMatch(r -> r.outcome() != RotateSessionsUseCase.Outcome.REFRESHED)
                ? ExitCode.FAILED
                : ExitCode.OK;
    }

    static String describe(Rotation r) {
        return switch (r.outcome()) {
            case REFRESHED ->
                "refreshed '" + r.alias() + "' until "
                        + r.expiration()
                                .map(io.rolehop.cli.output.Timestamps::human)
                                .orElse("?");
            case FAILED_KEPT -> "could not refresh '" + r.alias() + "': " + r.detail();
            case FAILED_STOPPED -> "stopped '" + r.alias() + "': " + r.detail();
        };
    }

    private static Map<String, Object> json(Rotation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alias", r.alias());
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("expiration", r.expiration().map(Instant::toString).orElse(null));
        m.put("detail", r.detail());
        return m;
    }
}
