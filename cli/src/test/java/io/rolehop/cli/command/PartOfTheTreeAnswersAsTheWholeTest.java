package io.rolehop.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rolehop.cli.CliHarness;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.CommandFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A command line run on the part of the command tree it names prints what it prints on the whole tree, and exits with
 * the same code: usage errors, help, near names, examples, {@code -o} anywhere, the version.
 */
class PartOfTheTreeAnswersAsTheWholeTest {
    private static final List<String> LINES = List.of(
            "--version",
            "-V",
            "",
            "--help",
            "session list",
            "session tree",
            "profile list",
            "-q session list",
            "-o json session list",
            "--output=json session tree",
            "session -o json list",
            "-o json session",
            "-o json sesion list",
            "-ojson session start",
            "-o yaml session list",
            "-o json profile list",
            "session list --bogus",
            "session list extra",
            "session start",
            "session start --mfa-code",
            "session stop",
            "session logout --bogus",
            "profile create",
            "secrets status --bogus",
            "session --help",
            "session list --help",
            "session start -h",
            "sso login --help",
            "import aws-config --help",
            "help session start",
            "help session",
            "sesion",
            "sesion list",
            "session strat",
            "sso logn",
            "session",
            "session add --help",
            "session add aws-sso --help",
            "session add nosuchmethod",
            "session edit --help",
            "help",
            "-q help session",
            "completion bash",
            "completion --candidates sessions",
            "completion nosuchshell",
            "exec",
            "exec --help",
            "settings list",
            "region get-default",
            "--debug session list",
            "-q region set-default nowhere-1");

    @TempDir
    Path dir;

    @Test
    void everyLineAnswersOnItsPartAsOnTheWholeTree() {
        List<String> differences = new ArrayList<>();
        for (String line : LINES) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            String part = run(false, args);
            String whole = run(true, args);
            if (!part.equals(whole)) {
                differences.add("rolehop " + line + "\n--- on its part\n" + part + "\n--- on the whole tree\n" + whole);
            }
        }
        assertEquals("", String.join("\n\n", differences));
    }

    @Test
    void theComparisonSeesTheTreeItRunsOn() {
        // The root alone, which --version gets, cannot answer a command: the check above would see a missing command.
        assertNotEquals(run(true, "session", "list"), runOnRootAlone("session", "list"));
    }

    /** What {@code rolehop ARGS} prints and returns, run as Rolehop runs it, on its part or on the whole tree. */
    private String run(boolean wholeTree, String... args) {
        return run(
                context -> wholeTree
                        ? Commands.completed(
                                CommandTree.whole(new CommandFactory(context)),
                                context,
                                Commands.needsMethodOptions(args))
                        : Commands.build(context, args),
                args);
    }

    private String runOnRootAlone(String... args) {
        return run(context -> Commands.build(context, "--version"), args);
    }

    private String run(java.util.function.Function<CliContext, CommandLine> tree, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliHarness(dir)
                .env("NO_COLOR", "1")
                .environment(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        CliContext context = new CliContext(environment, List.of());
        CommandLine commandLine = tree.apply(context);
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        int code = commandLine.execute(Commands.arranged(commandLine, args));
        return "exit " + code + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n"
                + err.toString(StandardCharsets.UTF_8);
    }
}
