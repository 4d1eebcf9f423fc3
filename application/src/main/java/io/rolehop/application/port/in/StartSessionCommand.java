package io.rolehop.application.port.in;

import io.rolehop.domain.DeliveryMode;
import java.util.Objects;
import java.util.Optional;

/**
 * @param session alias or id
 * @param force whether a section of the AWS files that rolehop does not own may be replaced (after a backup)
 * @param mode how to hand credentials out from now on; empty keeps the session's mode
 */
public record StartSessionCommand(String session, boolean force, Optional<DeliveryMode> mode) {

    public StartSessionCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mode, "mode");
    }

    public StartSessionCommand(String session, boolean force) {
        this(session, force, Optional.empty());
    }
}
