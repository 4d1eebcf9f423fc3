package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.Workspace;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

public final class AddSessionService implements AddSessionUseCase {
    private static final int MAX_PROFILE_LENGTH = 64;

    private final WorkspaceStore store;
    private final AccessMethods methods;
    private final SecretStore secrets;

    public AddSessionService(WorkspaceStore store, AccessMethods methods, SecretStore secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public Session add(AddSessionCommand command) {
        AccessMethod method = methods.get(command.method());
        Map<String, String> fields = SessionFields.withDefaults(method, command.fields());
        SessionFields.check(method, fields, true);
        return store.update(workspace -> {
            Optional<Session> assumer = command.assumer().map(workspace::get);
            if (method.requiresAssumer() && assumer.isEmpty()) {
                throw new UsageException("--assumer is required for a " + method.displayName()
                        + " session: name the session whose credentials assume this one");
            }
            if (!method.requiresAssumer() && assumer.isPresent()) {
                throw new UsageException(AccessMethods.withArticle(method.displayName())
                        + " session is a chain root and takes no --assumer");
            }
            Optional<Boolean> assumerIsChained =
                    assumer.map(a -> methods.get(a.method()).requiresAssumer());
            SessionFields.checkTogether(method, fields, assumerIsChained);
            Session session = Session.create(
                            command.alias(),
                            command.method(),
                            command.profile().orElseGet(() -> defaultProfile(workspace, command.alias())),
                            command.region().orElse(workspace.defaultRegion()),
                            assumer.map(Session::id),
                            SessionFields.publicValues(method, fields))
                    .withMode(StartSessionService.defaultMode(workspace));
            workspace.add(session);
            SessionFields.storeSecrets(method, session, fields, secrets);
            return session;
        });
    }

    /**
     * The profile of a session added without {@code --profile}: {@code default} while no session uses it, else one
     * named after the alias, so that a second session never silently displaces the first (docs/cli-reference.md).
     * Characters a profile name cannot hold become {@code -}; a name another session uses gets {@code -2}, {@code -3}...
     */
    static NamedProfile defaultProfile(Workspace workspace, Alias alias) {
        Set<String> taken =
                workspace.sessions().stream().map(s -> s.profile().name()).collect(Collectors.toSet());
        if (!taken.contains(NamedProfile.DEFAULT.name())) {
            return NamedProfile.DEFAULT;
        }
        String base = alias.value().replaceAll("[^A-Za-z0-9._-]", "-");
        if (!Character.isLetterOrDigit(base.charAt(0)) || base.charAt(0) > 127) {
            base = "session-" + base;
        }
        String candidate = base.substring(0, Math.min(base.length(), MAX_PROFILE_LENGTH));
        for (int n = 2; taken.contains(candidate); n++) {
            String suffix = "-" + n;
            candidate = base.substring(0, Math.min(base.length(), MAX_PROFILE_LENGTH - suffix.length())) + suffix;
        }
        return NamedProfile.of(candidate);
    }
}
