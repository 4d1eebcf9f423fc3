package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's help, reached the way a user reaches it ({@code rolehop ... --help}, walking the "Commands:" list
 * of each), ends with examples: a command added without its line in examples.properties fails here.
 */
class HelpExamplesEverywhereTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpHasExamples() throws Exception {
        CliHarness cli = new CliHarness(dir);
        List<String> without = new ArrayList<>();
        Deque<List<String>> pending = new ArrayDeque<>();
        pending.add(List.of());
        int seen = 0;
        while (!pending.isEmpty()) {
            List<String> path = pending.poll();
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliHarness.Result help = cli.run(args.toArray(String[]::new));
            assertEquals(0, help.code(), help.toString());
            seen++;
            if (!help.out().contains("\nExamples:\n  ")) {
                without.add(path.isEmpty() ? "rolehop" : "rolehop " + String.join(" ", path));
            }
            for (String name : subcommands(help.out())) {
                if (!name.equals("help")) {
                    List<String> child = new ArrayList<>(path);
                    child.add(name);
                    pending.add(child);
                }
            }
        }
        assertTrue(seen > 40, "walked " + seen + " commands");
        assertEquals(List.of(), without, "commands whose help has no examples (add them to examples.properties)");
    }

    /** The names listed under "Commands:" in a picocli usage message. */
    private static List<String> subcommands(String usage) {
        List<String> names = new ArrayList<>();
        boolean inCommands = false;
        for (String line : usage.split("\n")) {
            if (line.equals("Commands:")) {
                inCommands = true;
                continue;
            }
            if (inCommands) {
                if (line.isBlank() || !line.startsWith("  ")) {
                    break;
                }
                String name = line.strip().split("[\\s,]+")[0];
                if (line.startsWith("  ") && !line.startsWith("   ") && !name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
