package io.rolehop.application.port.in;

import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.SessionRef;
import java.util.Objects;
import java.util.Optional;

/**
 * @param session the session, by alias or id
 * @param force whether a section of the AWS files that rolehop does not own may be replaced (after a backup)
 * @param mode how to hand credentials out from now on; empty keeps the session's mode
 * @param mfaCode a code the user gave for the first MFA device of the chain that needs one
 */
public record StartSessionCommand(
        SessionRef session, boolean force, Optional<DeliveryMode> mode, Optional<MfaCode> mfaCode) {

    public StartSessionCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mfaCode, "mfaCode");
    }

    public StartSessionCommand(String session, boolean force, Optional<DeliveryMode> mode) {
        this(SessionRef.of(session), force, mode, Optional.empty());
    }

    public StartSessionCommand(String session, boolean force) {
        this(session, force, Optional.empty());
    }
}
