package io.rolehop.spi.testkit;

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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CredentialsContext} for tests: given field values, optional assumer credentials, STS and MFA code; the
 * method's own secrets ({@link #putSecret}) kept in memory, for the life of the context.
 */
public final class TestCredentialsContext implements CredentialsContext {
    private final Session session;
    private final Map<String, String> fields;
    private final Optional<AwsCredentials> assumer;
    private final SecurityTokenService sts;
    private final Optional<String> mfaCode;
    private final Clock clock;
    private final Map<String, String> secrets = new java.util.TreeMap<>();

    public TestCredentialsContext(
            String methodId,
            Map<String, String> fields,
            Optional<AwsCredentials> assumer,
            SecurityTokenService sts,
            Optional<String> mfaCode,
            Clock clock) {
        this.fields = Map.copyOf(fields);
        this.assumer = Objects.requireNonNull(assumer, "assumer");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.mfaCode = Objects.requireNonNull(mfaCode, "mfaCode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.create(
                Alias.of("contract-test"),
                AccessMethodId.of(methodId),
                NamedProfile.DEFAULT,
                Region.of("us-east-1"),
                Optional.empty(),
                Map.of());
    }

    /** The same context with no field values at all. */
    public TestCredentialsContext withoutFields() {
        return new TestCredentialsContext(session.method().value(), Map.of(), assumer, sts, mfaCode, clock);
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
        return assumer.orElseThrow(() -> new UsageException("this test context has no assumer"));
    }

    @Override
    public SecurityTokenService sts() {
        return sts;
    }

    @Override
    public String mfaCode(String deviceSerial) {
        return mfaCode.orElseThrow(() -> new InteractionRequiredException("no MFA code in this test context"));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration refreshMargin() {
        return Duration.ofMinutes(15);
    }

    @Override
    public synchronized Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public synchronized void putSecret(String name, String value) {
        secrets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public synchronized boolean deleteSecret(String name) {
        return secrets.remove(Objects.requireNonNull(name, "name")) != null;
    }
}
