package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.CredentialsContext;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An access method's own secrets: kept per session in the secret store, forgotten at logout and delete. */
class MethodSecretsTest {
    /** A chain root that rotates a refresh token it keeps between calls, as an SSO-style method would. */
    static final class RefreshingMethod implements AccessMethod {
        static final String ID = "test-refreshing";
        final List<Optional<String>> seen = new ArrayList<>();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String displayName() {
            return "Test Refreshing";
        }

        @Override
        public List<FieldSpec> fields() {
            return List.of();
        }

        @Override
        public boolean keepsSecrets() {
            return true;
        }

        @Override
        public AwsCredentials credentials(CredentialsContext context) {
            Optional<String> token = context.secret("refresh-token");
            seen.add(token);
            context.putSecret("refresh-token", "rt-" + seen.size());
            return new TemporaryCredentials(
                    "ASIAREFRESHING000001",
                    "refreshing-secret-" + seen.size(),
                    "refreshing-token-" + seen.size(),
                    context.clock().instant().plus(Duration.ofHours(1)));
        }
    }

    private final RefreshingMethod method = new RefreshingMethod();
    private final Fixture f = new Fixture(method);

    private Session addRoot() {
        return f.add.add(new AddSessionCommand(
                AccessMethodId.of(RefreshingMethod.ID),
                Alias.of("sso"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of()));
    }

    @Test
    void aMethodKeepsItsSecretsPerSessionBetweenCalls() {
        Session root = addRoot();

        f.start("sso");
        f.clock.advance(Duration.ofMinutes(50));
        f.start("sso");

        assertEquals(List.of(Optional.empty(), Optional.of("rt-1")), method.seen);
        assertEquals(Optional.of("rt-2"), f.secrets.get("session/" + root.id() + "/.method/refresh-token"));
        assertFalse(f.workspace().toString().contains("rt-2"), "never in the workspace");
    }

    @Test
    void logoutOfTheSessionOrOfOneItIsAssumedFromForgetsThem() {
        Session root = addRoot();
        f.start("sso");
        assertTrue(
                f.secrets.get("session/" + root.id() + "/.method/refresh-token").isPresent());

        f.resolver.forgetWithDependents(f.workspace(), root.id());

        assertEquals(List.of(), f.secrets.keys("session/" + root.id() + "/.method/"));
        f.start("sso");
        assertEquals(Optional.empty(), method.seen.get(1), "the next call starts afresh");
    }

    @Test
    void deleteForgetsThem() {
        Session root = addRoot();
        f.start("sso");

        f.delete.delete("sso", false);

        assertEquals(List.of(), f.secrets.keys("session/" + root.id() + "/"));
    }

    /** A chain root that only tries to keep the secret {@code name}, declaring keepsSecrets() or not. */
    private static AccessMethod keeping(String id, boolean declares, String name) {
        return new AccessMethod() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String displayName() {
                return id;
            }

            @Override
            public List<FieldSpec> fields() {
                return List.of();
            }

            @Override
            public boolean keepsSecrets() {
                return declares;
            }

            @Override
            public AwsCredentials credentials(CredentialsContext context) {
                context.putSecret(name, "x");
                throw new AssertionError("unreachable");
            }
        };
    }

    @Test
    void aMalformedNameIsRefusedAndNothingIsKept() {
        Fixture g = new Fixture(keeping("test-bad-name", true, "../escape"));
        g.add.add(new AddSessionCommand(
                AccessMethodId.of("test-bad-name"),
                Alias.of("bad"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of()));

        assertThrows(RuntimeException.class, () -> g.start("bad"));
        assertEquals(List.of(), g.secrets.keys(""));
    }

    @Test
    void aMethodThatDoesNotDeclareItKeepsNoSecretAndALogoutOpensNoSecretStoreForIt() {
        Fixture g = new Fixture(keeping("test-undeclared", false, "token"));
        Session s = g.add.add(new AddSessionCommand(
                AccessMethodId.of("test-undeclared"),
                Alias.of("plain"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of()));

        RuntimeException e = assertThrows(RuntimeException.class, () -> g.start("plain"));
        assertTrue(e.getMessage().contains("test-undeclared"), e::getMessage);
        assertEquals(List.of(), g.secrets.keys(""));
        int listings = g.secrets.listings();
        g.resolver.forgetWithDependents(g.workspace(), s.id());
        assertEquals(listings, g.secrets.listings(), "no secret-store listing for a method that keeps no secrets");
    }
}
