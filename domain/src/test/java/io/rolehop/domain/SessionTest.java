package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final AccessMethodId METHOD = AccessMethodId.of("test-root");
    private static final Region REGION = Region.of("eu-west-1");
    private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void attributesAreKeptInNameOrderWhateverOrderTheyCameIn() {
        Map<String, String> shuffled = new java.util.LinkedHashMap<>();
        for (String name : List.of("zeta", "alpha", "mid", "beta", "role-arn", "external-id")) {
            shuffled.put(name, name.toUpperCase(java.util.Locale.ROOT));
        }
        Session s = Session.create(Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), shuffled);

        assertEquals(
                List.of("alpha", "beta", "external-id", "mid", "role-arn", "zeta"),
                List.copyOf(s.attributes().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> s.attributes().put("x", "y"));
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);
        assertThrows(
                NullPointerException.class,
                () -> Session.create(Alias.of("b"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), withNull));
    }

    @Test
    void createdSessionIsInactiveWithAFreshIdAndNoExpiration() {
        Session a = Session.create(Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), Map.of());
        Session b = Session.create(Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), Map.of());
        assertEquals(SessionStatus.INACTIVE, a.status());
        assertFalse(a.isActive());
        assertEquals(Optional.empty(), a.expiration());
        assertEquals(DeliveryMode.FILE, a.mode());
        assertNotEquals(a.id(), b.id());
    }

    @Test
    void sessionCannotBeItsOwnAssumer() {
        SessionId id = SessionId.random();
        WorkspaceRuleException e = assertThrows(
                WorkspaceRuleException.class,
                () -> new Session(
                        id,
                        Alias.of("loop"),
                        METHOD,
                        NamedProfile.DEFAULT,
                        REGION,
                        SessionStatus.INACTIVE,
                        Optional.of(id),
                        Map.of(),
                        Optional.empty(),
                        DeliveryMode.FILE));
        assertEquals("session 'loop' cannot be its own assumer", e.getMessage());
    }

    @Test
    void withAssumerOfItselfIsRefusedToo() {
        Session s = Session.create(Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), Map.of());
        assertThrows(WorkspaceRuleException.class, () -> s.withAssumer(Optional.of(s.id())));
    }

    @Test
    void attributesAreCopiedAndImmutable() {
        Map<String, String> attributes = new HashMap<>(Map.of("role-arn", "arn:aws:iam::123456789012:role/x"));
        Session s = Session.create(Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), attributes);
        attributes.put("role-arn", "changed");
        assertEquals(Optional.of("arn:aws:iam::123456789012:role/x"), s.attribute("role-arn"));
        assertEquals(Optional.empty(), s.attribute("missing"));
        assertThrows(UnsupportedOperationException.class, () -> s.attributes().put("x", "y"));
    }

    @Test
    void everyComponentIsRequired() {
        SessionId id = SessionId.random();
        Alias alias = Alias.of("a");
        NamedProfile p = NamedProfile.DEFAULT;
        SessionStatus st = SessionStatus.INACTIVE;
        Optional<SessionId> none = Optional.empty();
        Optional<Instant> noExp = Optional.empty();
        Map<String, String> attrs = Map.of();
        DeliveryMode m = DeliveryMode.FILE;
        List<Runnable> nulls = List.of(
                () -> new Session(null, alias, METHOD, p, REGION, st, none, attrs, noExp, m),
                () -> new Session(id, null, METHOD, p, REGION, st, none, attrs, noExp, m),
                () -> new Session(id, alias, null, p, REGION, st, none, attrs, noExp, m),
                () -> new Session(id, alias, METHOD, null, REGION, st, none, attrs, noExp, m),
                () -> new Session(id, alias, METHOD, p, null, st, none, attrs, noExp, m),
                () -> new Session(id, alias, METHOD, p, REGION, null, none, attrs, noExp, m),
                () -> new Session(id, alias, METHOD, p, REGION, st, null, attrs, noExp, m),
                () -> new Session(id, alias, METHOD, p, REGION, st, none, null, noExp, m),
                () -> new Session(id, alias, METHOD, p, REGION, st, none, attrs, null, m),
                () -> new Session(id, alias, METHOD, p, REGION, st, none, attrs, noExp, null));
        for (Runnable r : nulls) {
            assertThrows(NullPointerException.class, r::run);
        }
    }

    @Test
    void lifecycleCopiesKeepIdentityAndSetStatusAndExpiration() {
        Session s = Session.create(Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), Map.of());

        Session active = s.activated(UNTIL, DeliveryMode.CREDENTIAL_PROCESS);
        assertTrue(active.isActive());
        assertEquals(SessionStatus.ACTIVE, active.status());
        assertEquals(Optional.of(UNTIL), active.expiration());
        assertEquals(s.id(), active.id());
        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, active.mode());

        Session pending = active.pending();
        assertEquals(SessionStatus.PENDING, pending.status());
        assertFalse(pending.isActive());
        assertEquals(Optional.of(UNTIL), pending.expiration());

        Session stopped = active.deactivated();
        assertEquals(SessionStatus.INACTIVE, stopped.status());
        assertEquals(Optional.empty(), stopped.expiration());
        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, stopped.mode());
    }

    @Test
    void withCopiesChangeOnlyTheirComponent() {
        Session s = Session.create(
                        Alias.of("a"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), Map.of("k", "v"))
                .activated(UNTIL, DeliveryMode.FILE);
        SessionId other = SessionId.random();

        Session changed = s.withAlias(Alias.of("b"))
                .withProfile(NamedProfile.of("dev"))
                .withRegion(Region.of("us-west-2"))
                .withAssumer(Optional.of(other))
                .withAttributes(Map.of("k", "w"));

        assertEquals(
                new Session(
                        s.id(),
                        Alias.of("b"),
                        METHOD,
                        NamedProfile.of("dev"),
                        Region.of("us-west-2"),
                        SessionStatus.ACTIVE,
                        Optional.of(other),
                        Map.of("k", "w"),
                        Optional.of(UNTIL),
                        DeliveryMode.FILE),
                changed);
        assertEquals(Alias.of("a"), s.alias());
    }

    @Test
    void statusLabelsAreLowerCase() {
        assertEquals("inactive", SessionStatus.INACTIVE.label());
        assertEquals("pending", SessionStatus.PENDING.label());
        assertEquals("active", SessionStatus.ACTIVE.label());
    }

    @Test
    void chainIsNeverEmptyAndKnowsItsEnds() {
        assertThrows(IllegalArgumentException.class, () -> new Chain(List.of()));
        Session root =
                Session.create(Alias.of("root"), METHOD, NamedProfile.DEFAULT, REGION, Optional.empty(), Map.of());
        Session leaf = Session.create(
                Alias.of("leaf"), METHOD, NamedProfile.DEFAULT, REGION, Optional.of(root.id()), Map.of());
        Chain chain = new Chain(List.of(root, leaf));
        assertEquals(root, chain.root());
        assertEquals(leaf, chain.target());
        assertEquals(2, chain.length());
        Chain single = new Chain(List.of(root));
        assertEquals(root, single.root());
        assertEquals(root, single.target());
        assertEquals(1, single.length());
    }

    @Test
    void deliveryModeParsesItsLabels() {
        assertEquals(DeliveryMode.FILE, DeliveryMode.parse("file"));
        assertEquals(DeliveryMode.CREDENTIAL_PROCESS, DeliveryMode.parse(" Credential-Process "));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> DeliveryMode.parse("env"));
        assertEquals("unknown mode 'env'; use file or credential-process", e.getMessage());
    }

    @Test
    void unknownSessionMessagePointsToTheList() {
        assertEquals(
                "no session with alias or id 'pr\\nod'; see 'rolehop session list'",
                new UnknownSessionException("pr\nod").getMessage());
    }
}
