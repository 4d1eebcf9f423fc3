package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.fakes.InMemorySecretStore;
import io.rolehop.application.port.in.MigrateSecretsUseCase.Migration;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrateSecretsServiceTest {
    private final Fixture f = new Fixture();
    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private final Named target = new Named(keychain, "keychain");
    private final SecretStoreBackends backends = new SecretStoreBackends() {
        @Override
        public List<String> names() {
            return List.of("secret-service", "keychain", "encrypted-file");
        }

        @Override
        public SecretStore open(String name) {
            if (!name.equals("keychain")) {
                throw new OperationFailedException(name + " cannot be used here");
            }
            return target;
        }
    };
    private final Named source = new Named(f.secrets, "encrypted-file");
    private final MigrateSecretsService migrate = new MigrateSecretsService(f.store, source, backends);

    /** A store under another name. */
    private static final class Named implements SecretStore {
        private final SecretStore store;
        private final String name;
        boolean corrupt;

        Named(SecretStore store, String name) {
            this.store = store;
            this.name = name;
        }

        @Override
        public Optional<String> get(String key) {
            return store.get(key).map(v -> corrupt ? v + "?" : v);
        }

        @Override
        public void put(String key, String value) {
            store.put(key, value);
        }

        @Override
        public boolean delete(String key) {
            return store.delete(key);
        }

        @Override
        public List<String> keys(String prefix) {
            return store.keys(prefix);
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Test
    void movesEverySecretVerifiesItAndRecordsTheBackend() {
        f.chainUserR1R2R3();
        f.secrets.put("session/" + f.session("user").id() + "/.cached-credentials", "token");
        Map<String, String> before = f.secrets.snapshot();
        // Another workspace's secret in the same keychain: not this workspace's to move.
        String foreign = "session/00000000-0000-4000-8000-000000000000/secret-access-key";
        f.secrets.put(foreign, "another workspace's secret");

        Migration done = migrate.migrate(" Keychain ");

        assertEquals(new Migration("encrypted-file", "keychain", 3), done);
        assertEquals(before, keychain.snapshot());
        assertEquals(Map.of(foreign, "another workspace's secret"), f.secrets.snapshot());
        assertEquals(Optional.of("keychain"), f.workspace().setting("secret-store"));
    }

    @Test
    void movesTheIdentityCenterLoginOfTheWorkspacesSsoSessions() {
        String url = "https://my-org.awsapps.com/start";
        f.store.update(w -> {
            w.add(io.rolehop.domain.Session.create(
                    io.rolehop.domain.Alias.of("sso"),
                    io.rolehop.domain.AccessMethodId.of("aws-sso"),
                    io.rolehop.domain.NamedProfile.of("sso"),
                    io.rolehop.domain.Region.of("eu-west-1"),
                    Optional.empty(),
                    Map.of("start-url", url)));
            return null;
        });
        f.secrets.put(SsoTokens.key(url), "the login");
        String otherLogin = SsoTokens.key("https://other.awsapps.com/start");
        f.secrets.put(otherLogin, "another workspace's login");

        Migration done = migrate.migrate("keychain");

        assertEquals(1, done.moved());
        assertEquals(Map.of(SsoTokens.key(url), "the login"), keychain.snapshot());
        assertEquals(Map.of(otherLogin, "another workspace's login"), f.secrets.snapshot());
    }

    @Test
    void aCopyThatReadsBackDifferentlyRemovesNothingAndRecordsNothing() {
        f.chainUserR1R2R3();
        Map<String, String> before = f.secrets.snapshot();
        target.corrupt = true;

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> migrate.migrate("keychain"));

        assertEquals(before, f.secrets.snapshot());
        assertEquals(Optional.empty(), f.workspace().setting("secret-store"));
        assertEquals(
                true,
                e.getMessage()
                        .endsWith("; nothing was removed from encrypted-file and the workspace still"
                                + " names encrypted-file"),
                e.getMessage());
    }

    @Test
    void aBackendThatCannotBeUsedHereFailsBeforeAnythingMoves() {
        f.chainUserR1R2R3();
        Map<String, String> before = f.secrets.snapshot();

        assertThrows(OperationFailedException.class, () -> migrate.migrate("secret-service"));
        assertEquals(before, f.secrets.snapshot());
        assertThrows(UsageException.class, () -> migrate.migrate("vault"));
    }

    @Test
    void migratingToTheBackendInUseOnlyRecordsIt() {
        f.chainUserR1R2R3();

        assertEquals(new Migration("encrypted-file", "encrypted-file", 0), migrate.migrate("encrypted-file"));
        assertEquals(Optional.of("encrypted-file"), f.workspace().setting("secret-store"));
        assertEquals(2, f.secrets.snapshot().size());
    }
}
