package io.rolehop.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The shape of a command tree as lines of text, command by command in the order of their parents' subcommands: each
 * command's path, name, aliases and visibility, its options and positional parameters in order (names, arity, label,
 * scope), and its subcommands' names in order.
 */
final class CommandShape {
    private CommandShape() {}

    static List<String> of(CommandLine root) {
        List<String> lines = new ArrayList<>();
        describe(root, lines);
        return lines;
    }

    private static void describe(CommandLine command, List<String> lines) {
        CommandSpec spec = command.getCommandSpec();
        lines.add("command " + spec.qualifiedName() + " name=" + spec.name() + " aliases="
                + List.of(spec.aliases()) + " hidden=" + spec.usageMessage().hidden() + " helpCommand="
                + spec.helpCommand() + " class=" + className(spec));
        for (OptionSpec option : spec.options()) {
            lines.add("  option " + String.join(", ", option.names()) + " arity=" + option.arity() + " label="
                    + option.paramLabel() + " type=" + option.type().getName() + " required=" + option.required()
                    + " hidden=" + option.hidden() + " scope=" + option.scopeType() + " inherited="
                    + option.inherited() + " usageHelp=" + option.usageHelp() + " versionHelp="
                    + option.versionHelp());
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            lines.add("  positional " + positional.index() + " arity=" + positional.arity() + " label="
                    + positional.paramLabel() + " type=" + positional.type().getName() + " hidden="
                    + positional.hidden() + " inherited=" + positional.inherited());
        }
        lines.add("  subcommands " + command.getSubcommands().keySet());
        for (CommandLine sub : command.getSubcommands().values()) {
            describe(sub, lines);
        }
    }

    private static String className(CommandSpec spec) {
        Object user = spec.userObject();
        return user == null ? "none" : user.getClass().getName();
    }
}
