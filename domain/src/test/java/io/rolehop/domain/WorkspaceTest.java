package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {
    private static final AccessMethodId ROOT_METHOD = AccessMethodId.of("test-root");
    private static final AccessMethodId CHAINED_METHOD = AccessMethodId.of("test-chained");
    private static final Region REGION = Region.of("eu-west-1");
    private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");

    private final Workspace workspace = new Workspace();

    private static Session root(String alias) {
        return root(alias, NamedProfile.DEFAULT);
    }

    private static Session root(String alias, NamedProfile profile) {
        return Session.create(Alias.of(alias), ROOT_METHOD, profile, REGION, Optional.empty(), Map.of());
    }

    private static Session chained(String alias, Session assumer) {
        return chained(alias, assumer, NamedProfile.DEFAULT);
    }

    private static Session chained(String alias, Session assumer, NamedProfile profile) {
        return Session.create(Alias.of(alias), CHAINED_METHOD, profile, REGION, Optional.of(assumer.id()), Map.of());
    }

    private Session add(Session s) {
        workspace.add(s);
        return s;
    }

    private static List<String> aliases(Collection<Session> sessions) {
        return sessions.stream().map(s -> s.alias().value()).toList();
    }

    private static Workspace rebuild(Collection<Session> sessions) {
        return new Workspace(sessions, List.of(), Workspace.INITIAL_DEFAULT_REGION, Map.of());
    }

    @Nested
    class UniqueAliases {

        @Test
        void addRefusesAnAliasThatIsTaken() {
            add(root("prod"));
            WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> workspace.add(root("prod")));
            assertEquals("a session with alias 'prod' already exists; pick another alias", e.getMessage());
            assertEquals(1, workspace.sessions().size());
        }

        @Test
        void aliasesDifferingOnlyInCaseAreDistinct() {
            add(root("prod"));
            add(root("Prod"));
            assertEquals(List.of("prod", "Prod"), aliases(workspace.sessions()));
        }

        @Test
        void replaceRefusesRenamingToATakenAlias() {
            add(root("prod"));
            Session dev = add(root("dev"));
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.replace(dev.withAlias(Alias.of("prod"))));
            assertEquals("a session with alias 'prod' already exists; pick another alias", e.getMessage());
            assertEquals(Alias.of("dev"), workspace.get(dev.id()).alias());
        }

        @Test
        void replaceMayKeepOrChangeItsOwnAlias() {
            Session dev = add(root("dev"));
            workspace.replace(dev.withRegion(Region.of("us-west-2")));
            workspace.replace(dev.withAlias(Alias.of("development")));
            assertEquals("development", workspace.get(dev.id()).alias().value());
        }

        @Test
        void addRefusesAnIdThatIsTaken() {
            Session dev = add(root("dev"));
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> workspace.add(dev.withAlias(Alias.of("other"))));
            assertEquals("a session with id " + dev.id() + " already exists", e.getMessage());
        }
    }

    @Nested
    class AssumerMustExist {

        @Test
        void addRefusesAnAssumerThatIsNotInTheWorkspace() {
            Session stranger = root("stranger");
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> workspace.add(chained("r1", stranger)));
            assertEquals("the assumer session " + stranger.id() + " does not exist", e.getMessage());
            assertTrue(workspace.sessions().isEmpty());
        }

        @Test
        void replaceRefusesAnAssumerThatIsNotInTheWorkspace() {
            Session user = add(root("user"));
            Session r1 = add(chained("r1", user));
            Session stranger = root("stranger");
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.replace(r1.withAssumer(Optional.of(stranger.id()))));
            assertEquals("the assumer session " + stranger.id() + " does not exist", e.getMessage());
        }

        @Test
        void replaceOfAnUnknownSessionIsRefused() {
            Session ghost = root("ghost");
            UnknownSessionException e = assertThrows(UnknownSessionException.class, () -> workspace.replace(ghost));
            assertEquals(
                    "no session with alias or id '" + ghost.id() + "'; see 'rolehop session list'", e.getMessage());
        }
    }

    @Nested
    class NoCycles {

        @Test
        void addCannotCloseACycleBecauseAnAssumerMustAlreadyExist() {
            // The only way to close a loop at add is to name a session that is not there yet: refused.
            Session a = root("a");
            Session b = chained("b", a);
            assertThrows(WorkspaceRuleException.class, () -> workspace.add(b));
            add(a);
            add(b);
            assertEquals(List.of("a", "b"), aliases(workspace.chainOf(b.id()).hops()));
            assertTrue(workspace.dependents(b.id()).isEmpty());
        }

        @Test
        void sessionCannotBeItsOwnAssumer() {
            Session user = add(root("user"));
            Session r1 = add(chained("r1", user));
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.replace(r1.withAssumer(Optional.of(r1.id()))));
            assertEquals("session 'r1' cannot be its own assumer", e.getMessage());
        }

        @Test
        void replaceRefusesAnAssumerThatDependsOnTheSessionThroughOthers() {
            Session user = add(root("user"));
            Session a = add(chained("a", user));
            Session b = add(chained("b", a));
            Session c = add(chained("c", b));

            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.replace(a.withAssumer(Optional.of(c.id()))));

            assertEquals(
                    "'c' cannot assume for 'a': it already depends on it, and the chain would be a cycle;"
                            + " pick another assumer",
                    e.getMessage());
            assertEquals(Optional.of(user.id()), workspace.get(a.id()).assumer());
            assertEquals(
                    List.of("user", "a", "b", "c"),
                    aliases(workspace.chainOf(c.id()).hops()));
        }

        @Test
        void replaceRefusesADirectDependentAsAssumer() {
            Session user = add(root("user"));
            Session a = add(chained("a", user));
            Session b = add(chained("b", a));
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.replace(a.withAssumer(Optional.of(b.id()))));
            assertTrue(e.getMessage().startsWith("'b' cannot assume for 'a'"), e.getMessage());
        }

        @Test
        void replaceAcceptsAnAssumerOutsideTheSessionsSubtree() {
            Session user = add(root("user"));
            Session other = add(root("other"));
            Session a = add(chained("a", user));
            Session b = add(chained("b", a));
            Session sibling = add(chained("sibling", user));

            workspace.replace(b.withAssumer(Optional.of(sibling.id())));
            workspace.replace(a.withAssumer(Optional.of(other.id())));

            assertEquals(
                    List.of("user", "sibling", "b"),
                    aliases(workspace.chainOf(b.id()).hops()));
            assertEquals(
                    List.of("other", "a"), aliases(workspace.chainOf(a.id()).hops()));
        }
    }

    @Nested
    class Chains {

        @Test
        void chainOfADeepSessionIsRootFirst() {
            Session user = add(root("user"));
            Session previous = user;
            List<String> expected = new ArrayList<>(List.of("user"));
            for (int i = 1; i <= 7; i++) {
                previous = add(chained("r" + i, previous));
                expected.add("r" + i);
            }

            Chain chain = workspace.chainOf(previous.id());

            assertEquals(8, chain.length());
            assertEquals(expected, aliases(chain.hops()));
            assertEquals(user, chain.root());
            assertEquals(previous, chain.target());
        }

        @Test
        void chainOfARootIsTheRootAlone() {
            Session user = add(root("user"));
            assertEquals(List.of(user), workspace.chainOf(user.id()).hops());
        }

        @Test
        void chainOfAnUnknownSessionIsRefused() {
            assertThrows(UnknownSessionException.class, () -> workspace.chainOf(SessionId.random()));
        }

        @Test
        void rootsAreTheSessionsWithoutAssumer() {
            Session user = add(root("user"));
            add(chained("r1", user));
            Session other = add(root("other"));
            assertEquals(List.of(user, other), workspace.roots());
        }
    }

    @Nested
    class Dependents {
        private Session user;
        private Session a;
        private Session b;
        private Session a1;
        private Session a2;
        private Session b1;

        private void buildTree() {
            user = add(root("user"));
            a = add(chained("a", user));
            a1 = add(chained("a1", a));
            a2 = add(chained("a2", a1));
            b = add(chained("b", user));
            b1 = add(chained("b1", b));
            add(root("unrelated"));
        }

        @Test
        void dependentsAreTransitiveAndNearestFirst() {
            buildTree();
            assertEquals(List.of("a", "b", "a1", "b1", "a2"), aliases(workspace.dependents(user.id())));
            assertEquals(List.of("a1", "a2"), aliases(workspace.dependents(a.id())));
            assertEquals(List.of(), workspace.dependents(a2.id()));
        }

        @Test
        void directDependentsAreOneLevelOnly() {
            buildTree();
            assertEquals(List.of("a", "b"), aliases(workspace.directDependents(user.id())));
            assertEquals(List.of("b1"), aliases(workspace.directDependents(b.id())));
            assertEquals(List.of(), workspace.directDependents(b1.id()));
        }

        @Test
        void removeIsRefusedWhileDependentsExist() {
            buildTree();
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> workspace.remove(a.id(), false));
            assertEquals(
                    "session 'a' is the assumer of 'a1', 'a2'; delete those first or use --cascade", e.getMessage());
            assertEquals(7, workspace.sessions().size());
        }

        @Test
        void removeOfALeafNeedsNoCascade() {
            buildTree();
            assertEquals(List.of(a2), workspace.remove(a2.id(), false));
            assertTrue(workspace.find(a2.id()).isEmpty());
            assertEquals(6, workspace.sessions().size());
        }

        @Test
        void cascadeRemovesTheSubtreeAndReturnsDependentsBeforeTheirAssumers() {
            buildTree();

            List<Session> removed = workspace.remove(user.id(), true);

            assertEquals(6, removed.size());
            assertEquals(user, removed.get(removed.size() - 1));
            for (Session s : removed) {
                s.assumer()
                        .ifPresent(assumer -> assertTrue(
                                removed.indexOf(s)
                                        < removed.stream()
                                                .map(Session::id)
                                                .toList()
                                                .indexOf(assumer),
                                s.alias() + " must come before its assumer"));
            }
            assertEquals(List.of("unrelated"), aliases(workspace.sessions()));
        }

        @Test
        void removeOfAnUnknownSessionIsRefused() {
            assertThrows(UnknownSessionException.class, () -> workspace.remove(SessionId.random(), true));
        }
    }

    @Nested
    class OneActiveSessionPerProfile {
        private final NamedProfile dev = NamedProfile.of("dev");
        private final NamedProfile prod = NamedProfile.of("prod");

        @Test
        void activateMarksTheSessionActiveUntilTheExpiration() {
            Session a = add(root("a", dev));
            assertEquals(List.of(), workspace.activate(a.id(), UNTIL));
            Session now = workspace.get(a.id());
            assertTrue(now.isActive());
            assertEquals(Optional.of(UNTIL), now.expiration());
            assertEquals(Optional.of(now), workspace.activeOn(dev));
        }

        @Test
        void activateStopsTheSessionActiveOnTheSameProfileAndReturnsIt() {
            Session a = add(root("a", dev));
            Session b = add(root("b", dev));
            workspace.activate(a.id(), UNTIL);

            List<Session> stopped = workspace.activate(b.id(), UNTIL.plusSeconds(60));

            assertEquals(List.of(a.id()), stopped.stream().map(Session::id).toList());
            assertEquals(SessionStatus.INACTIVE, stopped.get(0).status(), "the returned copy is the stopped one");
            assertFalse(workspace.get(a.id()).isActive());
            assertEquals(Optional.empty(), workspace.get(a.id()).expiration());
            assertEquals(Optional.of(b.id()), workspace.activeOn(dev).map(Session::id));
        }

        @Test
        void activateLeavesSessionsOnOtherProfilesAlone() {
            Session a = add(root("a", dev));
            Session b = add(root("b", prod));
            workspace.activate(a.id(), UNTIL);
            assertEquals(List.of(), workspace.activate(b.id(), UNTIL));
            assertEquals(
                    List.of(a.id(), b.id()),
                    workspace.active().stream().map(Session::id).toList());
        }

        @Test
        void activatingTheActiveSessionAgainStopsNothing() {
            Session a = add(root("a", dev));
            workspace.activate(a.id(), UNTIL);
            assertEquals(List.of(), workspace.activate(a.id(), UNTIL.plusSeconds(1)));
            assertEquals(
                    Optional.of(UNTIL.plusSeconds(1)), workspace.get(a.id()).expiration());
        }

        @Test
        void replaceRefusesMovingAnActiveSessionOntoAProfileWithAnotherActiveSession() {
            Session a = add(root("a", dev));
            Session b = add(root("b", prod));
            workspace.activate(a.id(), UNTIL);
            workspace.activate(b.id(), UNTIL);

            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class,
                    () -> workspace.replace(workspace.get(b.id()).withProfile(dev)));

            assertEquals("profile 'dev' is in use by active session 'a'; stop it first", e.getMessage());
            assertEquals(prod, workspace.get(b.id()).profile());
        }

        @Test
        void replaceMayMoveAnInactiveSessionOntoABusyProfile() {
            Session a = add(root("a", dev));
            Session b = add(root("b", prod));
            workspace.activate(a.id(), UNTIL);
            workspace.replace(b.withProfile(dev));
            assertEquals(Optional.of(a.id()), workspace.activeOn(dev).map(Session::id));
        }

        @Test
        void addRefusesAnActiveSessionOnAProfileWithAnotherActiveSession() {
            Session a = add(root("a", dev));
            workspace.activate(a.id(), UNTIL);
            Session b = root("b", dev).activated(UNTIL, DeliveryMode.FILE);
            WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> workspace.add(b));
            assertEquals("profile 'dev' is in use by active session 'a'; stop it first", e.getMessage());
        }

        @Test
        void deactivateClearsStatusAndExpiration() {
            Session a = add(root("a", dev));
            workspace.activate(a.id(), UNTIL);
            workspace.deactivate(a.id());
            assertFalse(workspace.get(a.id()).isActive());
            assertEquals(Optional.empty(), workspace.activeOn(dev));
            assertEquals(List.of(), workspace.active());
        }
    }

    @Nested
    class Rebuild {

        @Test
        void acceptsSessionsInAnyStoredOrderAndKeepsThatOrder() {
            Session user = root("user");
            Session r1 = chained("r1", user);
            Session r2 = chained("r2", r1);

            Workspace rebuilt = rebuild(List.of(r2, user, r1));

            assertEquals(List.of("r2", "user", "r1"), aliases(rebuilt.sessions()));
            assertEquals(
                    List.of("user", "r1", "r2"),
                    aliases(rebuilt.chainOf(r2.id()).hops()));
            assertEquals(List.of("user", "r1", "r2"), aliases(rebuilt.sessionsRootsFirst()));
        }

        @Test
        void roundTripOfAWorkspaceWhoseAssumerWasEditedKeepsTheAddedOrder() {
            Session user = add(root("user"));
            Session a = add(chained("a", user));
            Session later = add(chained("later", user));
            workspace.replace(a.withAssumer(Optional.of(later.id())));

            Workspace rebuilt = new Workspace(
                    workspace.sessions(), workspace.profiles(), workspace.defaultRegion(), workspace.settings());

            assertEquals(List.of("user", "a", "later"), aliases(rebuilt.sessions()));
            assertEquals(List.of("user", "later", "a"), aliases(rebuilt.sessionsRootsFirst()));
        }

        @Test
        void rejectsAnAssumerThatIsNotStored() {
            Session missing = root("missing");
            Session orphan = chained("orphan", missing);
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> rebuild(List.of(root("fine"), orphan)));
            assertEquals("session 'orphan' names an assumer that does not exist or is part of a cycle", e.getMessage());
        }

        @Test
        void rejectsACycle() {
            SessionId idA = SessionId.random();
            SessionId idB = SessionId.random();
            Session a = new Session(
                    idA,
                    Alias.of("a"),
                    CHAINED_METHOD,
                    NamedProfile.DEFAULT,
                    REGION,
                    SessionStatus.INACTIVE,
                    Optional.of(idB),
                    Map.of(),
                    Optional.empty(),
                    DeliveryMode.FILE);
            Session b = new Session(
                    idB,
                    Alias.of("b"),
                    CHAINED_METHOD,
                    NamedProfile.DEFAULT,
                    REGION,
                    SessionStatus.INACTIVE,
                    Optional.of(idA),
                    Map.of(),
                    Optional.empty(),
                    DeliveryMode.FILE);
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> rebuild(List.of(root("root"), a, b)));
            assertEquals("session 'a' names an assumer that does not exist or is part of a cycle", e.getMessage());
        }

        @Test
        void rejectsDuplicateIds() {
            Session a = root("a");
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> rebuild(List.of(a, a.withAlias(Alias.of("b")))));
            assertEquals("two sessions share the id " + a.id(), e.getMessage());
        }

        @Test
        void rejectsDuplicateAliases() {
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> rebuild(List.of(root("a"), root("a"))));
            assertEquals("a session with alias 'a' already exists; pick another alias", e.getMessage());
        }

        @Test
        void rejectsTwoActiveSessionsOnOneProfile() {
            NamedProfile dev = NamedProfile.of("dev");
            Session a = root("a", dev).activated(UNTIL, DeliveryMode.FILE);
            Session b = root("b", dev).activated(UNTIL, DeliveryMode.FILE);
            WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> rebuild(List.of(a, b)));
            assertEquals("profile 'dev' is in use by active session 'a'; stop it first", e.getMessage());
        }

        @Test
        void acceptsActiveSessionsOnDifferentProfiles() {
            Session a = root("a", NamedProfile.of("dev")).activated(UNTIL, DeliveryMode.FILE);
            Session b = root("b", NamedProfile.of("prod")).activated(UNTIL, DeliveryMode.FILE);
            assertEquals(2, rebuild(List.of(a, b)).active().size());
        }

        @Test
        void keepsProfilesRegionAndSettingsAndAlwaysHasTheDefaultProfile() {
            Workspace rebuilt = new Workspace(
                    List.of(root("a", NamedProfile.of("zeta"))),
                    List.of(NamedProfile.of("alpha")),
                    Region.of("ap-south-1"),
                    Map.of(Workspace.REFRESH_MARGIN_SETTING, "120", "colour", "never"));

            assertEquals(
                    List.of("alpha", "default", "zeta"),
                    rebuilt.profiles().stream().map(NamedProfile::name).toList());
            assertEquals(Region.of("ap-south-1"), rebuilt.defaultRegion());
            assertEquals(Duration.ofMinutes(2), rebuilt.refreshMargin());
            assertEquals(Optional.of("never"), rebuilt.setting("colour"));
        }

        @Test
        void rejectsAStoredRefreshMarginThatIsNotWholeSeconds() {
            InvalidValueException e = assertThrows(
                    InvalidValueException.class,
                    () -> new Workspace(
                            List.of(),
                            List.of(),
                            Workspace.INITIAL_DEFAULT_REGION,
                            Map.of(Workspace.REFRESH_MARGIN_SETTING, "15m")));
            assertEquals(
                    "invalid refresh-margin-seconds '15m'; give a whole number of seconds from 0 to 43200",
                    e.getMessage());
        }
    }

    @Nested
    class Profiles {
        private final NamedProfile dev = NamedProfile.of("dev");

        @Test
        void newWorkspaceKnowsOnlyTheDefaultProfileAndRegion() {
            assertEquals(List.of(NamedProfile.DEFAULT), workspace.profiles());
            assertEquals(Region.of("us-east-1"), workspace.defaultRegion());
        }

        @Test
        void addingASessionMakesItsProfileKnown() {
            add(root("a", dev));
            assertTrue(workspace.hasProfile(dev));
        }

        @Test
        void profilesAreSortedAndCreatingOneTwiceIsHarmless() {
            workspace.addProfile(NamedProfile.of("zeta"));
            workspace.addProfile(NamedProfile.of("alpha"));
            workspace.addProfile(NamedProfile.of("alpha"));
            assertEquals(
                    List.of("alpha", "default", "zeta"),
                    workspace.profiles().stream().map(NamedProfile::name).toList());
        }

        @Test
        void renameMovesEverySessionOnTheProfileAndKeepsActiveOnesActive() {
            Session a = add(root("a", dev));
            Session b = add(root("b", dev));
            Session c = add(root("c"));
            workspace.activate(a.id(), UNTIL);
            NamedProfile development = NamedProfile.of("development");

            workspace.renameProfile(dev, development);

            assertFalse(workspace.hasProfile(dev));
            assertTrue(workspace.hasProfile(development));
            assertEquals(development, workspace.get(a.id()).profile());
            assertEquals(development, workspace.get(b.id()).profile());
            assertEquals(NamedProfile.DEFAULT, workspace.get(c.id()).profile());
            assertEquals(Optional.of(a.id()), workspace.activeOn(development).map(Session::id));
        }

        @Test
        void defaultProfileCannotBeRenamed() {
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.renameProfile(NamedProfile.DEFAULT, dev));
            assertEquals("the default profile cannot be renamed", e.getMessage());
        }

        @Test
        void renameOntoAnExistingProfileIsRefused() {
            workspace.addProfile(dev);
            workspace.addProfile(NamedProfile.of("prod"));
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.renameProfile(dev, NamedProfile.of("prod")));
            assertEquals("profile 'prod' already exists; pick another name", e.getMessage());
            WorkspaceRuleException toDefault = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.renameProfile(dev, NamedProfile.DEFAULT));
            assertEquals("profile 'default' already exists; pick another name", toDefault.getMessage());
        }

        @Test
        void renameOfAnUnknownProfileIsRefused() {
            WorkspaceRuleException e = assertThrows(
                    WorkspaceRuleException.class, () -> workspace.renameProfile(dev, NamedProfile.of("x")));
            assertEquals("no profile named 'dev'; see 'rolehop profile list'", e.getMessage());
        }

        @Test
        void defaultProfileCannotBeDeleted() {
            WorkspaceRuleException e =
                    assertThrows(WorkspaceRuleException.class, () -> workspace.removeProfile(NamedProfile.DEFAULT));
            assertEquals("the default profile cannot be deleted", e.getMessage());
        }

        @Test
        void deleteIsRefusedWhileSessionsUseTheProfile() {
            add(root("a", dev));
            add(root("b", dev));
            WorkspaceRuleException e = assertThrows(WorkspaceRuleException.class, () -> workspace.removeProfile(dev));
            assertEquals(
                    "profile 'dev' is used by 'a', 'b'; move those sessions to another profile first", e.getMessage());
            assertTrue(workspace.hasProfile(dev));
        }

        @Test
        void deleteOfAnUnusedProfileForgetsIt() {
            workspace.addProfile(dev);
            workspace.removeProfile(dev);
            assertFalse(workspace.hasProfile(dev));
        }

        @Test
        void deleteOfAnUnknownProfileIsRefused() {
            assertThrows(WorkspaceRuleException.class, () -> workspace.removeProfile(dev));
        }

        @Test
        void defaultRegionCanBeChanged() {
            workspace.setDefaultRegion(Region.of("cn-north-1"));
            assertEquals(Region.of("cn-north-1"), workspace.defaultRegion());
        }
    }

    @Nested
    class RefreshMargin {

        @Test
        void defaultsToFifteenMinutes() {
            assertEquals(Duration.ofMinutes(15), workspace.refreshMargin());
        }

        @Test
        void followsTheSettingInSeconds() {
            workspace.putSetting(Workspace.REFRESH_MARGIN_SETTING, "300");
            assertEquals(Duration.ofMinutes(5), workspace.refreshMargin());
            workspace.putSetting(Workspace.REFRESH_MARGIN_SETTING, "0");
            assertEquals(Duration.ZERO, workspace.refreshMargin());
            workspace.putSetting(Workspace.REFRESH_MARGIN_SETTING, "43200");
            assertEquals(Duration.ofHours(12), workspace.refreshMargin());
        }

        @Test
        void removingTheSettingRestoresTheDefault() {
            workspace.putSetting(Workspace.REFRESH_MARGIN_SETTING, "60");
            workspace.removeSetting(Workspace.REFRESH_MARGIN_SETTING);
            assertEquals(Workspace.DEFAULT_REFRESH_MARGIN, workspace.refreshMargin());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "-5", "15m", "1.5", "43201", "999999", " 60"})
        void valuesThatAreNotWholeSecondsInRangeAreRefused(String value) {
            InvalidValueException e = assertThrows(
                    InvalidValueException.class, () -> workspace.putSetting(Workspace.REFRESH_MARGIN_SETTING, value));
            assertEquals(
                    "invalid refresh-margin-seconds '" + value + "'; give a whole number of seconds from 0 to 43200",
                    e.getMessage());
            assertEquals(Workspace.DEFAULT_REFRESH_MARGIN, workspace.refreshMargin());
        }

        @Test
        void otherSettingsAreFreeForm() {
            workspace.putSetting("default-mode", "anything at all");
            assertEquals(Optional.of("anything at all"), workspace.setting("default-mode"));
            assertEquals(Map.of("default-mode", "anything at all"), workspace.settings());
        }
    }

    @Nested
    class Lookup {

        @Test
        void findsByAliasOrById() {
            Session a = add(root("a"));
            assertEquals(Optional.of(a), workspace.find("a"));
            assertEquals(Optional.of(a), workspace.find(a.id().value()));
            assertEquals(Optional.of(a), workspace.find(a.id()));
            assertEquals(a, workspace.get("a"));
        }

        @Test
        void anIdWinsOverAStoredAliasShapedLikeIt() {
            Session a = add(root("a"));
            Session named = add(Session.create(
                    Alias.stored(a.id().value()),
                    ROOT_METHOD,
                    NamedProfile.of("named"),
                    REGION,
                    Optional.empty(),
                    Map.of()));
            assertEquals(Optional.of(a), workspace.find(a.id().value()));
            assertEquals(Optional.of(named), workspace.find(named.id().value()));
        }

        @Test
        void aStoredAliasShapedLikeAnIdNoSessionHasStillFindsItsSession() {
            String unusedId = SessionId.random().value();
            Session named = add(Session.create(
                    Alias.stored(unusedId), ROOT_METHOD, NamedProfile.of("named"), REGION, Optional.empty(), Map.of()));
            assertEquals(Optional.of(named), workspace.find(unusedId));
        }

        @Test
        void unknownAliasGivesAClearMessage() {
            UnknownSessionException e = assertThrows(UnknownSessionException.class, () -> workspace.get("nope"));
            assertEquals("no session with alias or id 'nope'; see 'rolehop session list'", e.getMessage());
            assertEquals(Optional.empty(), workspace.find((String) null));
        }

        @Test
        void sessionsListIsACopy() {
            add(root("a"));
            assertThrows(
                    UnsupportedOperationException.class,
                    () -> workspace.sessions().clear());
            assertThrows(
                    UnsupportedOperationException.class,
                    () -> workspace.profiles().clear());
        }

        @Test
        void sessionsRootsFirstPutsEveryAssumerBeforeItsDependents() {
            Session user = add(root("user"));
            Session a = add(chained("a", user));
            Session other = add(root("other"));
            Session b = add(chained("b", other));
            workspace.replace(a.withAssumer(Optional.of(b.id())));

            List<Session> ordered = workspace.sessionsRootsFirst();

            assertEquals(4, ordered.size());
            List<SessionId> ids = ordered.stream().map(Session::id).toList();
            for (Session s : ordered) {
                s.assumer()
                        .ifPresent(assumer -> assertTrue(
                                ids.indexOf(assumer) < ids.indexOf(s.id()),
                                s.alias() + " must come after its assumer"));
            }
        }
    }
}
