package io.rolehop.application.service;

import io.rolehop.domain.SessionId;

/** How session secrets are named in the secret store. */
final class SecretKeys {
    /**
     * The last segment of the key under which a session's cached credentials are kept when its method caches in the
     * secret store. The dot keeps it apart from field names, which are {@code [a-z][a-z0-9-]*}.
     */
    static final String CACHED_CREDENTIALS = ".cached-credentials";

    private SecretKeys() {}

    static String prefix(SessionId id) {
        return "session/" + id.value() + "/";
    }

    static String field(SessionId id, String field) {
        return prefix(id) + field;
    }

    static String cachedCredentials(SessionId id) {
        return prefix(id) + CACHED_CREDENTIALS;
    }
}
