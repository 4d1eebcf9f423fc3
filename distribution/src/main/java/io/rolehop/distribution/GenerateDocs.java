package io.rolehop.distribution;

import io.rolehop.cli.command.Commands;
import io.rolehop.cli.completion.CompletionScripts;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.wiring.CliContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the sources of the man pages (AsciiDoc, one per command, by picocli's generator, into the directory of the
 * second argument; asciidoctor makes {@code man/man1/rolehop*.1} of them) and the completion scripts
 * ({@code completion/} of the first) from the command tree, at build time.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        Path app = Path.of(args[0]);
        Path empty = Files.createTempDirectory("rolehop-docs");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        // A workspace of its own, empty: the tree holds the built-in access methods and no one's plugins.
        CliEnvironment environment = new CliEnvironment(
                Map.of(
                        "HOME",
                        empty.toString(),
                        "ROLEHOP_HOME",
                        empty.resolve("rolehop").toString()),
                new ByteArrayInputStream(new byte[0]),
                discard,
                discard,
                Clock.systemUTC(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        CommandLine tree = Commands.whole(new CliContext(environment, List.of()));

        Path man = Path.of(args[1]);
        Files.createDirectories(man);
        int status = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, tree.getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("the man page generator failed with status " + status);
        }
        Path completion = app.resolve("completion");
        Files.createDirectories(completion);
        for (String shell : CompletionScripts.SHELLS) {
            String name = switch (shell) {
                case "bash" -> "rolehop.bash";
                case "zsh" -> "_rolehop";
                default -> "rolehop.fish";
            };
            Files.writeString(completion.resolve(name), CompletionScripts.script(shell, tree) + "\n");
        }
    }
}
