package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.adapters.filesystem.IniAwsCliFiles;
import io.rolehop.adapters.filesystem.IniConfigFile;
import io.rolehop.adapters.filesystem.IniCredentialsFile;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.application.port.out.AwsCliFiles;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;

/** The workspace, the AWS shared files, the credentials cache and the secret store (see {@link SecretStores}). */
public final class FilesystemModule extends AbstractModule {

    @Provides
    @Singleton
    WorkspaceStore workspaceStore(CliEnvironment env) {
        return new IdShapedAliasWarnings(
                new JsonWorkspaceStore(env.rolehopHome().resolve("workspace.json")),
                warning -> env.err().println("rolehop: warning: " + warning));
    }

    @Provides
    @Singleton
    CredentialsFile credentialsFile(CliEnvironment env) {
        return new IniCredentialsFile(env.credentialsFile());
    }

    @Provides
    @Singleton
    ConfigFile configFile(CliEnvironment env) {
        return new IniConfigFile(env.configFile());
    }

    @Provides
    @Singleton
    CredentialsCache credentialsCache(CliEnvironment env) {
        return new FileCredentialsCache(env.rolehopHome().resolve("cache"));
    }

    @Provides
    @Singleton
    SecretStores secretStores(CliEnvironment env, WorkspaceStore workspace, CliState state) {
        return new SecretStores(env, workspace, state::promptsAllowed);
    }

    /** The backend {@link SecretStores} selects, chosen when a secret is first needed. */
    @Provides
    @Singleton
    SecretStore secretStore(SecretStores stores) {
        return stores.lazy();
    }

    @Provides
    SecretStoreBackends secretStoreBackends(SecretStores stores) {
        return stores;
    }

    @Provides
    AwsCliFiles awsCliFiles(CliEnvironment env) {
        return new IniAwsCliFiles(env.configFile(), env.credentialsFile());
    }

    /** Leapp's workspace file under the user's home, for 'import leapp'. */
    @Provides
    io.rolehop.application.port.out.LeappWorkspaceReader leappWorkspace(CliEnvironment env) {
        return new io.rolehop.adapters.filesystem.LeappLockFile(env.home());
    }

    /** Leapp's secrets in the Secret Service of the session bus. */
    @Provides
    io.rolehop.application.port.out.LeappKeychain leappKeychain(CliEnvironment env) {
        return new io.rolehop.adapters.filesystem.SecretToolLeappKeychain(env.env());
    }
}
