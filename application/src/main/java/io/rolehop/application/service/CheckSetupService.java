package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.CheckSetupUseCase;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the AWS files and the active sessions' {@code credential_process} lines; rewrites a line on demand. */
public final class CheckSetupService implements CheckSetupUseCase {
    private static final String KEY = "credential_process";

    private final WorkspaceStore store;
    private final CredentialsFile credentialsFile;
    private final ConfigFile configFile;
    private final ProfileApplier applier;

    public CheckSetupService(
            WorkspaceStore store, CredentialsFile credentialsFile, ConfigFile configFile, ProfileApplier applier) {
        this.store = Objects.requireNonNull(store, "store");
        this.credentialsFile = Objects.requireNonNull(credentialsFile, "credentialsFile");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.applier = Objects.requireNonNull(applier, "applier");
    }

    @Override
    public List<FileProblem> awsFileProblems() {
        List<FileProblem> problems = new ArrayList<>();
        credentialsFile.unreadable().ifPresent(p -> problems.add(new FileProblem(credentialsFile.location(), p)));
        configFile.unreadable().ifPresent(p -> problems.add(new FileProblem(configFile.location(), p)));
        return problems;
    }

    @Override
    public List<CredentialProcessLine> credentialProcessLines() {
        List<CredentialProcessLine> lines = new ArrayList<>();
        for (Session session : store.load().sessions()) {
            if (session.isActive() && session.mode() == DeliveryMode.CREDENTIAL_PROCESS) {
                lines.add(lineOf(session));
            }
        }
        return lines;
    }

    @Override
    public CredentialProcessLine rewrite(String session) {
        return store.update(workspace -> {
            Session found = workspace.get(session);
            if (!found.isActive() || found.mode() != DeliveryMode.CREDENTIAL_PROCESS) {
                throw new UsageException("session '" + found.alias() + "' is not active in credential-process mode;"
                        + " it has no credential_process line to rewrite");
            }
            applier.rewriteCredentialProcess(found);
            return lineOf(found);
        });
    }

    private CredentialProcessLine lineOf(Session session) {
        Optional<String> command = configFile.owned(session.profile()).map(settings -> settings.get(KEY));
        return new CredentialProcessLine(
                session.alias().value(), session.profile().name(), command, ProfileApplier.generateArguments(session));
    }
}
