package io.rolehop.cli.command;

import com.google.inject.Inject;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.wiring.CliContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
        name = "rolehop",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Session manager for AWS credentials: IAM role chains of any depth, cached per hop.",
        footer = {
            "",
            "Exit codes: 0 success, 1 operation failed, 2 usage or validation error,",
            "3 interaction needed but not possible.",
            "Documentation: docs/ in the distribution's source."
        })
final class RootCommand implements Runnable {
    private final CliContext context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Output out;

    @Inject
    RootCommand(CliContext context, Output out) {
        this.context = context;
        this.out = out;
    }

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "No prose on stdout (what a command did); results, tables and JSON are printed as ever.")
    void quiet(boolean value) {
        out.setQuiet(value);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    void debug(boolean value) {
        context.setDebug(value);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("/io/rolehop/cli/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"rolehop " + properties.getProperty("version", "unknown")};
        }
    }
}
