package io.rolehop.application.port.out;

import io.rolehop.domain.Region;
import io.rolehop.domain.TemporaryCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a console sign-in URL is made from.
 *
 * @param credentials temporary credentials from {@code AssumeRole*} or {@code GetFederationToken}
 * @param region the console's region; its partition chooses the sign-in and console hosts
 * @param sessionDuration how long the console session lasts; empty for credentials from role chaining, for which
 *     AWS refuses the parameter (such a console lasts as long as the role session)
 * @param destination the console page to land on; empty for the region's console home
 * @param logoutFirst whether the URL first signs out of a console already open in the browser
 */
public record SignInRequest(
        TemporaryCredentials credentials,
        Region region,
        Optional<Duration> sessionDuration,
        Optional<URI> destination,
        boolean logoutFirst) {

    public SignInRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        Objects.requireNonNull(destination, "destination");
    }

    @Override
    public String toString() {
        return "SignInRequest[credentials=" + credentials.accessKeyId() + ", region=" + region + ", sessionDuration="
                + sessionDuration.map(Duration::toString).orElse("none") + ", logoutFirst=" + logoutFirst + "]";
    }
}
