package io.rolehop.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the credentials of active sessions in file mode fresh. Sessions in credential_process mode refresh
 * themselves and are left alone.
 */
public interface RotateSessionsUseCase {

    /**
     * Refreshes, once, every active file-mode session whose credentials expire within the refresh margin,
     * re-deriving through cached hops. A failed refresh leaves still-valid credentials in place; a session whose
     * credentials have expired and cannot be refreshed is stopped (its sections removed).
     *
     * @return what happened to each session that was due, in workspace order
     */
    List<Rotation> rotate();

    /** When the next active file-mode session becomes due for a refresh, if any is active. */
    Optional<Instant> nextRefresh();

    /** The outcome for one session. */
    record Rotation(String alias, Outcome outcome, Optional<Instant> expiration, String detail) {}

    enum Outcome {
        /** New credentials were written. */
        REFRESHED,
        /** The refresh failed; the previous credentials are still valid and stay in place. */
        FAILED_KEPT,
        /** The refresh failed and the previous credentials had expired: the session was stopped. */
        FAILED_STOPPED
    }
}
