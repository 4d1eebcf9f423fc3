package io.rolehop.application.port.in;

import io.rolehop.domain.Session;
import java.util.List;

/** Deletes a session (and with {@code cascade} the sessions assumed from it), stopping them and forgetting secrets. */
public interface DeleteSessionUseCase {

    /** @return the deleted sessions, dependents first */
    List<Session> delete(String session, boolean cascade);
}
