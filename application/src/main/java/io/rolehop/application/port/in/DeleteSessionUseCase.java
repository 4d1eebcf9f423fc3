package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import java.util.List;

/** Deletes a session (and with {@code cascade} the sessions assumed from it), stopping them and forgetting secrets. */
public interface DeleteSessionUseCase {

    /** @return the deleted sessions, dependents first */
    List<Session> delete(DeleteSessionCommand command);

    /** The sessions {@link #delete} would delete for {@code command}, dependents first; nothing changes. */
    List<Session> plan(DeleteSessionCommand command);

    /** Deletes the session a user names by {@code aliasOrId}. */
    default List<Session> delete(String aliasOrId, boolean cascade) {
        return delete(new DeleteSessionCommand(SessionRef.of(aliasOrId), cascade));
    }
}
