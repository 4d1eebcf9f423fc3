package io.rolehop.application.service;

import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a session's temporary credentials are cached: the plain {@link CredentialsCache} under the session's id, or
 * the {@link SecretStore} for a method that declares {@link AccessMethod#cacheInSecretStore()} (an MFA session token
 * opens a whole chain without the device, so it never sits in a plain file); the session token handed out for an IAM
 * user's long-term keys under {@code <id>.handout}.
 */
final class CredentialsPlacement {
    /** Cache-key suffix of the session token an IAM user's long-term keys are exchanged for before handing out. */
    static final String HANDOUT_SUFFIX = ".handout";

    private final AccessMethods methods;
    private final SecretStore secrets;
    private final CredentialsCache cache;
    private final Clock clock;

    CredentialsPlacement(AccessMethods methods, SecretStore secrets, CredentialsCache cache, Clock clock) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The credentials of {@code session} in the plain cache, while they stay valid beyond {@code margin}. */
    Optional<TemporaryCredentials> inCache(SessionId session, Duration margin) {
        return fromCache(session.value(), margin);
    }

    /** The credentials of {@code session} in the secret store, while they stay valid beyond {@code margin}. */
    Optional<TemporaryCredentials> inSecretStore(SessionId session, Duration margin) {
        return fromSecretStore(session).filter(c -> c.validBeyond(clock.instant(), margin));
    }

    /** What was last handed out for {@code session}: its own credentials or its hand-out token, wherever cached. */
    Optional<TemporaryCredentials> handedOut(Session session, Duration margin) {
        for (String key : new String[] {session.id().value(), session.id().value() + HANDOUT_SUFFIX}) {
            Optional<TemporaryCredentials> hit = fromCache(key, margin);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return methods.find(session.method().value())
                .filter(PluginAnswers::cachesInSecretStore)
                .flatMap(m -> inSecretStore(session.id(), margin));
    }

    /** The session token handed out for {@code session}'s long-term keys, while it stays valid beyond {@code margin}. */
    Optional<TemporaryCredentials> handOutToken(SessionId session, Duration margin) {
        return fromCache(session.value() + HANDOUT_SUFFIX, margin);
    }

    /** Caches {@code credentials} of {@code session} in the secret store or the plain cache. */
    void keep(SessionId session, boolean inSecretStore, TemporaryCredentials credentials) {
        if (inSecretStore) {
            secrets.put(SecretKeys.cachedCredentials(session), CachedCredentialsFormat.encode(credentials));
        } else {
            cache.put(session.value(), credentials);
        }
    }

    /** Caches the session token handed out for {@code session}'s long-term keys. */
    void keepHandOutToken(SessionId session, TemporaryCredentials token) {
        cache.put(session.value() + HANDOUT_SUFFIX, token);
    }

    /** Forgets the plain-cache credentials of {@code session} (not those its method keeps in the secret store). */
    void forget(SessionId session) {
        cache.evict(session.value());
        cache.evict(session.value() + HANDOUT_SUFFIX);
    }

    /**
     * Forgets every credential cached for {@code session}: the plain cache, the secret store if its method caches
     * there, and the secrets its method kept.
     */
    void forgetEverything(Session session) {
        forget(session.id());
        Optional<AccessMethod> method = methods.find(session.method().value());
        if (method.filter(PluginAnswers::cachesInSecretStore).isPresent()) {
            secrets.delete(SecretKeys.cachedCredentials(session.id()));
        }
        if (method.filter(PluginAnswers::keepsSecrets).isPresent()) {
            secrets.keys(SecretKeys.methodSecrets(session.id())).forEach(secrets::delete);
        }
    }

    private Optional<TemporaryCredentials> fromCache(String key, Duration margin) {
        return cache.get(key).filter(c -> c.validBeyond(clock.instant(), margin));
    }

    private Optional<TemporaryCredentials> fromSecretStore(SessionId session) {
        return secrets.get(SecretKeys.cachedCredentials(session)).flatMap(CachedCredentialsFormat::decode);
    }
}
