package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plugin's method assumed from an IAM user never receives the user's long-term keys. */
class PluginCallerCredentialsTest {
    private static final String DEVICE = "arn:aws:iam::123456789012:mfa/jane";

    /** A plugin's method that takes its assumer's credentials and keeps what it was given. */
    static final class CapturingMethod implements AccessMethod {
        static final String ID = "test-capturing";
        final List<AwsCredentials> received = new ArrayList<>();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String displayName() {
            return "Test Capturing";
        }

        @Override
        public List<FieldSpec> fields() {
            return List.of();
        }

        @Override
        public boolean requiresAssumer() {
            return true;
        }

        @Override
        public AwsCredentials credentials(CredentialsContext context) {
            received.add(context.assumerCredentials());
            return new TemporaryCredentials(
                    "ASIACAPTURING0000001",
                    "capturing-secret",
                    "capturing-token",
                    context.clock().instant().plus(Duration.ofHours(1)));
        }
    }

    private void addCapturing(Fixture f, String alias, String assumer) {
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(CapturingMethod.ID),
                Alias.of(alias),
                Optional.of(NamedProfile.of(alias)),
                Optional.empty(),
                Optional.of(assumer),
                Map.of()));
    }

    @Test
    void aPluginAssumedFromAnIamUserGetsASessionTokenNotTheKeys() {
        CapturingMethod plugin = new CapturingMethod();
        Fixture f = new Fixture(List.of(), List.of(plugin));
        f.addUser("user");
        addCapturing(f, "via-plugin", "user");

        f.start("via-plugin");

        AwsCredentials received = plugin.received.get(0);
        assertInstanceOf(TemporaryCredentials.class, received, "a plugin is handed no long-term keys");
        assertFalse(received.accessKeyId().equals(Fixture.USER_KEY_ID));
        assertFalse(received.secretAccessKey().equals(Fixture.USER_SECRET));
        assertEquals(1, f.sts.sessionTokenCalls().size());
        assertEquals(
                Fixture.USER_KEY_ID, f.sts.sessionTokenCalls().get(0).caller().accessKeyId());
        assertEquals(Optional.empty(), f.sts.sessionTokenCalls().get(0).mfa());
    }

    @Test
    void theSessionTokenServesTheNextCallsWhileItLasts() {
        CapturingMethod plugin = new CapturingMethod();
        Fixture f = new Fixture(List.of(), List.of(plugin));
        f.addUser("user");
        addCapturing(f, "a", "user");
        addCapturing(f, "b", "user");

        f.start("a");
        f.start("b");

        assertEquals(1, f.sts.sessionTokenCalls().size(), "one token for the user, shared");
        assertEquals(plugin.received.get(0), plugin.received.get(1));
    }

    @Test
    void anMfaSessionTokenIsPassedAsItIsWithoutAnotherExchange() {
        CapturingMethod plugin = new CapturingMethod();
        Fixture f = new Fixture(List.of(new TestMfaUserMethod()), List.of(plugin));
        f.add.add(new AddSessionCommand(
                AccessMethodId.of(TestMfaUserMethod.ID),
                Alias.of("mfa-user"),
                Optional.of(NamedProfile.of("mfa-user")),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                        "access-key-id",
                        Fixture.USER_KEY_ID,
                        "secret-access-key",
                        Fixture.USER_SECRET,
                        "mfa-device",
                        DEVICE)));
        addCapturing(f, "via-plugin", "mfa-user");
        f.mfa.willAnswer("123456");

        f.start("via-plugin");

        assertInstanceOf(TemporaryCredentials.class, plugin.received.get(0));
        assertEquals(1, f.sts.sessionTokenCalls().size(), "the MFA session token is the only exchange");
        assertTrue(f.sts.sessionTokenCalls().get(0).mfa().isPresent());
    }

    @Test
    void aBuiltInMethodStillSignsWithTheKeysSoItsRoleMayLastTwelveHours() {
        Fixture f = new Fixture();
        f.addUser("user");
        f.addRole("r1", "user", NamedProfile.of("r1"), Map.of("duration", "43200"));

        f.start("r1");

        assertInstanceOf(
                LongTermCredentials.class, f.sts.assumeRoleCalls().get(0).caller());
        assertEquals(0, f.sts.sessionTokenCalls().size());
    }
}
