package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import java.util.Objects;

/**
 * What credentials for a session needs.
 *
 * @param session the session, by alias or id
 */
public record GenerateCredentialsCommand(SessionRef session) {

    public GenerateCredentialsCommand {
        Objects.requireNonNull(session, "session");
    }

    /** The command for the session a user names by {@code aliasOrId}. */
    public static GenerateCredentialsCommand of(String aliasOrId) {
        return new GenerateCredentialsCommand(SessionRef.of(aliasOrId));
    }
}
