package io.rolehop.application.port.in;

/** Stops a session: removes its section from the AWS files and marks it inactive. Stopping an inactive one is fine. */
public interface StopSessionUseCase {

    /** @return whether anything changed */
    boolean stop(StopSessionCommand command);

    /** Stops the session a user names by {@code aliasOrId}. */
    default boolean stop(String aliasOrId) {
        return stop(StopSessionCommand.of(aliasOrId));
    }
}
