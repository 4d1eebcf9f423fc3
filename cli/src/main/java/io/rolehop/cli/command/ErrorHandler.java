package io.rolehop.cli.command;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.NearMatches;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and the exit code of docs/cli-reference.md: 1 operation failed, 2 usage or
 * validation error, 3 interaction needed but impossible. A stack trace only with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final int MAX_MESSAGE = 1000;

    private final CliContext context;

    ErrorHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return report(e, commandLine.getErr());
    }

    /** One line for {@code e} on {@code err}, and its exit code. */
    int report(Exception e, PrintWriter err) {
        int code;
        String message;
        if (e instanceof DomainException || e instanceof UsageException) {
            code = ExitCode.USAGE;
            message = e.getMessage();
        } else if (e instanceof InteractionRequiredException) {
            code = ExitCode.INTERACTION;
            message = e.getMessage();
        } else if (e instanceof OperationFailedException) {
            code = ExitCode.FAILED;
            message = e.getMessage();
        } else {
            code = ExitCode.FAILED;
            message = "unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (rerun with --debug for details)";
        }
        err.println("rolehop: " + oneLine(message));
        if (context.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println("rolehop: " + oneLine(withoutValues(e, args)) + " (see '" + command + " --help')");
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * picocli's message with no value from the command line in it: a value typed after a mistyped option may be a
     * secret ({@code --secret-access-key-stdin=KEY}, {@code --secret KEY}). Unknown options are named without their
     * {@code =VALUE}; other unmatched words are counted, not quoted, but for a mistyped command name, which is quoted
     * with picocli's suggestions; any other message has each value of the command line replaced (see
     * docs/cli-reference.md, "Usage errors").
     */
    static String withoutValues(CommandLine.ParameterException e, String[] args) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        String message = String.valueOf(e.getMessage())
                .replaceFirst("^(option '[^']+') should be specified without '.*' parameter$", "$1 takes no value");
        Set<String> commandNames = new HashSet<>();
        for (CommandLine c = e.getCommandLine(); c != null; c = c.getParent()) {
            commandNames.add(c.getCommandName());
        }
        for (String arg : args) {
            boolean option = arg.startsWith("-");
            if (option && arg.indexOf('=') < 0) {
                continue;
            }
            String value = option ? arg.substring(arg.indexOf('=') + 1) : arg;
            if (!value.isEmpty() && !commandNames.contains(value)) {
                message = message.replace("'" + value + "'", "a value (not shown)");
            }
        }
        return message;
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException e) {
        CommandLine commandLine = e.getCommandLine();
        List<String> unmatchedArgs = e.getUnmatched();
        if (!commandLine.getSubcommands().isEmpty()
                && !unmatchedArgs.isEmpty()
                && !unmatchedArgs.get(0).startsWith("-")) {
            return unknownSubcommand(commandLine, unmatchedArgs.get(0));
        }
        List<String> options = new ArrayList<>();
        int values = 0;
        for (String arg : unmatchedArgs) {
            if (arg.length() > 1 && arg.startsWith("-")) {
                int equals = arg.indexOf('=');
                options.add(equals < 0 ? arg : arg.substring(0, equals));
            } else {
                values++;
            }
        }
        if (!options.isEmpty()) {
            List<String> known = commandLine.getCommandSpec().options().stream()
                    .filter(o -> !o.hidden())
                    .flatMap(o -> java.util.Arrays.stream(o.names()))
                    .toList();
            return "unknown option" + (options.size() > 1 ? "s " : " ")
                    + String.join(", ", options.stream().map(o -> "'" + o + "'").toList())
                    + NearMatches.didYouMean(options.get(0), known)
                    + (values > 0 ? " (values after it are not shown)" : "");
        }
        return values == 1
                ? "unexpected argument after '" + commandLine.getCommandName() + "' (not shown)"
                : values + " unexpected arguments after '" + commandLine.getCommandName() + "' (not shown)";
    }

    /**
     * An unknown word where a subcommand is expected: the near names offered; where the subcommands are access
     * methods ({@code session add}), every installed method listed.
     */
    private static String unknownSubcommand(CommandLine commandLine, String typed) {
        CommandLine.Model.CommandSpec spec = commandLine.getCommandSpec();
        List<String> names = new ArrayList<>();
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        boolean methods = "METHOD".equals(spec.usageMessage().synopsisSubcommandLabel());
        String message = "unknown " + (methods ? "access method" : "command") + " '" + typed + "' for '"
                + spec.qualifiedName() + "'" + NearMatches.didYouMean(typed, names);
        return methods ? message + "; installed access methods: " + String.join(", ", names) : message;
    }

    /**
     * The message on one line a terminal cannot be made to act on: line breaks become spaces; other control, format
     * (bidi, zero-width) and line-separator characters, which picocli's messages quote from the command line as they
     * are, are escaped; an overlong message is cut.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        StringBuilder out = new StringBuilder();
        message.strip().codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n' || c == '\r') {
                out.append(' ');
            } else if (Character.isISOControl(c)
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > MAX_MESSAGE ? out.substring(0, MAX_MESSAGE) + "..." : out.toString();
    }
}
