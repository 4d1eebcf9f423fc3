package io.rolehop.cli.command;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.domain.DomainException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns every failure into one line on stderr and the exit code of CLI.md: 1 operation failed, 2 usage or
 * validation error, 3 interaction needed but impossible. A stack trace only with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERACTION = 3;
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
            code = USAGE;
            message = e.getMessage();
        } else if (e instanceof InteractionRequiredException) {
            code = INTERACTION;
            message = e.getMessage();
        } else if (e instanceof OperationFailedException) {
            code = FAILED;
            message = e.getMessage();
        } else {
            code = FAILED;
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
        err.println("rolehop: " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
        err.flush();
        return USAGE;
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
            } else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.length() > MAX_MESSAGE ? out.substring(0, MAX_MESSAGE) + "..." : out.toString();
    }
}
