package io.rolehop.application.port.out;

import java.time.Duration;

/** Waits, for a use case that must give AWS time (IAM's eventual consistency) before trying again. */
@FunctionalInterface
public interface Pause {

    /**
     * Returns after {@code duration}, or earlier when the thread is interrupted (the interrupt flag then stays set).
     */
    void pause(Duration duration);
}
