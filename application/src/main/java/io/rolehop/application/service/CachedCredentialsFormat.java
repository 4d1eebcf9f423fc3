package io.rolehop.application.service;

import io.rolehop.domain.DomainException;
import io.rolehop.domain.TemporaryCredentials;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * How temporary credentials are written as one secret-store value: a version line, then access key id, secret
 * access key, session token and ISO-8601 expiration, one per line. None of them can contain a line break.
 */
final class CachedCredentialsFormat {
    private static final String VERSION = "rolehop-credentials-v1";

    private CachedCredentialsFormat() {}

    static String encode(TemporaryCredentials credentials) {
        return String.join(
                "\n",
                VERSION,
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials.sessionToken(),
                credentials.expiration().toString());
    }

    /** The credentials in {@code value}; empty for anything unreadable, which the caller treats as a miss. */
    static Optional<TemporaryCredentials> decode(String value) {
        String[] lines = value.split("\n", -1);
        if (lines.length != 5 || !VERSION.equals(lines[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TemporaryCredentials(lines[1], lines[2], lines[3], Instant.parse(lines[4])));
        } catch (DateTimeException | DomainException | IllegalArgumentException e) {
            // Never chain or show the cause: its message could quote a secret.
            return Optional.empty();
        }
    }
}
