package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.WorkspaceRuleException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeleteSessionServiceTest {
    private final Fixture f = new Fixture();

    private Set<String> secretOwners() {
        return f.secrets.snapshot().keySet().stream().map(k -> k.split("/")[1]).collect(Collectors.toSet());
    }

    private Set<String> cacheOwners() {
        return f.cache.snapshot().keySet().stream().map(k -> k.substring(0, 36)).collect(Collectors.toSet());
    }

    @Test
    void deleteIsRefusedWhileOthersAssumeFromTheSession() {
        f.chainUserR1R2R3();
        f.start("r3");
        int saves = f.store.saves();

        WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> f.delete.delete("r1", false));

        assertEquals("session 'r1' is the assumer of 'r2', 'r3'; delete those first or use --cascade", e.getMessage());
        assertEquals(4, f.workspace().sessions().size());
        assertEquals(saves, f.store.saves());
        assertEquals(3, f.cache.snapshot().size());
        assertEquals(Set.of("r3"), f.credentialsFile.sections().keySet());
    }

    @Test
    void deleteOfALeafForgetsItsCacheAndRemovesItsActiveProfile() {
        f.chainUserR1R2R3();
        f.start("r3");
        SessionId r3 = f.session("r3").id();

        List<Session> deleted = f.delete.delete("r3", false);

        assertEquals(List.of(r3), deleted.stream().map(Session::id).toList());
        assertTrue(f.workspace().find("r3").isEmpty());
        assertEquals(Map.of(), f.credentialsFile.sections());
        assertEquals(Map.of(), f.configFile.sections());
        assertTrue(f.cache.get(r3.value()).isEmpty());
        assertEquals(2, f.cache.snapshot().size(), "r1 and r2 stay cached");
    }

    @Test
    void cascadeDeletesDependentsFirstWithTheirSecretsCacheAndActiveProfiles() {
        f.chainUserR1R2R3();
        f.addUser("bystander");
        f.start("r3");
        f.start("r1");
        f.start("bystander");
        SessionId user = f.session("user").id();
        SessionId bystander = f.session("bystander").id();

        List<Session> deleted = f.delete.delete("user", true);

        assertEquals(
                List.of("r3", "r2", "r1", "user"),
                deleted.stream().map(s -> s.alias().value()).toList());
        assertEquals(
                List.of("bystander"),
                f.workspace().sessions().stream().map(s -> s.alias().value()).toList());
        assertEquals(Set.of(bystander.value()), secretOwners());
        assertEquals(Set.of(bystander.value()), cacheOwners());
        assertEquals(Set.of("bystander"), f.credentialsFile.sections().keySet());
        assertEquals(Set.of("bystander"), f.configFile.sections().keySet());
        assertTrue(f.secrets.keys("session/" + user.value() + "/").isEmpty());
    }

    @Test
    void deletingAnInactiveSessionLeavesTheProfileOfTheActiveOneThere() {
        NamedProfile dev = NamedProfile.of("dev");
        f.addUser("user");
        f.addRole("a", "user", dev, Map.of());
        f.addRole("b", "user", dev, Map.of());
        f.start("a");

        f.delete.delete("b", false);

        assertEquals(Set.of("dev"), f.credentialsFile.sections().keySet());
        assertTrue(f.session("a").isActive());
    }

    /** A secret store that cannot be opened (a wrong vault passphrase, a locked keychain) until it is unlocked. */
    private static final class LockableSecretStore implements SecretStore {
        private final SecretStore inner;
        boolean locked = true;

        LockableSecretStore(SecretStore inner) {
            this.inner = inner;
        }

        private SecretStore open() {
            if (locked) {
                throw new OperationFailedException("cannot open the secret store: wrong passphrase");
            }
            return inner;
        }

        @Override
        public Optional<String> get(String key) {
            return open().get(key);
        }

        @Override
        public void put(String key, String value) {
            open().put(key, value);
        }

        @Override
        public boolean delete(String key) {
            return open().delete(key);
        }

        @Override
        public List<String> keys(String prefix) {
            return open().keys(prefix);
        }

        @Override
        public String name() {
            return "lockable";
        }
    }

    @Test
    void aSecretStoreThatCannotBeOpenedLeavesEverythingInPlaceAndARetryConverges() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.start("user");
        SessionId user = f.session("user").id();
        Map<String, String> secretsBefore = f.secrets.snapshot();
        LockableSecretStore store = new LockableSecretStore(f.secrets);
        DeleteSessionService delete = new DeleteSessionService(f.store, f.applier, f.resolver, store);

        OperationFailedException e = assertThrows(OperationFailedException.class, () -> delete.delete("user", true));

        assertEquals("cannot open the secret store: wrong passphrase", e.getMessage());
        assertEquals(4, f.workspace().sessions().size(), "every session is still named, so its secrets are reachable");
        assertEquals(secretsBefore, f.secrets.snapshot());
        assertEquals(Set.of("r3", "user"), f.credentialsFile.sections().keySet());
        assertTrue(f.session("r3").isActive());

        store.locked = false;
        List<Session> deleted = delete.delete("user", true);

        assertEquals(
                List.of("r3", "r2", "r1", "user"),
                deleted.stream().map(s -> s.alias().value()).toList());
        assertEquals(List.of(), f.workspace().sessions());
        assertTrue(f.secrets.keys("session/" + user.value() + "/").isEmpty());
        assertEquals(Map.of(), f.secrets.snapshot());
        assertEquals(Map.of(), f.credentialsFile.sections());
        assertEquals(Map.of(), f.configFile.sections());
    }
}
