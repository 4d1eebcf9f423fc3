package io.rolehop.application.port.in;

import io.rolehop.domain.SessionRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What credentials for a session needs.
 *
 * @param session the session, by alias or id
 * @param mfaCode a code the user gave for the first MFA device of the chain that needs one
 */
public record GenerateCredentialsCommand(SessionRef session, Optional<MfaCode> mfaCode) {

    public GenerateCredentialsCommand {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(mfaCode, "mfaCode");
    }

    /** The command for the session a user names by {@code aliasOrId}, with no code given. */
    public static GenerateCredentialsCommand of(String aliasOrId) {
        return new GenerateCredentialsCommand(SessionRef.of(aliasOrId), Optional.empty());
    }
}
