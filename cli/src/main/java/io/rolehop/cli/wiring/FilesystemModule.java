package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.adapters.filesystem.IniConfigFile;
import io.rolehop.adapters.filesystem.IniCredentialsFile;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.cli.env.CliEnvironment;
import java.util.Optional;

/** The workspace, the AWS shared files, the credentials cache and the encrypted-file secret store. */
public final class FilesystemModule extends AbstractModule {

    @Provides
    @Singleton
    WorkspaceStore workspaceStore(CliEnvironment env) {
        return new JsonWorkspaceStore(env.rolehopHome().resolve("workspace.json"));
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
    SecretStore secretStore(CliEnvironment env) {
        return new EncryptedFileSecretStore(env.rolehopHome().resolve("secrets.vault"), () -> passphrase(env));
    }

    private static Optional<char[]> passphrase(CliEnvironment env) {
        Optional<String> fromEnv = env.get("ROLEHOP_VAULT_PASSPHRASE");
        if (fromEnv.isPresent()) {
            return fromEnv.map(String::toCharArray);
        }
        return env.terminal().flatMap(t -> t.prompt("rolehop vault passphrase: ", true)).map(String::toCharArray);
    }
}
