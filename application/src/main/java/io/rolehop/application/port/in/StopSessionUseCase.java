package io.rolehop.application.port.in;

/** Stops a session: removes its section from the AWS files and marks it inactive. Stopping an inactive one is fine. */
public interface StopSessionUseCase {

    /** @return whether anything changed */
    boolean stop(String session);
}
