package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.in.EditSessionUseCase;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.LogoutSessionUseCase;
import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.application.port.in.RotateAccessKeyUseCase;
import io.rolehop.application.port.in.RotateSessionsUseCase;
import io.rolehop.application.port.in.SettingsUseCase;
import io.rolehop.application.port.in.StopSessionUseCase;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.application.service.AddSessionService;
import io.rolehop.application.service.ChainCredentialsResolver;
import io.rolehop.application.service.DeleteSessionService;
import io.rolehop.application.service.EditSessionService;
import io.rolehop.application.service.GenerateCredentialsService;
import io.rolehop.application.service.ListSessionsService;
import io.rolehop.application.service.LogoutSessionService;
import io.rolehop.application.service.MigrateSecretsService;
import io.rolehop.application.service.ProfileApplier;
import io.rolehop.application.service.ProfilesService;
import io.rolehop.application.service.RegionsService;
import io.rolehop.application.service.RotateAccessKeyService;
import io.rolehop.application.service.RotateSessionsService;
import io.rolehop.application.service.SettingsService;
import io.rolehop.application.service.StartSessionService;
import io.rolehop.application.service.StopSessionService;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.LauncherLink;
import java.time.Clock;

/** The use cases, built from the ports. */
public final class UseCaseModule extends AbstractModule {

    @Provides
    @Singleton
    ChainCredentialsResolver resolver(AccessMethods methods, SecurityTokenService sts, SecretStore secrets,
            CredentialsCache cache, MfaCodeProvider mfa, Clock clock) {
        return new ChainCredentialsResolver(methods, sts, secrets, cache, mfa, clock);
    }

    @Provides
    @Singleton
    ProfileApplier applier(CredentialsFile credentials, ConfigFile config, CliEnvironment env) {
        // The stable link under ROLEHOP_HOME, pointed at this launcher as each line is written; "rolehop" on the PATH
        // when no launcher is known (the command line run in-process).
        return new ProfileApplier(credentials, config, () -> env.launcher()
                .map(launcher -> LauncherLink.pointAt(env.rolehopHome(), launcher).toString()).orElse("rolehop"));
    }

    @Provides
    RotateSessionsUseCase rotate(WorkspaceStore store, ChainCredentialsResolver resolver, ProfileApplier applier,
            Clock clock) {
        return new RotateSessionsService(store, resolver, applier, clock);
    }

    @Provides
    RotateAccessKeyUseCase rotateAccessKey(WorkspaceStore store, AccessMethods methods, SecretStore secrets,
            ChainCredentialsResolver resolver, AccessKeyManager keys, Pause pause, Clock clock) {
        return new RotateAccessKeyService(store, methods, secrets, resolver, keys, pause, clock);
    }

    /** Waits in real time; an interrupt ends the wait and leaves the flag set, which ends a retry loop. */
    @Provides
    Pause pause() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Provides
    SettingsUseCase settings(WorkspaceStore store) {
        return new SettingsService(store);
    }

    @Provides
    AddSessionUseCase add(WorkspaceStore store, AccessMethods methods, SecretStore secrets) {
        return new AddSessionService(store, methods, secrets);
    }

    @Provides
    EditSessionUseCase edit(WorkspaceStore store, AccessMethods methods, SecretStore secrets,
            ChainCredentialsResolver resolver, ProfileApplier applier) {
        return new EditSessionService(store, methods, secrets, resolver, applier);
    }

    @Provides
    DeleteSessionUseCase delete(WorkspaceStore store, ProfileApplier applier, ChainCredentialsResolver resolver,
            SecretStore secrets) {
        return new DeleteSessionService(store, applier, resolver, secrets);
    }

    @Provides
    ListSessionsUseCase list(WorkspaceStore store, AccessMethods methods) {
        return new ListSessionsService(store, methods);
    }

    @Provides
    StartSessionUseCase start(WorkspaceStore store, ChainCredentialsResolver resolver, ProfileApplier applier) {
        return new StartSessionService(store, resolver, applier);
    }

    @Provides
    StopSessionUseCase stop(WorkspaceStore store, ProfileApplier applier) {
        return new StopSessionService(store, applier);
    }

    @Provides
    LogoutSessionUseCase logout(WorkspaceStore store, ChainCredentialsResolver resolver) {
        return new LogoutSessionService(store, resolver);
    }

    @Provides
    MigrateSecretsUseCase migrateSecrets(WorkspaceStore store, SecretStore secrets, SecretStoreBackends backends) {
        return new MigrateSecretsService(store, secrets, backends);
    }

    @Provides
    GenerateCredentialsUseCase generate(WorkspaceStore store, ChainCredentialsResolver resolver) {
        return new GenerateCredentialsService(store, resolver);
    }

    @Provides
    ProfilesUseCase profiles(WorkspaceStore store, ChainCredentialsResolver resolver, ProfileApplier applier) {
        return new ProfilesService(store, resolver, applier);
    }

    @Provides
    RegionsUseCase regions(WorkspaceStore store) {
        return new RegionsService(store);
    }
}
