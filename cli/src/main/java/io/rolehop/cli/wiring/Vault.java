package io.rolehop.cli.wiring;

import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.PassphraseSource;
import io.rolehop.application.InteractionRequiredException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The encrypted file as {@code secrets status}, {@code unlock} and {@code lock} see it. */
public final class Vault {
    /** The longest a vault stays unlocked. */
    public static final Duration MAX_UNLOCKED = EncryptedFileSecretStore.MAX_UNLOCKED;

    private final EncryptedFileSecretStore file;
    private final PassphraseSource passphrase;

    Vault(EncryptedFileSecretStore file, PassphraseSource passphrase) {
        this.file = file;
        this.passphrase = passphrase;
    }

    public Path location() {
        return file.location();
    }

    /** Until when a key kept by {@link #unlock} opens the file; empty when it is locked. */
    public Optional<Instant> unlockedUntil() {
        return file.unlockedUntil();
    }

    /** Forgets the kept key; false when there was none. */
    public boolean lock() {
        return file.lock();
    }

    /**
     * Keeps the file's key for {@code lifetime}; the passphrase is {@code given} (read from standard input), else
     * {@code ROLEHOP_VAULT_PASSPHRASE} or the terminal. Returns until when it stays unlocked.
     */
    public Instant unlock(Optional<char[]> given, Duration lifetime) {
        return file.unlock(
                given.<PassphraseSource>map(p -> () -> Optional.of(p.clone())).orElseGet(() -> required(passphrase)),
                lifetime);
    }

    /** {@code source}, saying how else to give the passphrase when it has none (no terminal, no variable). */
    private static PassphraseSource required(PassphraseSource source) {
        Supplier<InteractionRequiredException> none = () -> new InteractionRequiredException("secrets unlock needs"
                + " the passphrase and there is no terminal to ask on; pipe it in with --passphrase-stdin");
        return new PassphraseSource() {
            @Override
            public Optional<char[]> passphrase() {
                return Optional.of(source.passphrase().orElseThrow(none));
            }

            @Override
            public Optional<char[]> newPassphrase(Path location) {
                return Optional.of(source.newPassphrase(location).orElseThrow(none));
            }
        };
    }
}
