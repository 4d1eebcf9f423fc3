package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import java.util.Objects;

/**
 * What a session delete needs.
 *
 * @param session the session, by alias or id
 * @param cascade whether the sessions assumed from it, at any depth, go too
 */
public record DeleteSessionCommand(SessionRef session, boolean cascade) {

    public DeleteSessionCommand {
        Objects.requireNonNull(session, "session");
    }
}
