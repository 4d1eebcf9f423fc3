package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRefTest {
    private static final AccessMethodId METHOD = AccessMethodId.of("test-root");

    private static Session session(String alias) {
        return Session.create(
                Alias.stored(alias), METHOD, NamedProfile.DEFAULT, Region.of("eu-west-1"), Optional.empty(), Map.of());
    }

    @Test
    void anIdNamesItsSessionEvenWhenAnEarlierSessionHasItAsAlias() {
        Session later = session("later");
        Session earlier = session(later.id().value());
        List<Session> sessions = List.of(earlier, later);

        assertEquals(later, SessionRef.of(later.id().value()).findIn(sessions));
        assertEquals(
                later,
                new Workspace(sessions, List.of(), Workspace.INITIAL_DEFAULT_REGION, Map.of())
                        .get(SessionRef.of(later.id().value())));
    }

    @Test
    void anAliasNamesItsSession() {
        Session a = session("a");
        assertEquals(a, SessionRef.of("a").findIn(List.of(session("b"), a)));
        assertEquals(a, SessionRef.of(a.id().value()).findIn(List.of(session("b"), a)));
    }

    @Test
    void nothingNamedIsAClearError() {
        UnknownSessionException e = assertThrows(
                UnknownSessionException.class, () -> SessionRef.of("nope").findIn(List.of(session("a"))));
        assertEquals("no session with alias or id 'nope'; see 'rolehop session list'", e.getMessage());
    }
}
