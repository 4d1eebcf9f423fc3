package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.in.CheckSetupUseCase;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.in.EditSessionUseCase;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.in.ImportAwsConfigUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.LogoutSessionUseCase;
import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.application.port.in.OpenConsoleUseCase;
import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.application.port.in.RotateAccessKeyUseCase;
import io.rolehop.application.port.in.RotateSessionsUseCase;
import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.application.port.in.SettingsUseCase;
import io.rolehop.application.port.in.SsoLoginUseCase;
import io.rolehop.application.port.in.SsoLogoutUseCase;
import io.rolehop.application.port.in.SsoSyncUseCase;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.application.port.in.StopSessionUseCase;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.AwsCliFiles;
import io.rolehop.application.port.out.AwsCliTokenCache;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.FederationTokenService;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.KnownRegions;
import io.rolehop.application.port.out.LoginCallback;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.WebBrowser;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.LauncherLink;
import java.time.Clock;

/**
 * The use cases for Guice: each is built by {@link UseCases}, the application's one composition, from the ports the
 * other modules bind. The ports reach it as providers, so a command builds only the adapters its use case needs.
 */
public final class UseCaseModule extends AbstractModule {

    @Provides
    @Singleton
    UseCases useCases(
            Provider<WorkspaceStore> store,
            Provider<AccessMethods> methods,
            Provider<SecurityTokenService> sts,
            Provider<SecretStore> secrets,
            Provider<SecretStoreBackends> backends,
            Provider<CredentialsCache> cache,
            Provider<MfaCodeProvider> mfa,
            Provider<CredentialsFile> credentials,
            Provider<ConfigFile> config,
            Provider<AccessKeyManager> keys,
            Provider<Pause> pause,
            Provider<Clock> clock,
            Provider<CliEnvironment> env,
            Provider<KnownRegions> regions,
            Provider<FederationTokenService> federation,
            Provider<ConsoleSignIn> signIn,
            Provider<WebBrowser> browser,
            Provider<IdentityCenter> identityCenter,
            Provider<LoginCallback> callback,
            Provider<AwsCliTokenCache> awsCliTokens) {
        return new UseCases(new UseCases.Ports() {
            @Override
            public IdentityCenter identityCenter() {
                return identityCenter.get();
            }

            @Override
            public LoginCallback loginCallback() {
                return callback.get();
            }

            @Override
            public AwsCliTokenCache awsCliTokenCache() {
                return awsCliTokens.get();
            }

            @Override
            public WorkspaceStore workspaceStore() {
                return store.get();
            }

            @Override
            public AccessMethods accessMethods() {
                return methods.get();
            }

            @Override
            public SecurityTokenService securityTokenService() {
                return sts.get();
            }

            @Override
            public SecretStore secretStore() {
                return secrets.get();
            }

            @Override
            public SecretStoreBackends secretStoreBackends() {
                return backends.get();
            }

            @Override
            public CredentialsCache credentialsCache() {
                return cache.get();
            }

            @Override
            public MfaCodeProvider mfaCodeProvider() {
                return mfa.get();
            }

            @Override
            public CredentialsFile credentialsFile() {
                return credentials.get();
            }

            @Override
            public ConfigFile configFile() {
                return config.get();
            }

            @Override
            public AccessKeyManager accessKeyManager() {
                return keys.get();
            }

            @Override
            public Pause pause() {
                return pause.get();
            }

            @Override
            public Clock clock() {
                return clock.get();
            }

            @Override
            public KnownRegions knownRegions() {
                return regions.get();
            }

            /**
             * The stable link under ROLEHOP_HOME, pointed at this launcher as each line is written; "rolehop" on the
             * PATH when no launcher is known (the command line run in-process).
             */
            @Override
            public String launcherCommand() {
                CliEnvironment cli = env.get();
                return cli.launcher()
                        .map(launcher -> LauncherLink.pointAt(cli.rolehopHome(), launcher)
                                .toString())
                        .orElse("rolehop");
            }

            @Override
            public FederationTokenService federationTokenService() {
                return federation.get();
            }

            @Override
            public ConsoleSignIn consoleSignIn() {
                return signIn.get();
            }

            @Override
            public WebBrowser webBrowser() {
                return browser.get();
            }
        });
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
    RotateSessionsUseCase rotate(UseCases useCases) {
        return useCases.rotateSessions();
    }

    @Provides
    RotateAccessKeyUseCase rotateAccessKey(UseCases useCases) {
        return useCases.rotateAccessKey();
    }

    @Provides
    SettingsUseCase settings(UseCases useCases) {
        return useCases.settings();
    }

    @Provides
    AddSessionUseCase add(UseCases useCases) {
        return useCases.add();
    }

    @Provides
    EditSessionUseCase edit(UseCases useCases) {
        return useCases.edit();
    }

    @Provides
    DeleteSessionUseCase delete(UseCases useCases) {
        return useCases.delete();
    }

    @Provides
    ListSessionsUseCase list(UseCases useCases) {
        return useCases.list();
    }

    @Provides
    StartSessionUseCase start(UseCases useCases) {
        return useCases.start();
    }

    @Provides
    StopSessionUseCase stop(UseCases useCases) {
        return useCases.stop();
    }

    @Provides
    LogoutSessionUseCase logout(UseCases useCases) {
        return useCases.logout();
    }

    @Provides
    MigrateSecretsUseCase migrateSecrets(UseCases useCases) {
        return useCases.migrateSecrets();
    }

    @Provides
    GenerateCredentialsUseCase generate(UseCases useCases) {
        return useCases.generate();
    }

    @Provides
    ProfilesUseCase profiles(UseCases useCases) {
        return useCases.profiles();
    }

    @Provides
    RegionsUseCase regions(UseCases useCases) {
        return useCases.regions();
    }

    @Provides
    ServeCredentialsUseCase serve(UseCases useCases) {
        return useCases.serve();
    }

    @Provides
    ImportAwsConfigUseCase importAwsConfig(UseCases useCases, AwsCliFiles files) {
        return useCases.importAwsConfig(files);
    }

    @Provides
    io.rolehop.application.port.in.ImportLeappUseCase importLeapp(
            UseCases useCases,
            io.rolehop.application.port.out.LeappWorkspaceReader reader,
            io.rolehop.application.port.out.LeappKeychain keychain) {
        return useCases.importLeapp(reader, keychain);
    }

    @Provides
    OpenConsoleUseCase openConsole(UseCases useCases) {
        return useCases.openConsole();
    }

    @Provides
    CheckSetupUseCase checkSetup(UseCases useCases) {
        return useCases.checkSetup();
    }

    @Provides
    SsoLoginUseCase ssoLogin(UseCases useCases) {
        return useCases.ssoLogin();
    }

    @Provides
    SsoLogoutUseCase ssoLogout(UseCases useCases) {
        return useCases.ssoLogout();
    }

    @Provides
    SsoSyncUseCase ssoSync(UseCases useCases) {
        return useCases.ssoSync();
    }
}
