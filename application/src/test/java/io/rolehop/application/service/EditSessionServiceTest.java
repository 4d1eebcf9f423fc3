package io.rolehop.application.service;

import static io.rolehop.application.service.Fixture.roleArn;
import static io.rolehop.application.service.Fixture.roleIdentity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.ProfileConflictException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.EditSessionCommand;
import io.rolehop.application.port.out.StsException;
import io.rolehop.domain.Alias;
import io.rolehop.domain.InvalidValueException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.UnknownSessionException;
import io.rolehop.domain.WorkspaceRuleException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EditSessionServiceTest {
    private final Fixture f = new Fixture();

    private static EditSessionCommand fields(String session, Map<String, String> fields) {
        return new EditSessionCommand(
                SessionRef.of(session),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                fields,
                false);
    }

    private static EditSessionCommand alias(String session, String alias) {
        return new EditSessionCommand(
                SessionRef.of(session),
                Optional.of(Alias.of(alias)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                false);
    }

    private static EditSessionCommand assumer(String session, String assumer) {
        return new EditSessionCommand(
                SessionRef.of(session),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(SessionRef.of(assumer)),
                Map.of(),
                false);
    }

    private static EditSessionCommand profile(String session, String profile, boolean force) {
        return new EditSessionCommand(
                SessionRef.of(session),
                Optional.empty(),
                Optional.of(NamedProfile.of(profile)),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                force);
    }

    private Set<String> cachedAliases() {
        return f.workspace().sessions().stream()
                .filter(s -> f.cache.get(s.id().value()).isPresent())
                .map(s -> s.alias().value())
                .collect(Collectors.toSet());
    }

    @Test
    void aliasRenameKeepsIdentityAndCache() {
        f.chainUserR1R2R3();
        f.start("r3");
        Session before = f.session("r2");

        Session renamed = f.edit.edit(alias("r2", "middle"));

        assertEquals(before.id(), renamed.id());
        assertEquals("middle", f.session(before.id().value()).alias().value());
        assertThrows(UnknownSessionException.class, () -> f.session("r2"));
        assertEquals(Set.of("r1", "middle", "r3"), cachedAliases());
        assertFalse(f.start("r3").changed());
        assertEquals(3, f.sts.calls());
    }

    @Test
    void renameToATakenAliasIsRefused() {
        f.chainUserR1R2R3();
        WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> f.edit.edit(alias("r2", "r1")));
        assertEquals("a session with alias 'r1' already exists; pick another alias", e.getMessage());
    }

    @Test
    void assumerThatWouldCloseACycleIsRefusedAndNothingIsSaved() {
        f.chainUserR1R2R3();
        int saves = f.store.saves();

        WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> f.edit.edit(assumer("r1", "r3")));

        assertEquals(
                "'r3' cannot assume for 'r1': it already depends on it, and the chain would be a cycle;"
                        + " pick another assumer",
                e.getMessage());
        assertEquals(saves, f.store.saves());
        assertEquals(Optional.of(f.session("user").id()), f.session("r1").assumer());
    }

    @Test
    void sessionCannotBecomeItsOwnAssumer() {
        f.chainUserR1R2R3();
        WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> f.edit.edit(assumer("r2", "r2")));
        assertEquals("session 'r2' cannot be its own assumer", e.getMessage());
    }

    @Test
    void assumerIsRefusedOnAChainRoot() {
        f.chainUserR1R2R3();
        f.addUser("other");
        UsageException e = assertThrows(UsageException.class, () -> f.edit.edit(assumer("user", "other")));
        assertEquals("a Test IAM User session is a chain root and takes no --assumer", e.getMessage());
    }

    @Test
    void changingTheAssumerReRoutesTheChain() {
        f.chainUserR1R2R3();
        f.addRole("alt", "user");
        f.start("r3");

        f.edit.edit(assumer("r3", "alt"));
        f.start("r3");

        assertEquals(List.of("r1", "r2", "r3", "alt", "r3"), f.assumedRoles());
        assertEquals(roleIdentity("alt", "alt"), f.assumeRoleCallers().get(4));
    }

    @Test
    void changingTheRoleArnEvictsTheCacheOfTheSessionAndItsDependents() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.stop.stop("r3");

        f.edit.edit(fields("r2", Map.of("role-arn", roleArn("r2-new"))));

        assertEquals(Set.of("r1"), cachedAliases());
        f.start("r3");
        assertEquals(List.of("r1", "r2", "r3", "r2-new", "r3"), f.assumedRoles());
        assertEquals(roleIdentity("r2-new", "r2"), f.assumeRoleCallers().get(4));
    }

    @Test
    void editingAnActiveSessionReAppliesItWithNewCredentials() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials old = f.written("r3").orElseThrow();
        f.clock.advance(Duration.ofMinutes(1));

        Session edited = f.edit.edit(fields("r3", Map.of("role-arn", roleArn("r3-new"))));

        assertTrue(edited.isActive());
        assertEquals(roleIdentity("r3-new", "r3"), f.writtenIdentity("r3"));
        assertNotEquals(old, f.written("r3").orElseThrow());
        assertEquals(Optional.of(f.written("r3").orElseThrow().expiration()), edited.expiration());
        assertEquals(4, f.sts.calls(), "only the edited hop is assumed again");
        assertEquals(Optional.of(roleArn("r3-new")), f.session("r3").attribute("role-arn"));
    }

    @Test
    void editingTheRegionOfAnActiveSessionRewritesTheConfig() {
        f.chainUserR1R2R3();
        f.start("r1");

        f.edit.edit(new EditSessionCommand(
                SessionRef.of("r1"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Region.of("eu-north-1")),
                Optional.empty(),
                Map.of(),
                false));

        assertEquals(Map.of("region", "eu-north-1"), f.configFile.sections().get("r1"));
        assertEquals(Region.of("eu-north-1"), f.sts.assumeRoleCalls().get(1).region());
    }

    @Test
    void movingAnActiveSessionToAnotherProfileMovesItsSections() {
        f.chainUserR1R2R3();
        f.start("r3");

        Session moved = f.edit.edit(profile("r3", "elsewhere", false));

        assertTrue(moved.isActive());
        assertEquals(NamedProfile.of("elsewhere"), moved.profile());
        assertEquals(Set.of("elsewhere"), f.credentialsFile.sections().keySet());
        assertEquals(Set.of("elsewhere"), f.configFile.sections().keySet());
        assertEquals(roleIdentity("r3", "r3"), f.writtenIdentity("elsewhere"));
        assertEquals(3, f.sts.calls(), "a profile change alone reuses the cached credentials");
    }

    @Test
    void editOfAnInactiveSessionWritesNoFile() {
        f.chainUserR1R2R3();

        f.edit.edit(fields("r3", Map.of("role-arn", roleArn("other"))));

        assertEquals(0, f.credentialsFile.writes());
        assertEquals(0, f.sts.calls());
        assertFalse(f.session("r3").isActive());
    }

    @Test
    void requiredFieldCannotBeCleared() {
        f.chainUserR1R2R3();
        UsageException e = assertThrows(UsageException.class, () -> f.edit.edit(fields("r2", Map.of("role-arn", ""))));
        assertEquals("--role-arn is required and cannot be cleared", e.getMessage());
    }

    @Test
    void optionalFieldIsClearedWithAnEmptyValue() {
        f.chainUserR1R2R3();
        f.edit.edit(fields("r1", Map.of("duration", "")));
        assertEquals(Optional.empty(), f.session("r1").attribute("duration"));
    }

    @Test
    void invalidFieldIsRefusedWithTheValidatorsMessage() {
        f.chainUserR1R2R3();
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> f.edit.edit(fields("r2", Map.of("duration", "1h"))));
        assertEquals(
                "--duration: invalid duration '1h'; give a whole number of seconds from 900 to 43200", e.getMessage());
    }

    @Test
    void crossFieldRuleIsCheckedAgainstTheNewAssumer() {
        f.chainUserR1R2R3();
        f.edit.edit(fields("r2", Map.of("duration", "3600")));

        // r2 is assumed with r1's temporary credentials: more than an hour is refused.
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> f.edit.edit(fields("r2", Map.of("duration", "7200"))));
        assertTrue(e.getMessage().startsWith("duration 7200 s exceeds the cap of 3600 s"), e.getMessage());

        // Moving r2 under the user (long-term keys) lifts the cap.
        EditSessionCommand both = new EditSessionCommand(
                SessionRef.of("r2"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(SessionRef.of("user")),
                Map.of("duration", "7200"),
                false);
        assertEquals(Optional.of("7200"), f.edit.edit(both).attribute("duration"));
    }

    @Test
    void editingASecretStoresItOnlyInTheSecretStoreAndEvictsDependents() {
        f.chainUserR1R2R3();
        f.start("r3");
        Session user = f.session("user");

        f.edit.edit(fields("user", Map.of("secret-access-key", "a-new-secret")));

        assertEquals(Optional.of("a-new-secret"), f.secrets.get("session/" + user.id() + "/secret-access-key"));
        assertEquals(Map.of(), f.session("user").attributes());
        assertEquals(Set.of(), cachedAliases());
    }

    @Test
    void failedReApplyLeavesTheWorkspaceFilesAndSecretsAsTheyWere() {
        f.addUser("user", NamedProfile.of("mine"));
        f.start("user");
        Session before = f.session("user");
        TemporaryCredentials written = f.written("mine").orElseThrow();
        f.credentialsFile.addForeign("theirs");
        int saves = f.store.saves();
        EditSessionCommand command = new EditSessionCommand(
                SessionRef.of("user"),
                Optional.empty(),
                Optional.of(NamedProfile.of("theirs")),
                Optional.empty(),
                Optional.empty(),
                Map.of("secret-access-key", "a-new-secret"),
                false);

        assertThrows(ProfileConflictException.class, () -> f.edit.edit(command));

        assertEquals(saves, f.store.saves());
        assertEquals(before, f.session("user"));
        assertEquals(written, f.written("mine").orElseThrow());
        assertTrue(f.credentialsFile.hasForeign("theirs"));
        assertEquals(Optional.of(Fixture.USER_SECRET), f.secrets.get("session/" + before.id() + "/secret-access-key"));
    }

    @Test
    void failedReApplyLeavesNoCredentialsOfTheAbandonedSettingsInTheCache() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.credentialsFile.addForeign("theirs");
        EditSessionCommand command = new EditSessionCommand(
                SessionRef.of("r3"),
                Optional.empty(),
                Optional.of(NamedProfile.of("theirs")),
                Optional.empty(),
                Optional.empty(),
                Map.of("role-arn", roleArn("r3-new")),
                false);
        assertThrows(ProfileConflictException.class, () -> f.edit.edit(command));

        TemporaryCredentials generated = f.generate.generate("r3");

        assertEquals(
                roleIdentity("r3", "r3"),
                f.sts.identityOf(generated),
                "the workspace still says role r3, so must the credentials");
    }

    @Test
    void deniedRoleOnReApplyLeavesTheWorkspaceAndFileAsTheyWere() {
        f.chainUserR1R2R3();
        f.start("r3");
        TemporaryCredentials written = f.written("r3").orElseThrow();
        f.sts.deny(roleArn("forbidden"));

        assertThrows(StsException.class, () -> f.edit.edit(fields("r3", Map.of("role-arn", roleArn("forbidden")))));

        assertEquals(Optional.of(roleArn("r3")), f.session("r3").attribute("role-arn"));
        assertTrue(f.session("r3").isActive());
        assertEquals(written, f.written("r3").orElseThrow());
    }

    @Test
    void unknownFieldIsRefused() {
        f.chainUserR1R2R3();
        UsageException e = assertThrows(UsageException.class, () -> f.edit.edit(fields("r1", Map.of("mfa", "x"))));
        assertEquals(
                "access method 'test-role-chained' has no field 'mfa'; see 'rolehop session add"
                        + " test-role-chained --help'",
                e.getMessage());
    }
}
