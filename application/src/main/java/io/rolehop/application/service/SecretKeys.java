package io.rolehop.application.service;

import io.rolehop.domain.SessionId;

/** How session secrets are named in the secret store. */
final class SecretKeys {
    private SecretKeys() {}

    static String prefix(SessionId id) {
        return "session/" + id.value() + "/";
    }

    static String field(SessionId id, String field) {
        return prefix(id) + field;
    }
}
