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
 *
 * <p>Methods with defaults may be added in later versions; a plugin calling one its host does not provide gets
 * {@link UnsupportedOperationException}.
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

    /**
     * A secret this method kept for the session with {@link #putSecret}: state it needs between calls that must not
     * sit in a plain file, such as a refresh token or a device registration. Empty when none is kept.
     *
     * @param name {@code [a-z][a-z0-9-]{0,39}}, the method's own namespace: it never collides with field names
     * @throws IllegalArgumentException for a malformed name
     */
    default Optional<String> secret(String name) {
        throw new UnsupportedOperationException("this rolehop does not keep method secrets");
    }

    /**
     * Keeps {@code value} in the secret store (an OS keychain or the encrypted file) under {@code name} for this
     * session, replacing any earlier value. Only for a method that declares {@link AccessMethod#keepsSecrets()}
     * (otherwise {@link IllegalStateException}). rolehop forgets it at {@code session logout} of the session or of a
     * session it is assumed from, at an edit that changes how its credentials are obtained, and at delete.
     *
     * @throws IllegalArgumentException for a malformed name
     */
    default void putSecret(String name, String value) {
        throw new UnsupportedOperationException("this rolehop does not keep method secrets");
    }

    /** Forgets the secret {@code name} of this session; returns whether one was kept. */
    default boolean deleteSecret(String name) {
        throw new UnsupportedOperationException("this rolehop does not keep method secrets");
    }

    /** IAM Identity Center, with the login kept for each start URL. */
    default IdentityCenterAccess identityCenter() {
        throw new UnsupportedOperationException("this rolehop has no IAM Identity Center support");
    }
}
