package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class AddSessionService implements AddSessionUseCase {
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
                throw new UsageException("a " + method.displayName() + " session is a chain root and takes no --assumer");
            }
            Optional<Boolean> assumerIsChained = assumer.map(a -> methods.get(a.method()).requiresAssumer());
            SessionFields.checkTogether(method, fields, assumerIsChained);
            Session session = Session.create(
                    command.alias(),
                    command.method(),
                    command.profile().orElse(NamedProfile.DEFAULT),
                    command.region().orElse(workspace.defaultRegion()),
                    assumer.map(Session::id),
                    SessionFields.publicValues(method, fields));
            workspace.add(session);
            SessionFields.storeSecrets(method, session, fields, secrets);
            return session;
        });
    }
}
