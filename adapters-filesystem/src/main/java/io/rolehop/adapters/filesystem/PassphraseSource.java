package io.rolehop.adapters.filesystem;

import java.util.Optional;

/**
 * Where the passphrase of the encrypted secret store comes from ({@code ROLEHOP_VAULT_PASSPHRASE}, a prompt on the
 * terminal, ...). Asked at most once per store instance, and only when the store is actually used. The store takes
 * the returned array over and clears it once the key is derived.
 */
@FunctionalInterface
public interface PassphraseSource {

    /** The passphrase, or empty when there is no way to obtain one (no variable set, no terminal). */
    Optional<char[]> passphrase();

    /**
     * The passphrase of a vault about to be created at {@code location}. A source that asks a person says so, and
     * where, and asks twice (a typo would otherwise become the passphrase). By default, {@link #passphrase()}.
     */
    default Optional<char[]> newPassphrase(java.nio.file.Path location) {
        return passphrase();
    }
}
