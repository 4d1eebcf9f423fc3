package io.rolehop.application.port.out;

import io.rolehop.domain.TemporaryCredentials;

/**
 * STS {@code GetFederationToken}: temporary credentials for an IAM user that the console sign-in endpoint accepts
 * (it refuses an IAM user's long-term keys and the session tokens of {@code GetSessionToken}).
 *
 * <p>Implementations sign with the long-term keys the request carries, send it to the STS endpoint of the request's
 * region (or the one configured for tests), retry throttling and transient faults a bounded number of times, then
 * fail with {@link StsException}, whose message never contains a secret. Neither argument nor result is ever
 * {@code null}.
 */
public interface FederationTokenService {

    /** Calls {@code GetFederationToken}. */
    TemporaryCredentials getFederationToken(FederationTokenRequest request);
}
