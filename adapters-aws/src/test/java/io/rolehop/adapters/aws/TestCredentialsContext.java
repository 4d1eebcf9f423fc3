package io.rolehop.adapters.aws;

import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A hand-written {@link CredentialsContext} over a real STS adapter: the fields of one session, its assumer's
 * credentials from a supplier (another context, for chains), and scripted MFA codes.
 */
final class TestCredentialsContext implements CredentialsContext {
    private final Session session;
    private final Map<String, String> fields;
    private final SecurityTokenService sts;
    private final Optional<Supplier<AwsCredentials>> assumer;
    private final List<String> mfaCodes = new ArrayList<>();
    private final List<String> mfaDevicesAsked = new ArrayList<>();
    private int assumerCalls;

    private TestCredentialsContext(
            Session session,
            Map<String, String> fields,
            SecurityTokenService sts,
            Optional<Supplier<AwsCredentials>> assumer) {
        this.session = session;
        this.fields = new HashMap<>(fields);
        this.sts = sts;
        this.assumer = assumer;
    }

    /** A root session (no assumer) of {@code method} in {@code region}. */
    static TestCredentialsContext root(
            String alias, String method, String region, Map<String, String> fields, SecurityTokenService sts) {
        return new TestCredentialsContext(session(alias, method, region), fields, sts, Optional.empty());
    }

    /** A session whose assumer's credentials come from {@code assumer}. */
    static TestCredentialsContext chained(
            String alias,
            String method,
            String region,
            Map<String, String> fields,
            SecurityTokenService sts,
            Supplier<AwsCredentials> assumer) {
        return new TestCredentialsContext(session(alias, method, region), fields, sts, Optional.of(assumer));
    }

    private static Session session(String alias, String method, String region) {
        return Session.create(
                Alias.of(alias),
                AccessMethodId.of(method),
                NamedProfile.DEFAULT,
                Region.of(region),
                Optional.empty(),
                Map.of());
    }

    /** Queues the codes {@link #mfaCode} hands out, in order. */
    TestCredentialsContext withMfaCodes(String... codes) {
        mfaCodes.addAll(List.of(codes));
        return this;
    }

    List<String> mfaDevicesAsked() {
        return List.copyOf(mfaDevicesAsked);
    }

    int assumerCalls() {
        return assumerCalls;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    @Override
    public AwsCredentials assumerCredentials() {
        assumerCalls++;
        return assumer.orElseThrow(() -> new UsageException("session '" + session.alias() + "' has no assumer"))
                .get();
    }

    @Override
    public SecurityTokenService sts() {
        return sts;
    }

    @Override
    public String mfaCode(String deviceSerial) {
        mfaDevicesAsked.add(deviceSerial);
        if (mfaCodes.isEmpty()) {
            throw new InteractionRequiredException("no MFA code scripted for " + deviceSerial);
        }
        return mfaCodes.remove(0);
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Duration refreshMargin() {
        return Duration.ofMinutes(5);
    }
}
