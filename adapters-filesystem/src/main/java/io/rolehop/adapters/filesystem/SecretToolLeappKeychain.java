package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.LeappKeychain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leapp's secrets in the Secret Service, as its keychain library (keytar) stores them on Linux: items of the schema
 * {@code org.gnome.keyring.NodeKeyTar} with the attributes {@code service=Leapp} and {@code account=<account>}, read
 * with {@code secret-tool lookup}.
 */
public final class SecretToolLeappKeychain implements LeappKeychain {
    static final String SERVICE = "Leapp";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> environment;
    private final CommandRunner runner;

    public SecretToolLeappKeychain(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.runner = new ProcessCommandRunner(environment);
    }

    @Override
    public Optional<String> unavailable() {
        return SecretServiceSecretStore.unavailable(environment);
    }

    @Override
    public Optional<String> secret(String account) {
        CommandRunner.Result r =
                runner.run(List.of("secret-tool", "lookup", "service", SERVICE, "account", account), "", TIMEOUT);
        if (r.exitCode() == 0) {
            return Optional.of(r.stdout());
        }
        if (r.exitCode() == 1 && r.stderr().isBlank()) {
            return Optional.empty();
        }
        throw new OperationFailedException("cannot read Leapp's keychain entry " + account + ": "
                + r.stderr().lines().findFirst().orElse("secret-tool exited with " + r.exitCode()));
    }
}
