package io.rolehop.application.service;

import io.rolehop.application.port.in.GenerateCredentialsCommand;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.util.Objects;

public final class GenerateCredentialsService implements GenerateCredentialsUseCase {
    private final WorkspaceStore store;
    private final ChainCredentialsResolver resolver;

    public GenerateCredentialsService(WorkspaceStore store, ChainCredentialsResolver resolver) {
        this.store = Objects.requireNonNull(store, "store");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public TemporaryCredentials generate(GenerateCredentialsCommand command) {
        Workspace workspace = store.load();
        return resolver.handOut(workspace, workspace.get(command.session()), command.mfaCode());
    }
}
