package io.rolehop.application.port.out;

import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.Region;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parameters of one {@code GetFederationToken} call, signed with an IAM user's long-term {@code caller} keys
 * (AWS accepts no other caller).
 *
 * @param name the federated user's name, {@code [\w+=,.@-]{2,32}}; the console shows it
 * @param policy the session policy, a JSON document; the federated user gets what both it and the user's own
 *     policies allow
 */
public record FederationTokenRequest(
        LongTermCredentials caller, Region region, String name, String policy, Duration duration) {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{2,32}");

    public FederationTokenRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(duration, "duration");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a federated user's name is 2 to 32 of [\\w+=,.@-]");
        }
    }

    @Override
    public String toString() {
        return "FederationTokenRequest[caller=" + caller.accessKeyId() + ", name=" + name + ", duration=" + duration
                + "]";
    }
}
