package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What rotating a session's access key needs.
 *
 * @param session the session holding the key, by alias or id
 * @param mfaCode a code the user gave for the session's MFA device, if it has one
 */
public record RotateAccessKeyCommand(SessionRef session, Optional<MfaCode> mfaCode) {

    public RotateAccessKeyCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mfaCode, "mfaCode");
    }

    /** The command for the session a user names by {@code aliasOrId}, with no code given. */
    public static RotateAccessKeyCommand of(String aliasOrId) {
        return new RotateAccessKeyCommand(SessionRef.of(aliasOrId), Optional.empty());
    }
}
