package io.rolehop.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * How a user names a session: its alias or its id. One rule finds the session it names, ids first:
 * {@code credential_process} lines name sessions by id, and an alias shaped like an id (which only a workspace from
 * before such aliases were refused can hold) must not redirect them to another session.
 *
 * @param value the alias or id as given
 */
public record SessionRef(String value) {

    public SessionRef {
        Objects.requireNonNull(value, "value");
    }

    public static SessionRef of(String aliasOrId) {
        return new SessionRef(aliasOrId);
    }

    /** The session among {@code sessions} with this id, else the one with this alias. */
    public Optional<Session> in(Collection<Session> sessions) {
        if (SessionId.looksLikeId(value)) {
            for (Session s : sessions) {
                if (s.id().value().equals(value)) {
                    return Optional.of(s);
                }
            }
        }
        return sessions.stream().filter(s -> s.alias().value().equals(value)).findFirst();
    }

    /** Like {@link #in}, failing with a clear message when nothing matches. */
    public Session findIn(Collection<Session> sessions) {
        return in(sessions).orElseThrow(() -> new UnknownSessionException(value, sessions));
    }

    @Override
    public String toString() {
        return value;
    }
}
