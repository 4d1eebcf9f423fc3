package io.rolehop.cli.command;

import io.rolehop.domain.SessionRef;
import picocli.CommandLine.Parameters;

/** The SESSION positional of the commands that act on one session. */
final class SessionArgument {
    @Parameters(paramLabel = "SESSION", description = "Alias or id.")
    String value;

    String value() {
        return value;
    }

    SessionRef ref() {
        return SessionRef.of(value);
    }
}
