package io.rolehop.cli.command;

import io.rolehop.application.UsageException;
import io.rolehop.domain.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rolehop help [COMMAND...]}: the help of rolehop, or of a command at any depth ({@code help session start}). */
@Command(
        name = "help",
        helpCommand = true,
        description = "Show the help of rolehop, or of a command: 'rolehop help session start'.")
final class HelpCommand implements Runnable, CommandLine.IHelpCommandInitializable2 {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its subcommands.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(
            CommandLine helpCommandLine,
            CommandLine.Help.ColorScheme colorScheme,
            PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        StringBuilder named = new StringBuilder("rolehop");
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new UsageException("unknown command '" + Text.printable(name) + "' in '" + named + "'; see '"
                        + named + " --help' for its commands");
            }
            named.append(' ').append(name);
            target = next;
        }
        target.usage(out, colors);
        out.flush();
    }
}
