package io.rolehop.application.port.out;

import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The parameters of one {@code GetSessionToken} call, signed with the user's long-term {@code caller} keys. */
public record SessionTokenRequest(
        LongTermCredentials caller, Region region, Duration duration, Optional<MfaToken> mfa) {

    public SessionTokenRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(mfa, "mfa");
    }

    @Override
    public String toString() {
        return "SessionTokenRequest[caller=" + caller.accessKeyId() + ", duration=" + duration + ", mfa="
                + mfa.map(MfaToken::serialNumber).orElse("none") + "]";
    }
}
