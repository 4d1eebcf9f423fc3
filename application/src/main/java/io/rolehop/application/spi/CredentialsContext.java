package io.rolehop.application.spi;

import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What an {@link AccessMethod} may use to obtain credentials for one session. Valid only during the call it is
 * passed to.
 */
public interface CredentialsContext {

    /** The session whose credentials are wanted. */
    Session session();

    /** A field value: public ones from the workspace, the others from the secret store; empty when not set. */
    Optional<String> field(String name);

    /**
     * The credentials of the session's assumer, resolved on demand through its own chain (from cache where valid).
     *
     * @throws io.rolehop.application.UsageException if the session has no assumer
     */
    AwsCredentials assumerCredentials();

    /** STS, already pointed at the right endpoint. */
    SecurityTokenService sts();

    /**
     * An MFA code for {@code deviceSerial}, from {@code --mfa-code}, a configured MFA command, or a terminal prompt.
     *
     * @throws io.rolehop.application.InteractionRequiredException when no source can give one
     */
    String mfaCode(String deviceSerial);

    /** The clock to use for every time decision. */
    Clock clock();

    /** How long before expiry cached credentials stop being served. */
    Duration refreshMargin();
}
