package io.rolehop.application.service;

import io.rolehop.application.port.in.SsoLogoutUseCase;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.IdentityCenterException;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.IdentityCenterAccess;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Signs out at the portal, then forgets the start URL's login and every credential derived from it. */
public final class SsoLogoutService implements SsoLogoutUseCase {
    private final WorkspaceStore store;
    private final SsoTokens tokens;
    private final IdentityCenter identityCenter;
    private final ChainCredentialsResolver resolver;

    public SsoLogoutService(
            WorkspaceStore store, SsoTokens tokens, IdentityCenter identityCenter, ChainCredentialsResolver resolver) {
        this.store = store;
        this.tokens = tokens;
        this.identityCenter = identityCenter;
        this.resolver = resolver;
    }

    @Override
    public List<Session> logout(String startUrl) {
        tokens.load(startUrl)
                .ifPresent(login -> login.token().ifPresent(token -> {
                    try {
                        identityCenter.logout(login.region(), token.accessToken());
                    } catch (IdentityCenterException e) {
                        // A token the portal no longer knows is signed out already; anything else must not keep the
                        // login
                        // here: it is forgotten below either way.
                    }
                }));
        tokens.forget(startUrl);
        Workspace workspace = store.load();
        Set<Session> forgotten = new LinkedHashSet<>();
        for (Session session : ofStartUrl(workspace, startUrl)) {
            forgotten.addAll(resolver.forgetWithDependents(workspace, session.id()));
        }
        return new ArrayList<>(forgotten);
    }

    static List<Session> ofStartUrl(Workspace workspace, String startUrl) {
        return workspace.sessions().stream()
                .filter(s -> s.method().value().equals(IdentityCenterAccess.METHOD_ID))
                .filter(s -> s.attribute(IdentityCenterAccess.START_URL)
                        .map(startUrl::equals)
                        .orElse(false))
                .toList();
    }
}
