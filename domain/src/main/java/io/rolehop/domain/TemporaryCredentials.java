package io.rolehop.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Short-lived credentials issued by STS, valid until {@link #expiration()}. */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration)
        implements AwsCredentials {

    public TemporaryCredentials {
        Credentials.requireAccessKeyId(accessKeyId);
        Credentials.requireSecret(secretAccessKey, "secret access key");
        Credentials.requireSecret(sessionToken, "session token");
        Objects.requireNonNull(expiration, "expiration");
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    /** Whether the credentials stay valid for longer than {@code margin} after {@code now}. */
    public boolean validBeyond(Instant now, Duration margin) {
        return expiration.isAfter(now.plus(margin));
    }

    public boolean isExpired(Instant now) {
        return !expiration.isAfter(now);
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[accessKeyId=" + accessKeyId
                + ", secretAccessKey=****, sessionToken=****, expiration=" + expiration + "]";
    }
}
