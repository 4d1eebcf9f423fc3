package io.rolehop.application.port.out;

import io.rolehop.domain.TemporaryCredentials;

/**
 * AWS Security Token Service, as rolehop needs it.
 *
 * <p>Implementations sign each request with the caller's credentials given in the request and send it to the STS
 * endpoint for the request's region (or the endpoint configured for tests). They retry throttling and transient
 * faults a bounded number of times, then fail with {@link StsException}, whose message names the role and caller
 * where it helps and never contains a secret. Neither argument nor result is ever {@code null}.
 */
public interface SecurityTokenService {

    /** Calls {@code AssumeRole}. */
    TemporaryCredentials assumeRole(AssumeRoleRequest request);

    /** Calls {@code GetSessionToken}, with an MFA device and code when the request carries them. */
    TemporaryCredentials getSessionToken(SessionTokenRequest request);
}
