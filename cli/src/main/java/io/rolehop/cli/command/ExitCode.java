package io.rolehop.cli.command;

/** The exit codes of rolehop (docs/cli-reference.md, "Exit codes"). */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The operation failed: STS refused, a file could not be written, a rotation failed. */
    public static final int FAILED = 1;
    /** A usage or validation error: nothing was changed. */
    public static final int USAGE = 2;
    /** Interaction was needed (an MFA code, a passphrase) and no terminal could give it. */
    public static final int INTERACTION = 3;
    /** {@code exec}: the command to run was not found, as a shell reports it. */
    public static final int COMMAND_NOT_FOUND = 127;

    private ExitCode() {}
}
