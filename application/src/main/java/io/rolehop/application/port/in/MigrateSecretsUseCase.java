package io.rolehop.application.port.in;

import java.util.Objects;

/**
 * Moves every secret rolehop keeps (IAM user keys, cached MFA session tokens) from the secret store in use to
 * another backend, then records that backend in the workspace setting {@code secret-store}. Each value is written to
 * the target and read back before anything is removed from the source; a failure part way leaves every secret in
 * the source and the setting unchanged (copies already made in the target are overwritten by the next attempt).
 */
public interface MigrateSecretsUseCase {

    /** What a migration did. */
    record Migration(String from, String to, int moved) {
        public Migration {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Moves the secrets to the backend named {@code target}; moving to the backend in use only records it. */
    Migration migrate(String target);
}
