package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import java.util.Objects;

/**
 * What a session stop needs.
 *
 * @param session the session, by alias or id
 */
public record StopSessionCommand(SessionRef session) {

    public StopSessionCommand {
        Objects.requireNonNull(session, "session");
    }

    /** The command for the session a user names by {@code aliasOrId}. */
    public static StopSessionCommand of(String aliasOrId) {
        return new StopSessionCommand(SessionRef.of(aliasOrId));
    }
}
