package io.rolehop.application.service;

import io.rolehop.domain.SessionId;

/** How session secrets are named in the secret store. */
final class SecretKeys {
    /**
     * The last segment of the key under which a session's cached credentials are kept when its method caches in the
     * secret store. The dot keeps it apart from field names, which are {@code [a-z][a-z0-9-]*}.
     */
    static final String CACHED_CREDENTIALS = ".cached-credentials";

    /** The segment under which an access method keeps its own secrets for a session (see CredentialsContext). */
    static final String METHOD_SECRETS = ".method/";

    private static final java.util.regex.Pattern METHOD_SECRET_NAME =
            java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private SecretKeys() {}

    static String prefix(SessionId id) {
        return "session/" + id.value() + "/";
    }

    static String field(SessionId id, String field) {
        return prefix(id) + field;
    }

    static String methodSecret(SessionId id, String name) {
        if (name == null || !METHOD_SECRET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a method secret's name must match " + METHOD_SECRET_NAME.pattern());
        }
        return prefix(id) + METHOD_SECRETS + name;
    }

    static String methodSecrets(SessionId id) {
        return prefix(id) + METHOD_SECRETS;
    }

    static String cachedCredentials(SessionId id) {
        return prefix(id) + CACHED_CREDENTIALS;
    }
}
