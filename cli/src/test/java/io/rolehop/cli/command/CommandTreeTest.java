package io.rolehop.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.rolehop.cli.CliHarness;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.CommandFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one description of the command tree, and the part of it built for a command line. */
class CommandTreeTest {
    @TempDir
    Path dir;

    @Test
    void everyNameInTheTreeIsItsCommandsOwnName() throws IOException {
        List<String> checked = new ArrayList<>();
        checkNames(CommandTree.ROOT, "", checked);
        List<String> snapshot = snapshot().stream()
                .filter(line -> line.startsWith("command "))
                .map(line -> line.substring("command ".length(), line.indexOf(" name=")))
                .toList();
        assertEquals(snapshot, checked);
    }

    private static void checkNames(CommandTree.Node node, String parent, List<String> checked) {
        Command command = node.type().getAnnotation(Command.class);
        assertNotNull(command, node.className() + " has no @Command");
        assertEquals(command.name(), node.name(), "the name of " + node.className() + " under '" + parent + "'");
        checked.add((parent + " " + node.name()).strip());
        for (CommandTree.Node sub : node.subcommands()) {
            checkNames(sub, (parent + " " + node.name()).strip(), checked);
        }
    }

    @Test
    void theWholeTreeHasTheCommandsAndOptionsOfTheSnapshot() throws IOException {
        List<String> expected = snapshot();
        assertEquals(String.join("\n", expected), String.join("\n", CommandShape.of(Commands.build(context()))));
        assertEquals(
                String.join("\n", expected),
                String.join("\n", CommandShape.of(Commands.completed(CommandTree.whole(factory()), context(), false))));
    }

    /** The shape of the whole tree as the command classes' annotations described it (see CommandShape). */
    private List<String> snapshot() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("command-tree.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#"))
                    .toList();
        }
    }

    @Test
    void aCommandLineGetsThePartOfTheTreeItNames() {
        Map<String, String> trees = new LinkedHashMap<>();
        trees.put("", "rolehop*");
        trees.put("--help", "rolehop*");
        trees.put("-h", "rolehop*");
        trees.put("--version", "rolehop[]");
        trees.put("-V", "rolehop[]");
        trees.put("-q --version", "rolehop*");
        trees.put("--version session list", "rolehop*");
        trees.put("session list", "rolehop[session[list]]");
        trees.put("session list --help", "rolehop[session[list]]");
        trees.put("-q session start prod", "rolehop[session[start]]");
        trees.put("--debug -o json session list", "rolehop[session[list]]");
        trees.put("--output=json session tree", "rolehop[session[tree]]");
        trees.put("--output json session stop prod", "rolehop[session[stop]]");
        trees.put("-ojson profile list", "rolehop[profile[list]]");
        trees.put("secrets status", "rolehop[secrets[status]]");
        trees.put("session logout prod", "rolehop[session[logout]]");
        trees.put("session generate prod", "rolehop[session[generate]]");
        trees.put("sso login --help", "rolehop[sso[login]]");
        trees.put("import aws-config", "rolehop[import[aws-config]]");
        trees.put("session", "rolehop[session*]");
        trees.put("session --help", "rolehop[session*]");
        trees.put("session strat", "rolehop[session*]");
        trees.put("session -o json list", "rolehop[session*]");
        trees.put("session add aws-sso --help", "rolehop[session*]");
        trees.put("session edit prod", "rolehop[session*]");
        trees.put("exec prod aws s3 ls", "rolehop[exec]");
        trees.put("exec prod session list", "rolehop[exec]");
        trees.put("sesion list", "rolehop*");
        trees.put("help session start", "rolehop*");
        trees.put("-q help", "rolehop*");
        trees.put("completion bash", "rolehop[completion]");
        trees.put("completion --candidates sessions", "rolehop[completion]");
        trees.put("-o session list", "rolehop*");
        trees.put("-- session list", "rolehop*");
        trees.put("--bogus session list", "rolehop*");
        Map<String, String> built = new LinkedHashMap<>();
        for (String line : trees.keySet()) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");
            built.put(line, render(CommandTree.build(factory(), args), CommandTree.ROOT));
        }
        assertEquals(trees, built);
    }

    @Test
    void theRunThatMakesTheClassDataSharingArchiveGetsTheWholeTree() {
        System.setProperty(Commands.CDS_TRAINING, "true");
        try {
            assertEquals(
                    "rolehop*", render(Commands.build(context(), "session", "generate", "prod"), CommandTree.ROOT));
        } finally {
            System.clearProperty(Commands.CDS_TRAINING);
        }
        assertEquals(
                "rolehop[session[generate]]",
                render(Commands.build(context(), "session", "generate", "prod"), CommandTree.ROOT));
    }

    /** The tree as {@code name[sub,...]}, a command with its whole subtree as {@code name*}. */
    private static String render(CommandLine command, CommandTree.Node node) {
        if (node.subcommands().isEmpty()) {
            return node.name();
        }
        if (whole(command, node)) {
            return node.name() + "*";
        }
        List<String> subs = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> subs.add(render(sub, node.child(name))));
        return node.name() + "[" + String.join(",", subs) + "]";
    }

    private static boolean whole(CommandLine command, CommandTree.Node node) {
        List<String> names =
                node.subcommands().stream().map(CommandTree.Node::name).toList();
        if (!names.equals(new ArrayList<>(command.getSubcommands().keySet()))) {
            return false;
        }
        return node.subcommands().stream()
                .allMatch(sub -> whole(command.getSubcommands().get(sub.name()), sub));
    }

    private CommandFactory factory() {
        return new CommandFactory(context());
    }

    private CliContext context() {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream());
        CliEnvironment environment = new CliHarness(dir).environment(discard, discard);
        return new CliContext(environment, List.of());
    }
}
