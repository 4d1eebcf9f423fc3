package io.rolehop.application.service;

import io.rolehop.application.ApplicationException;
import io.rolehop.application.port.in.RotateSessionsUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class RotateSessionsService implements RotateSessionsUseCase {
    private final WorkspaceStore store;
    private final ChainCredentialsResolver resolver;
    private final ProfileApplier applier;
    private final Clock clock;

    public RotateSessionsService(
            WorkspaceStore store, ChainCredentialsResolver resolver, ProfileApplier applier, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Rotation> rotate() {
        // Resolve the chains before taking the workspace lock, as a start does, so that STS calls, their retries and
        // any wait keep no other rolehop process waiting. Under the lock, what was resolved is used as long as the
        // session's chain is still derived the same way; a failure is remembered, not retried there.
        Workspace snapshot = store.load();
        Map<SessionId, TemporaryCredentials> resolved = new HashMap<>();
        Map<SessionId, RuntimeException> failed = new HashMap<>();
        for (Session session : due(snapshot, clock.instant())) {
            try {
                resolved.put(session.id(), resolver.handOut(snapshot, session));
            } catch (ApplicationException | DomainException e) {
                failed.put(session.id(), e);
            }
        }
        return store.update(workspace -> {
            // What the unlocked resolution cached must not outlive an edit that ran meanwhile, whether or not the
            // edited session is still due now (an edit of an active session starts it again itself).
            resolved.keySet().forEach(id -> resolver.forgetIfChangedSince(snapshot, workspace, id));
            List<Rotation> done = new ArrayList<>();
            Instant now = clock.instant();
            for (Session session : due(workspace, now)) {
                try {
                    boolean unchanged = ChainDerivation.alike(snapshot, workspace, session.id());
                    RuntimeException before = unchanged ? failed.get(session.id()) : null;
                    if (before != null) {
                        throw before;
                    }
                    TemporaryCredentials credentials = unchanged && resolved.containsKey(session.id())
                            ? resolved.get(session.id())
                            : resolver.handOut(workspace, session);
                    applier.apply(session, credentials, DeliveryMode.FILE, false);
                    workspace.activate(session.id(), credentials.expiration(), DeliveryMode.FILE);
                    done.add(new Rotation(
                            session.alias().value(),
                            Outcome.REFRESHED,
                            Optional.of(credentials.expiration()),
                            "new credentials written to profile " + session.profile()));
                } catch (ApplicationException | DomainException e) {
                    boolean expired =
                            session.expiration().map(exp -> !exp.isAfter(now)).orElse(true);
                    if (expired) {
                        applier.remove(session.profile());
                        workspace.deactivate(session.id());
                        resolver.forget(session.id());
                        done.add(new Rotation(
                                session.alias().value(),
                                Outcome.FAILED_STOPPED,
                                Optional.empty(),
                                e.getMessage() + "; its expired credentials were removed and the session stopped"));
                    } else {
                        done.add(new Rotation(
                                session.alias().value(),
                                Outcome.FAILED_KEPT,
                                session.expiration(),
                                e.getMessage() + "; the previous credentials stay in place until "
                                        + session.expiration()
                                                .map(Instant::toString)
                                                .orElse("?")));
                    }
                }
            }
            return done;
        });
    }

    @Override
    public Optional<Instant> nextRefresh() {
        Workspace workspace = store.load();
        return workspace.active().stream()
                .filter(s -> s.mode() == DeliveryMode.FILE)
                .map(s -> s.expiration().orElse(clock.instant()).minus(workspace.refreshMargin()))
                .min(Instant::compareTo);
    }

    private static List<Session> due(Workspace workspace, Instant now) {
        return workspace.active().stream()
                .filter(s -> s.mode() == DeliveryMode.FILE)
                .filter(s -> s.expiration()
                        .map(exp -> !exp.isAfter(now.plus(workspace.refreshMargin())))
                        .orElse(true))
                .toList();
    }
}
