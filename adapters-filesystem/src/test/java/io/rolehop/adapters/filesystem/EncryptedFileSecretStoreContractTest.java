package io.rolehop.adapters.filesystem;

import io.rolehop.application.port.out.SecretStore;
import io.rolehop.testing.SecretStoreContractTest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The contract every backend passes, by the encrypted file. */
class EncryptedFileSecretStoreContractTest extends SecretStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected SecretStore store() {
        return new EncryptedFileSecretStore(
                dir.resolve("secrets.vault"), () -> Optional.of("contract test passphrase".toCharArray()));
    }
}
