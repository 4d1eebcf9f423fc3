package io.rolehop.cli.fast;

import io.rolehop.domain.TemporaryCredentials;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one entry of the credentials cache ({@code $ROLEHOP_HOME/cache/<key>.json}) as {@code FileCredentialsCache}
 * does: an object of strings with {@code AccessKeyId}, {@code SecretAccessKey}, {@code SessionToken} and
 * {@code Expiration}. An entry it cannot read is empty.
 */
final class CacheEntryReader {
    private CacheEntryReader() {}

    static Optional<TemporaryCredentials> read(byte[] json) {
        try {
            if (!(StrictJson.parse(json) instanceof Map<?, ?> fields)) {
                return Optional.empty();
            }
            for (Object value : fields.values()) {
                if (!(value instanceof String)) {
                    return Optional.empty();
                }
            }
            Object expiration = fields.get("Expiration");
            if (expiration == null) {
                return Optional.empty();
            }
            // The record checks the other three, as it does for the file cache.
            return Optional.of(new TemporaryCredentials(
                    (String) fields.get("AccessKeyId"),
                    (String) fields.get("SecretAccessKey"),
                    (String) fields.get("SessionToken"),
                    Instant.parse((String) expiration)));
        } catch (StrictJson.Malformed | RuntimeException e) {
            return Optional.empty();
        }
    }
}
