package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.EditSessionCommand;
import io.rolehop.application.port.in.EditSessionUseCase;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionId;
import io.rolehop.domain.TemporaryCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class EditSessionService implements EditSessionUseCase {
    private final WorkspaceStore store;
    private final AccessMethods methods;
    private final SecretStore secrets;
    private final ChainCredentialsResolver resolver;
    private final ProfileApplier applier;

    public EditSessionService(
            WorkspaceStore store,
            AccessMethods methods,
            SecretStore secrets,
            ChainCredentialsResolver resolver,
            ProfileApplier applier) {
        this.store = Objects.requireNonNull(store, "store");
        this.methods = Objects.requireNonNull(methods, "methods");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    @Override
    public Session edit(EditSessionCommand command) {
        return store.update(workspace -> {
            Session before = workspace.get(command.session());
            AccessMethod method = methods.get(before.method());
            SessionFields.check(method, command.fields(), false);
            for (var entry : command.fields().entrySet()) {
                if (entry.getValue().isEmpty()
                        && FieldSpec.named(method.fields(), entry.getKey())
                                .map(f -> f.required())
                                .orElse(false)) {
                    throw new UsageException("--" + entry.getKey() + " is required and cannot be cleared");
                }
            }
            Session edited = before;
            if (command.alias().isPresent()) {
                edited = edited.withAlias(command.alias().get());
            }
            if (command.profile().isPresent()) {
                edited = edited.withProfile(command.profile().get());
            }
            if (command.region().isPresent()) {
                edited = edited.withRegion(command.region().get());
            }
            if (command.mode().isPresent()) {
                edited = edited.withMode(command.mode().get());
            }
            if (command.assumer().isPresent()) {
                if (!method.requiresAssumer()) {
                    throw new UsageException(AccessMethods.withArticle(method.displayName())
                            + " session is a chain root and takes no --assumer");
                }
                edited = edited.withAssumer(
                        Optional.of(workspace.get(command.assumer().get()).id()));
            }
            Map<String, String> attributes = new LinkedHashMap<>(before.attributes());
            attributes.putAll(SessionFields.publicValues(method, command.fields()));
            command.fields().forEach((name, value) -> {
                if (value.isEmpty()) {
                    attributes.remove(name);
                }
            });
            edited = edited.withAttributes(attributes);

            Map<String, String> all = SessionFields.allValues(method, before, secrets);
            all.putAll(attributes);
            command.fields().forEach((name, value) -> {
                if (value.isEmpty()) {
                    all.remove(name);
                } else {
                    all.put(name, value);
                }
            });
            boolean credentialsChange = !command.fields().isEmpty()
                    || !edited.assumer().equals(before.assumer())
                    || !edited.region().equals(before.region());
            boolean profileChange = !edited.profile().equals(before.profile());
            boolean modeChange = edited.mode() != before.mode();
            boolean reapply = before.isActive() && (credentialsChange || profileChange || modeChange);
            // Graph rules (alias, assumer, cycle) first: a cycle is the problem to report, not what follows from it.
            workspace.replace(reapply ? edited.pending() : edited);
            Optional<Boolean> assumerIsChained = edited.assumer()
                    .map(id -> methods.get(workspace.get(id).method()).requiresAssumer());
            SessionFields.checkTogether(method, all, assumerIsChained);

            SessionId id = edited.id();
            Map<String, Optional<String>> previousSecrets = new LinkedHashMap<>();
            command.fields().keySet().stream()
                    .filter(name -> FieldSpec.isStoredAsSecret(method.fields(), name))
                    .forEach(name -> previousSecrets.put(name, secrets.get(SecretKeys.field(id, name))));
            SessionFields.storeSecrets(method, edited, command.fields(), secrets);
            try {
                if (credentialsChange) {
                    resolver.forgetWithDependents(workspace, id);
                }
                if (reapply) {
                    TemporaryCredentials credentials = resolver.handOut(workspace, workspace.get(id));
                    applier.apply(edited, credentials, edited.mode(), command.force());
                    if (profileChange) {
                        applier.remove(before.profile());
                    }
                    workspace.activate(id, credentials.expiration());
                }
            } catch (RuntimeException e) {
                // The workspace is not saved: put the secrets back, and forget credentials derived from the
                // abandoned settings, so that secret store and cache agree with the workspace again.
                previousSecrets.forEach((name, value) -> {
                    String key = SecretKeys.field(id, name);
                    value.ifPresentOrElse(v -> secrets.put(key, v), () -> secrets.delete(key));
                });
                if (credentialsChange) {
                    resolver.forgetWithDependents(workspace, id);
                }
                throw e;
            }
            return workspace.get(id);
        });
    }
}
