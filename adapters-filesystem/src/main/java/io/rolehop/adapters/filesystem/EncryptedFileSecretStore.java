package io.rolehop.adapters.filesystem;

import io.rolehop.adapters.filesystem.codec.KeptVaultKey;
import io.rolehop.adapters.filesystem.codec.VaultCrypto;
import io.rolehop.adapters.filesystem.codec.VaultFormatException;
import io.rolehop.adapters.filesystem.codec.VaultHeader;
import io.rolehop.adapters.filesystem.codec.VaultKey;
import io.rolehop.adapters.filesystem.codec.VaultPayload;
import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * Secrets in one encrypted file ({@code $ROLEHOP_HOME/secrets.vault}): the whole key-to-value map is one AES-256-GCM
 * blob, keyed by PBKDF2-HMAC-SHA256 of a passphrase. Mode 0600, replaced atomically under a lock.
 *
 * <p>This class is the file store: the map of secrets, the lock, the atomic write, the key cache and the kernel
 * keyring. The file's format is {@link VaultHeader} and {@link VaultPayload}, its cryptography {@link VaultCrypto}.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    /** See {@link VaultHeader#MAX_ITERATIONS}. */
    static final int MAX_ITERATIONS = VaultHeader.MAX_ITERATIONS;

    /** The longest a derived key is kept in the kernel keyring after {@code secrets unlock}. */
    public static final Duration MAX_UNLOCKED = Duration.ofHours(12);

    private final Path location;
    private final PassphraseSource passphraseSource;
    private final Duration lockTimeout;
    private final Optional<KernelKeyring> keyring;
    private final SecureRandom random = new SecureRandom();
    private VaultKey cachedKey;

    private record Vault(byte[] salt, int iterations, TreeMap<String, String> secrets) {}

    /**
     * The vault at {@code location}; {@code passphrase} is asked the first time the vault must be opened or created.
     */
    public EncryptedFileSecretStore(Path location, PassphraseSource passphrase) {
        this(location, passphrase, CrossProcessLock.DEFAULT_TIMEOUT);
    }

    /** Like {@link #EncryptedFileSecretStore(Path, PassphraseSource)}, waiting at most {@code lockTimeout}. */
    public EncryptedFileSecretStore(Path location, PassphraseSource passphrase, Duration lockTimeout) {
        this(location, passphrase, lockTimeout, Optional.empty());
    }

    /**
     * Like {@link #EncryptedFileSecretStore(Path, PassphraseSource)}, first looking for the key that
     * {@link #unlock} kept in {@code keyring}: while it is there, no passphrase is asked and no key derived.
     */
    public EncryptedFileSecretStore(Path location, PassphraseSource passphrase, KernelKeyring keyring) {
        this(location, passphrase, CrossProcessLock.DEFAULT_TIMEOUT, Optional.of(keyring));
    }

    private EncryptedFileSecretStore(
            Path location, PassphraseSource passphrase, Duration lockTimeout, Optional<KernelKeyring> keyring) {
        this.location = Objects.requireNonNull(location, "location");
        this.passphraseSource = Objects.requireNonNull(passphrase, "passphrase");
        this.lockTimeout = CrossProcessLock.requirePositive(lockTimeout);
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    @Override
    public synchronized Optional<String> get(String key) {
        SecretStoreKeys.require(key);
        return read().map(v -> v.secrets().get(key));
    }

    @Override
    @SuppressWarnings("try") // the lock is held by the try block itself
    public synchronized void put(String key, String value) {
        SecretStoreKeys.require(key);
        Objects.requireNonNull(value, "value");
        // Open (or prepare) the vault before locking: a passphrase prompt must not keep other processes waiting.
        Vault fresh = read().isPresent() ? null : newVault(passphraseSource);
        try (CrossProcessLock.Held held = fileLock()) {
            Vault vault = read().orElseGet(() -> fresh != null ? fresh : newVault(passphraseSource));
            vault.secrets().put(key, value);
            write(vault);
        }
    }

    @Override
    @SuppressWarnings("try") // the lock is held by the try block itself
    public synchronized boolean delete(String key) {
        SecretStoreKeys.require(key);
        if (read().filter(v -> v.secrets().containsKey(key)).isEmpty()) {
            return false;
        }
        try (CrossProcessLock.Held held = fileLock()) {
            Optional<Vault> vault = read();
            if (vault.isEmpty() || vault.get().secrets().remove(key) == null) {
                return false;
            }
            write(vault.get());
            return true;
        }
    }

    @Override
    public synchronized List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return read().map(v -> v.secrets().keySet().stream()
                        .filter(k -> k.startsWith(prefix))
                        .toList())
                .orElse(List.of());
    }

    @Override
    public String name() {
        return "encrypted-file";
    }

    /** Where the vault is. */
    public Path location() {
        return location;
    }

    /** A new, empty vault with a fresh salt, its key derived from a passphrase asked as a new one. */
    private Vault newVault(PassphraseSource source) {
        byte[] salt = VaultCrypto.newSalt(random);
        cachedKey = derive(() -> source.newPassphrase(location), salt, VaultHeader.ITERATIONS);
        return new Vault(salt, VaultHeader.ITERATIONS, new TreeMap<>());
    }

    // ---- unlocking ----

    /**
     * Asks {@code source} for the passphrase once, proves it opens the vault (creating an empty vault when there is
     * none), and keeps the derived key, never the passphrase, in the kernel keyring for {@code lifetime} (at most
     * {@link #MAX_UNLOCKED}). Until then every instance on this vault in this login session opens it without asking.
     *
     * @return when the key will be forgotten
     * @throws OperationFailedException when the passphrase is wrong or the key cannot be kept (nothing is kept)
     */
    @SuppressWarnings("try") // the lock is held by the try block itself
    public synchronized Instant unlock(PassphraseSource source, Duration lifetime) {
        Objects.requireNonNull(source, "source");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_UNLOCKED) > 0) {
            throw new UsageException("a vault can be unlocked for 1 second to 12 hours, not " + lifetime);
        }
        KernelKeyring ring = keyring.orElseThrow(
                () -> new OperationFailedException("this secret store cannot be unlocked: it has no kernel keyring"));
        ring.requireLoginSession(); // before the passphrase is asked or a vault created
        Optional<VaultHeader> header = AtomicFiles.readIfExists(location).map(this::header);
        if (header.isPresent()) {
            cachedKey = derive(source, header.get().salt(), header.get().iterations());
            try {
                read(); // a wrong passphrase fails here, before anything is kept
            } catch (OperationFailedException e) {
                cachedKey = null;
                throw e;
            }
        } else {
            Vault fresh = newVault(source);
            try (CrossProcessLock.Held held = fileLock()) {
                if (AtomicFiles.readIfExists(location).isPresent()) {
                    throw new OperationFailedException("the secret store " + location + " was created by another"
                            + " rolehop meanwhile; run secrets unlock again");
                }
                write(fresh);
            }
        }
        Instant until = Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        ring.keep(keptKeyName(), new KeptVaultKey(cachedKey, until).encode(), lifetime);
        return until;
    }

    /** Forgets the key {@link #unlock} kept, at once; whether one was kept. */
    public synchronized boolean lock() {
        cachedKey = null;
        return keyring.map(ring -> ring.forget(keptKeyName())).orElse(false);
    }

    /** Until when the vault is unlocked, or empty when it is locked (or there is no vault). Opens nothing. */
    public synchronized Optional<Instant> unlockedUntil() {
        Optional<VaultHeader> header = AtomicFiles.readIfExists(location).map(this::header);
        return header.flatMap(h -> keptKey().filter(k -> k.key().opens(h))).map(KeptVaultKey::until);
    }

    /** The key's name in the keyring: one per vault file, so that two homes never share a key. */
    private String keptKeyName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(location.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "rolehop:vault:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        }
    }

    /** The key kept by {@link #unlock}, while it is still valid; not one of ours counts as locked. */
    private Optional<KeptVaultKey> keptKey() {
        return keyring.flatMap(ring -> ring.read(keptKeyName()))
                .flatMap(KeptVaultKey::decode)
                .filter(k -> Instant.now().isBefore(k.until()));
    }

    // ---- the file ----

    private Optional<Vault> read() {
        Optional<byte[]> bytes = AtomicFiles.readIfExists(location);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        VaultHeader header = header(bytes.get());
        SecretKey key = keyFor(header.salt(), header.iterations());
        byte[] plain = null;
        try {
            plain = VaultCrypto.open(key, header, bytes.get());
            return Optional.of(new Vault(header.salt(), header.iterations(), VaultPayload.decode(plain)));
        } catch (VaultFormatException e) {
            throw unreadable(e);
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** The authenticated header of the file's {@code bytes}, checked before any key is derived for it. */
    private VaultHeader header(byte[] bytes) {
        try {
            return VaultHeader.decode(bytes);
        } catch (VaultFormatException e) {
            throw unreadable(e);
        }
    }

    private void write(Vault vault) {
        VaultHeader header = VaultCrypto.nextHeader(random, vault.salt(), vault.iterations());
        SecretKey key = keyFor(vault.salt(), vault.iterations());
        byte[] plain;
        try {
            plain = VaultPayload.encode(vault.secrets());
        } catch (IllegalArgumentException e) {
            throw new OperationFailedException("cannot encode the secret store " + location + ": " + e.getMessage());
        }
        try {
            AtomicFiles.replace(location, VaultCrypto.seal(key, header, plain), AtomicFiles.Mode.PRIVATE);
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    // ---- the key ----

    /**
     * The key for this salt, derived once; the passphrase is asked only when no key for it was derived yet and the
     * kernel keyring keeps none from {@link #unlock}.
     */
    private SecretKey keyFor(byte[] salt, int iterations) {
        if (cachedKey != null && cachedKey.iterations() == iterations && Arrays.equals(cachedKey.salt(), salt)) {
            return cachedKey.key();
        }
        Optional<VaultKey> kept = keptKey()
                .map(KeptVaultKey::key)
                .filter(k -> k.iterations() == iterations && Arrays.equals(k.salt(), salt));
        cachedKey = kept.orElseGet(() -> derive(passphraseSource, salt, iterations));
        return cachedKey.key();
    }

    /** Derives the key of {@code salt} from the passphrase {@code source} gives. */
    private VaultKey derive(PassphraseSource source, byte[] salt, int iterations) {
        Optional<char[]> given = Objects.requireNonNull(source.passphrase(), "passphrase()");
        char[] passphrase = given.orElseThrow(() -> new InteractionRequiredException("the secret store " + location
                + " needs its passphrase: run 'rolehop secrets unlock' in this login session, set"
                + " ROLEHOP_VAULT_PASSPHRASE, or run rolehop from a terminal"));
        try {
            if (passphrase.length == 0) {
                throw new UsageException("the passphrase of the secret store " + location + " must not be empty");
            }
            return new VaultKey(salt, iterations, VaultCrypto.deriveKey(passphrase, salt, iterations));
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private CrossProcessLock.Held fileLock() {
        Path target = AtomicFiles.writeTarget(location);
        return new CrossProcessLock(target.resolveSibling(target.getFileName() + ".lock"), location, lockTimeout)
                .acquire();
    }

    /** The one line that says why the vault cannot be read, and what to do. */
    private OperationFailedException unreadable(VaultFormatException e) {
        return switch (e.reason()) {
            case NEWER_FORMAT ->
                new OperationFailedException("the secret store " + location + " was written by a"
                        + " newer rolehop (format " + e.number() + ", this one reads up to "
                        + VaultHeader.FORMAT_VERSION
                        + "); upgrade rolehop");
            case TOO_MANY_ITERATIONS ->
                new OperationFailedException("cannot open the secret store " + location
                        + ": it asks for " + e.number() + " PBKDF2 iterations, more than the " + MAX_ITERATIONS
                        + " rolehop accepts; the file is damaged or was replaced: restore it from a backup");
            case DAMAGED ->
                new OperationFailedException(
                        "cannot open the secret store " + location + ": wrong passphrase or damaged file");
        };
    }

    private OperationFailedException cryptoUnavailable(GeneralSecurityException e) {
        return new OperationFailedException(
                "cannot use AES-GCM with PBKDF2WithHmacSHA256 on this Java runtime for " + location + ": "
                        + e.getClass().getSimpleName(),
                e);
    }
}
