package io.rolehop.application.port.in;

import io.rolehop.domain.Session;

/** Adds a session of any access method to the workspace. */
public interface AddSessionUseCase {

    /**
     * Validates every field with the method's validators, stores public fields in the workspace and the others in the
     * secret store, and adds the inactive session.
     */
    Session add(AddSessionCommand command);
}
