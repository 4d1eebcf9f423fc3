package io.rolehop.application.port.out;

import io.rolehop.domain.Region;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM Identity Center token cache of the AWS CLI v2 and the AWS SDKs: {@code ~/.aws/sso/cache/<SHA-1 of the
 * start URL>.json}. rolehop reads a valid token there instead of asking for a login, and writes its own there when
 * the workspace setting {@code sso-token-cache} is {@code write}.
 */
public interface AwsCliTokenCache {

    /** One cache file's content; the token, refresh token and client secret are secrets. */
    record Entry(
            String startUrl,
            Region region,
            String accessToken,
            Instant expiresAt,
            Optional<String> refreshToken,
            Optional<String> clientId,
            Optional<String> clientSecret,
            Optional<Instant> registrationExpiresAt) {
        public Entry {
            Objects.requireNonNull(startUrl, "startUrl");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "Entry[startUrl=" + startUrl + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The entry for {@code startUrl}, if a readable one exists; an unreadable file is no entry. */
    Optional<Entry> read(String startUrl);

    /** Writes the entry for its start URL, atomically, mode 0600. */
    void write(Entry entry);

    /** Deletes the entry for {@code startUrl}; returns whether there was one. */
    boolean delete(String startUrl);
}
