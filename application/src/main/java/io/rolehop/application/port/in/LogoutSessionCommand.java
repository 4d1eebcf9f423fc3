package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import java.util.Objects;

/**
 * What a session logout needs.
 *
 * @param session the session, by alias or id
 */
public record LogoutSessionCommand(SessionRef session) {

    public LogoutSessionCommand {
        Objects.requireNonNull(session, "session");
    }

    /** The command for the session a user names by {@code aliasOrId}. */
    public static LogoutSessionCommand of(String aliasOrId) {
        return new LogoutSessionCommand(SessionRef.of(aliasOrId));
    }
}
