package io.rolehop.testing;

import io.rolehop.application.fakes.InMemorySecretStore;
import io.rolehop.application.port.out.SecretStore;

/** The fake the application's tests use keeps the same contract as the real backends. */
class InMemorySecretStoreContractTest extends SecretStoreContractTest {

    @Override
    protected SecretStore store() {
        return new InMemorySecretStore();
    }
}
