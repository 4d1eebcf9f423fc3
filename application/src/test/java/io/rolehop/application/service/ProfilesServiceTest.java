package io.rolehop.application.service;

import static io.rolehop.application.service.Fixture.roleIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.port.in.ProfilesUseCase.ProfileView;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.WorkspaceRuleException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfilesServiceTest {
    private final Fixture f = new Fixture();
    private final NamedProfile dev = NamedProfile.of("dev");

    @Test
    void listShowsEachProfileWithItsSessionsAndTheActiveOne() {
        f.addUser("user", dev);
        f.addRole("a", "user", dev, Map.of());
        f.addRole("b", "user", NamedProfile.of("prod"), Map.of());
        f.start("a");

        assertEquals(
                List.of(
                        new ProfileView(NamedProfile.DEFAULT, List.of(), Optional.empty()),
                        new ProfileView(dev, List.of("user", "a"), Optional.of("a")),
                        new ProfileView(NamedProfile.of("prod"), List.of("b"), Optional.empty())),
                f.profiles.list());
    }

    @Test
    void createReportsWhetherTheProfileIsNew() {
        assertTrue(f.profiles.create(dev));
        assertFalse(f.profiles.create(dev));
        assertFalse(f.profiles.create(NamedProfile.DEFAULT));
        assertTrue(f.workspace().hasProfile(dev));
    }

    @Test
    void renameMovesTheActiveSessionsSectionsWithoutCallingSts() {
        f.chainUserR1R2R3();
        f.addRole("a", "user", dev, Map.of());
        f.start("a");
        int calls = f.sts.calls();

        f.profiles.rename(dev, NamedProfile.of("development"));

        assertEquals(Set.of("development"), f.credentialsFile.sections().keySet());
        assertEquals(Set.of("development"), f.configFile.sections().keySet());
        assertEquals(roleIdentity("a", "a"), f.writtenIdentity("development"));
        assertEquals(NamedProfile.of("development"), f.session("a").profile());
        assertTrue(f.session("a").isActive());
        assertEquals(calls, f.sts.calls());
        assertFalse(f.workspace().hasProfile(dev));
    }

    @Test
    void renameOfAProfileWithoutActiveSessionWritesNoFile() {
        f.addUser("user", dev);

        f.profiles.rename(dev, NamedProfile.of("development"));

        assertEquals(0, f.credentialsFile.writes());
        assertEquals(NamedProfile.of("development"), f.session("user").profile());
    }

    @Test
    void renameOntoAForeignSectionIsRefusedAndChangesNothing() {
        f.addUser("user");
        f.addRole("a", "user", dev, Map.of());
        f.start("a");
        f.credentialsFile.addForeign("theirs");
        int saves = f.store.saves();

        assertThrows(ProfileConflictException.class, () -> f.profiles.rename(dev, NamedProfile.of("theirs")));

        assertEquals(saves, f.store.saves());
        assertEquals(dev, f.session("a").profile());
        assertEquals(Set.of("dev"), f.credentialsFile.sections().keySet());
        assertTrue(f.credentialsFile.hasForeign("theirs"));
    }

    @Test
    void defaultProfileCannotBeRenamedOrDeleted() {
        assertEquals(
                "the default profile cannot be renamed",
                assertThrows(WorkspaceRuleException.class, () -> f.profiles.rename(NamedProfile.DEFAULT, dev))
                        .getMessage());
        assertEquals(
                "the default profile cannot be deleted",
                assertThrows(WorkspaceRuleException.class, () -> f.profiles.delete(NamedProfile.DEFAULT))
                        .getMessage());
    }

    @Test
    void deleteIsRefusedWhileASessionUsesTheProfile() {
        f.addUser("user", dev);
        WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> f.profiles.delete(dev));
        assertEquals("profile 'dev' is used by 'user'; move those sessions to another profile first", e.getMessage());
    }

    @Test
    void deleteForgetsAnUnusedProfile() {
        f.profiles.create(dev);
        f.profiles.delete(dev);
        assertEquals(List.of(NamedProfile.DEFAULT), f.workspace().profiles());
    }
}
