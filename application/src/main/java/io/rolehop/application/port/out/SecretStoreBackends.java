package io.rolehop.application.port.out;

import java.util.List;

/**
 * The secret-store backends this installation knows, to move secrets from one to another. The composition root
 * chooses which one {@link SecretStore} is; this port opens the others by name.
 */
public interface SecretStoreBackends {

    /** The names of every backend, whether usable here or not: {@code secret-service}, {@code keychain}, ... */
    List<String> names();

    /**
     * The backend named {@code name}.
     *
     * @throws io.rolehop.application.UsageException when no backend has that name
     * @throws io.rolehop.application.OperationFailedException when it cannot be used on this machine, saying why
     */
    SecretStore open(String name);
}
