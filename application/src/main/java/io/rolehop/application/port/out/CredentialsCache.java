package io.rolehop.application.port.out;

import io.rolehop.domain.TemporaryCredentials;
import java.util.Optional;

/**
 * Where each hop's temporary credentials are kept until near their expiry, so that a warm start or
 * {@code session generate} makes no STS call. Read on the hot path: a lookup must be cheap (no key derivation, no
 * network). Keys are {@code [A-Za-z0-9._-]{1,128}}, conventionally the session id with an optional suffix.
 */
public interface CredentialsCache {

    Optional<TemporaryCredentials> get(String key);

    void put(String key, TemporaryCredentials credentials);

    /** Forgets {@code key}; absent keys are not an error. */
    void evict(String key);
}
