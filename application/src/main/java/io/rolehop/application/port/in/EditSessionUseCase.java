package io.rolehop.application.port.in;

import io.rolehop.domain.Session;

/** Changes a session; an active session is re-applied with its new settings. */
public interface EditSessionUseCase {

    Session edit(EditSessionCommand command);
}
