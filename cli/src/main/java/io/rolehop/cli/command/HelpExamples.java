package io.rolehop.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Examples at the end of every command's help, from {@code examples.properties} beside this class (keyed by the
 * command's full name with dots), and the top-level help's pointer to the installed documentation and man page.
 */
final class HelpExamples {
    private HelpExamples() {}

    static void addTo(CommandLine root, java.util.Optional<java.nio.file.Path> distribution) {
        Properties examples = new Properties();
        try (InputStream in = HelpExamples.class.getResourceAsStream("examples.properties")) {
            if (in != null) {
                examples.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        add(root, examples);
        List<String> footer =
                new ArrayList<>(List.of(root.getCommandSpec().usageMessage().footer()));
        footer.removeIf(line -> line.startsWith("Documentation:"));
        String docs = distribution.map(d -> d.resolve("docs").toString()).orElse("docs/ of the distribution");
        footer.add("Documentation: " + docs + " (start with README.md there); 'man rolehop' and 'man rolehop-COMMAND'"
                + " for the man pages (man/man1 of the distribution).");
        root.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    }

    private static void add(CommandLine command, Properties examples) {
        String key = command.getCommandSpec().qualifiedName(".");
        String text = examples.getProperty(key);
        if (text != null) {
            List<String> footer = new ArrayList<>();
            footer.add("");
            footer.add("Examples:");
            for (String line : text.split("\n")) {
                footer.add("  " + line);
            }
            footer.addAll(List.of(command.getCommandSpec().usageMessage().footer()));
            command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        }
        command.getSubcommands().values().forEach(sub -> add(sub, examples));
    }
}
