package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rolehop.application.port.in.SessionTree;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListSessionsServiceTest {
    private final Fixture f = new Fixture();

    private static List<String> aliases(List<SessionView> views) {
        return views.stream().map(v -> v.session().alias().value()).toList();
    }

    /** A compact picture of a forest: alias(child, child(...)). */
    private static String draw(List<SessionTree> trees) {
        return String.join(
                " ",
                trees.stream()
                        .map(t -> t.session().session().alias().value()
                                + (t.dependents().isEmpty() ? "" : "(" + draw(t.dependents()) + ")"))
                        .toList());
    }

    @Test
    void listShowsEverySessionInAddedOrderWithMethodNameAndAssumerAlias() {
        f.chainUserR1R2R3();

        List<SessionView> views = f.list.list();

        assertEquals(List.of("user", "r1", "r2", "r3"), aliases(views));
        assertEquals(
                List.of("Test IAM User", "Test Role Chained", "Test Role Chained", "Test Role Chained"),
                views.stream().map(SessionView::methodName).toList());
        assertEquals(
                List.of(Optional.empty(), Optional.of("user"), Optional.of("r1"), Optional.of("r2")),
                views.stream().map(SessionView::assumerAlias).toList());
    }

    @Test
    void listKeepsAddedOrderAfterAnAssumerIsMovedToALaterSession() {
        f.chainUserR1R2R3();
        f.addRole("late", "user");
        f.edit.edit(new io.rolehop.application.port.in.EditSessionCommand(
                io.rolehop.domain.SessionRef.of("r1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(io.rolehop.domain.SessionRef.of("late")),
                Map.of("duration", ""),
                false));

        assertEquals(List.of("user", "r1", "r2", "r3", "late"), aliases(f.list.list()));
    }

    @Test
    void sessionOfAMethodNoLongerInstalledIsStillListed() {
        f.store.update(w -> {
            w.add(Session.create(
                    Alias.of("sso"),
                    AccessMethodId.of("okta"),
                    NamedProfile.DEFAULT,
                    Region.of("us-east-1"),
                    Optional.empty(),
                    Map.of()));
            return null;
        });

        assertEquals("okta (not installed)", f.list.list().get(0).methodName());
    }

    @Test
    void treeShowsEachRootWithItsDependentsBelow() {
        f.chainUserR1R2R3();
        f.addRole("r1b", "user");
        f.addRole("r2b", "r1");
        f.addUser("solo");

        assertEquals("user(r1(r2(r3) r2b) r1b) solo", draw(f.list.tree()));
    }

    @Test
    void currentListsActiveSessionsOptionallyOnOneProfile() {
        f.chainUserR1R2R3();
        f.start("r3");
        f.start("r1");

        assertEquals(List.of("r1", "r3"), aliases(f.list.current(Optional.empty())));
        assertEquals(List.of("r3"), aliases(f.list.current(Optional.of(NamedProfile.of("r3")))));
        assertEquals(List.of(), f.list.current(Optional.of(NamedProfile.of("r2"))));
    }

    @Test
    void emptyWorkspaceHasEmptyViews() {
        assertEquals(List.of(), f.list.list());
        assertEquals(List.of(), f.list.tree());
        assertEquals(List.of(), f.list.current(Optional.empty()));
    }
}
