package io.rolehop.application.service;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.MigrateSecretsUseCase;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.domain.Session;
import io.rolehop.domain.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class MigrateSecretsService implements MigrateSecretsUseCase {
    private final WorkspaceStore store;
    private final SecretStore current;
    private final SecretStoreBackends backends;

    public MigrateSecretsService(WorkspaceStore store, SecretStore current, SecretStoreBackends backends) {
        this.store = Objects.requireNonNull(store, "store");
        this.current = Objects.requireNonNull(current, "current");
        this.backends = Objects.requireNonNull(backends, "backends");
    }

    @Override
    public Migration migrate(String target) {
        String name = target.strip().toLowerCase(Locale.ROOT);
        if (!backends.names().contains(name)) {
            throw new UsageException("unknown secret store '" + Text.printable(target) + "'; known: "
                    + String.join(", ", backends.names()));
        }
        String from = current.name();
        if (from.equals(name)) {
            record(name);
            return new Migration(from, name, 0);
        }
        SecretStore destination = backends.open(name);
        // Listed, copied and recorded under the workspace lock, so that a session added meanwhile cannot put its
        // secrets in the old store after the listing and before the workspace names the new one.
        Map<String, String> values = store.update(workspace -> {
            // Only this workspace's sessions' secrets: an OS keychain holds those of every workspace of the user,
            // under the same service, and another workspace's must stay where that workspace looks for them.
            Map<String, String> copied = new LinkedHashMap<>();
            for (Session session : workspace.sessions()) {
                for (String key : current.keys(SecretKeys.prefix(session.id()))) {
                    current.get(key).ifPresent(value -> copied.put(key, value));
                }
                // The IAM Identity Center login its start URL shares with the workspace's other sessions of it.
                session.attribute(io.rolehop.application.spi.IdentityCenterAccess.START_URL)
                        .filter(url -> session.method()
                                .value()
                                .equals(io.rolehop.application.spi.IdentityCenterAccess.METHOD_ID))
                        .map(SsoTokens::key)
                        .ifPresent(key -> current.get(key).ifPresent(value -> copied.put(key, value)));
            }
            copied.forEach((key, value) -> {
                destination.put(key, value);
                if (!destination.get(key).equals(Optional.of(value))) {
                    throw new OperationFailedException("the secret '" + key + "' reads back differently from " + name
                            + "; nothing was removed from " + from + " and the workspace still names " + from);
                }
            });
            workspace.putSetting(SettingsService.SECRET_STORE_SETTING, name);
            return copied;
        });
        List.copyOf(values.keySet()).forEach(current::delete);
        return new Migration(from, name, values.size());
    }

    private void record(String name) {
        store.update(workspace -> {
            workspace.putSetting(SettingsService.SECRET_STORE_SETTING, name);
            return null;
        });
    }
}
