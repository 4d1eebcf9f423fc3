package io.rolehop.cli;

import com.google.inject.Module;
import io.rolehop.cli.command.Commands;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.LauncherLink;
import io.rolehop.cli.wiring.CliContext;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs one rolehop command line in the given environment and returns its exit code. */
public final class Rolehop {
    private final CliEnvironment environment;
    private final List<Module> overrides;

    public Rolehop(CliEnvironment environment) {
        this(environment, List.of());
    }

    /** With Guice modules that override production bindings (tests swap the clock, say). */
    public Rolehop(CliEnvironment environment, List<Module> overrides) {
        this.environment = environment;
        this.overrides = List.copyOf(overrides);
    }

    public int run(String... args) {
        // After a move or an upgrade, the credential_process lines' link follows the launcher that runs now; but
        // doctor reports the link as it finds it, and re-points it only with --fix.
        if (!firstWordIs("doctor", args)) {
            environment.launcher().ifPresent(launcher -> LauncherLink.refresh(environment.rolehopHome(), launcher));
        }
        CliContext context = new CliContext(environment, overrides);
        PrintWriter err = new PrintWriter(environment.err(), true);
        CommandLine commandLine;
        try {
            commandLine = Commands.build(context, args);
        } catch (RuntimeException e) {
            return Commands.failure(context, e, err);
        }
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(err);
        return commandLine.execute(Commands.arranged(commandLine, args));
    }

    private static boolean firstWordIs(String command, String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg.equals(command);
            }
        }
        return false;
    }
}
