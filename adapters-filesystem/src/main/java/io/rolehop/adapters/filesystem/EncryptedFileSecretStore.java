package io.rolehop.adapters.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.SecretStore;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets in one encrypted file ({@code $ROLEHOP_HOME/secrets.vault}): the whole key-to-value map is one AES-256-GCM
 * blob, keyed by PBKDF2-HMAC-SHA256 of a passphrase. Mode 0600, replaced atomically under a lock.
 *
 * <p>File format, version 1 (integers big-endian): the 7 ASCII bytes {@code RHVAULT}; a format version byte (1); a
 * key-derivation id byte (1 = PBKDF2WithHmacSHA256); the iteration count (4 bytes); the salt length (1 byte, 16) and
 * the salt; the IV length (1 byte, 12) and the IV; then the ciphertext of the UTF-8 JSON object of all secrets,
 * followed by the 16-byte GCM tag. Everything before the ciphertext is authenticated as additional data. The salt is
 * chosen when the file is created and kept; the IV is new on every write.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    static final byte[] MAGIC = "RHVAULT".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    static final int KDF_PBKDF2_HMAC_SHA256 = 1;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the file records it, so it can grow without breaking old files. */
    static final int ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 210_000;
    /**
     * The most iterations a file may ask for: a few times today's count leaves room to raise it, while a planted
     * 100 000 000 (minutes of CPU on every command) is refused before any key is derived.
     */
    static final int MAX_ITERATIONS = 2_000_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The longest a derived key is kept in the kernel keyring after {@code secrets unlock}. */
    public static final Duration MAX_UNLOCKED = Duration.ofHours(12);
    private static final String KEPT_KEY_FORMAT = "rolehop-vault-key-1";

    private final Path location;
    private final PassphraseSource passphraseSource;
    private final Duration lockTimeout;
    private final Optional<KernelKeyring> keyring;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = JsonMapper.builder().build();
    private DerivedKey cachedKey;

    private record DerivedKey(byte[] salt, int iterations, SecretKey key) {}

    private record Vault(byte[] salt, int iterations, TreeMap<String, String> secrets) {}

    private record Header(byte[] salt, int iterations, byte[] iv, int length) {}

    /** A derived key as kept in the kernel keyring, with the instant it stops being used. */
    private record KeptKey(DerivedKey key, Instant until) {}

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

    private EncryptedFileSecretStore(Path location, PassphraseSource passphrase, Duration lockTimeout,
            Optional<KernelKeyring> keyring) {
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
        return read().map(v -> v.secrets().keySet().stream().filter(k -> k.startsWith(prefix)).toList())
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
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        cachedKey = derive(() -> source.newPassphrase(location), salt, ITERATIONS);
        return new Vault(salt, ITERATIONS, new TreeMap<>());
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
        KernelKeyring ring = keyring.orElseThrow(() -> new OperationFailedException(
                "this secret store cannot be unlocked: it has no kernel keyring"));
        ring.requireLoginSession(); // before the passphrase is asked or a vault created
        Optional<Header> header = AtomicFiles.readIfExists(location).map(this::header);
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
        byte[] raw = cachedKey.key().getEncoded();
        try {
            Base64.Encoder b64 = Base64.getEncoder();
            ring.keep(keptKeyName(), String.join(" ", KEPT_KEY_FORMAT, Integer.toString(cachedKey.iterations()),
                    b64.encodeToString(cachedKey.salt()), Long.toString(until.getEpochSecond()),
                    b64.encodeToString(raw)), lifetime);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        return until;
    }

    /** Forgets the key {@link #unlock} kept, at once; whether one was kept. */
    public synchronized boolean lock() {
        cachedKey = null;
        return keyring.map(ring -> ring.forget(keptKeyName())).orElse(false);
    }

    /** Until when the vault is unlocked, or empty when it is locked (or there is no vault). Opens nothing. */
    public synchronized Optional<Instant> unlockedUntil() {
        Optional<Header> header = AtomicFiles.readIfExists(location).map(this::header);
        return header.flatMap(h -> keptKey().filter(k -> k.key().iterations() == h.iterations()
                && Arrays.equals(k.key().salt(), h.salt()))).map(KeptKey::until);
    }

    /** The key's name in the keyring: one per vault file, so that two homes never share a key. */
    private String keptKeyName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    location.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "rolehop:vault:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        }
    }

    /** The key kept by {@link #unlock}, while it is still valid. */
    private Optional<KeptKey> keptKey() {
        if (keyring.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> payload = keyring.get().read(keptKeyName());
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String[] fields = payload.get().strip().split(" ");
        if (fields.length != 5 || !fields[0].equals(KEPT_KEY_FORMAT)) {
            return Optional.empty();
        }
        byte[] raw = null;
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            Instant until = Instant.ofEpochSecond(Long.parseLong(fields[3]));
            raw = b64.decode(fields[4]);
            if (!Instant.now().isBefore(until) || raw.length != 32) {
                return Optional.empty();
            }
            return Optional.of(new KeptKey(new DerivedKey(b64.decode(fields[2]), Integer.parseInt(fields[1]),
                    new SecretKeySpec(raw, "AES")), until));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty(); // not a key of ours: ask for the passphrase as if locked
        } finally {
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    // ---- the file ----

    private Optional<Vault> read() {
        Optional<byte[]> bytes = AtomicFiles.readIfExists(location);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Header header = header(bytes.get());
        SecretKey key = keyFor(header.salt(), header.iterations());
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, header.iv()));
            cipher.updateAAD(bytes.get(), 0, header.length());
            plain = cipher.doFinal(bytes.get(), header.length(), bytes.get().length - header.length());
            return Optional.of(new Vault(header.salt(), header.iterations(), decodeSecrets(plain)));
        } catch (AEADBadTagException e) {
            throw damaged(e);
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** The authenticated header of the file's {@code bytes}, checked before any key is derived for it. */
    private Header header(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] salt;
        byte[] iv;
        int iterations;
        int headerLength;
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw damaged(null);
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version > FORMAT_VERSION) {
                throw new OperationFailedException("the secret store " + location + " was written by a newer rolehop"
                        + " (format " + version + ", this one reads up to " + FORMAT_VERSION + "); upgrade rolehop");
            }
            if (version != FORMAT_VERSION || Byte.toUnsignedInt(in.get()) != KDF_PBKDF2_HMAC_SHA256) {
                throw damaged(null);
            }
            iterations = in.getInt();
            salt = new byte[Byte.toUnsignedInt(in.get())];
            in.get(salt);
            iv = new byte[Byte.toUnsignedInt(in.get())];
            in.get(iv);
            headerLength = in.position();
        } catch (BufferUnderflowException e) {
            throw damaged(e);
        }
        // A forged header must not make us derive a weak key, nor spin for minutes.
        if (Integer.toUnsignedLong(iterations) > MAX_ITERATIONS) {
            throw new OperationFailedException("cannot open the secret store " + location + ": it asks for "
                    + Integer.toUnsignedLong(iterations) + " PBKDF2 iterations, more than the " + MAX_ITERATIONS
                    + " rolehop accepts; the file is damaged or was replaced: restore it from a backup");
        }
        if (iterations < MIN_ITERATIONS || salt.length != SALT_BYTES
                || iv.length != IV_BYTES || in.remaining() < TAG_BITS / 8) {
            throw damaged(null);
        }
        return new Header(salt, iterations, iv, headerLength);
    }

    private void write(Vault vault) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 2 + 4 + 1 + SALT_BYTES + 1 + IV_BYTES);
        header.put(MAGIC).put((byte) FORMAT_VERSION).put((byte) KDF_PBKDF2_HMAC_SHA256).putInt(vault.iterations())
                .put((byte) SALT_BYTES).put(vault.salt()).put((byte) IV_BYTES).put(iv);
        SecretKey key = keyFor(vault.salt(), vault.iterations());
        byte[] plain = encodeSecrets(vault.secrets());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.array());
            byte[] sealed = cipher.doFinal(plain);
            byte[] file = new byte[header.capacity() + sealed.length];
            System.arraycopy(header.array(), 0, file, 0, header.capacity());
            System.arraycopy(sealed, 0, file, header.capacity(), sealed.length);
            AtomicFiles.replace(location, file, AtomicFiles.Mode.PRIVATE);
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] encodeSecrets(Map<String, String> secrets) {
        ObjectNode root = json.createObjectNode();
        secrets.forEach(root::put);
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new OperationFailedException("cannot encode the secret store " + location, e);
        }
    }

    private TreeMap<String, String> decodeSecrets(byte[] plain) {
        TreeMap<String, String> secrets = new TreeMap<>();
        try {
            JsonNode root = json.readTree(plain);
            if (root == null || !root.isObject()) {
                throw damaged(null);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw damaged(null);
                }
                secrets.put(e.getKey(), e.getValue().textValue());
            }
        } catch (IOException e) {
            // Never chain Jackson's exception: its message may quote the decrypted text.
            throw damaged(null);
        }
        return secrets;
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
        Optional<DerivedKey> kept = keptKey().map(KeptKey::key)
                .filter(k -> k.iterations() == iterations && Arrays.equals(k.salt(), salt));
        cachedKey = kept.orElseGet(() -> derive(passphraseSource, salt, iterations));
        return cachedKey.key();
    }

    /** Derives the key of {@code salt} from the passphrase {@code source} gives. */
    private DerivedKey derive(PassphraseSource source, byte[] salt, int iterations) {
        Optional<char[]> given = Objects.requireNonNull(source.passphrase(), "passphrase()");
        char[] passphrase = given.orElseThrow(() -> new InteractionRequiredException("the secret store " + location
                + " needs its passphrase: run 'rolehop secrets unlock' in this login session, set"
                + " ROLEHOP_VAULT_PASSPHRASE, or run rolehop from a terminal"));
        PBEKeySpec spec = null;
        byte[] raw = null;
        try {
            if (passphrase.length == 0) {
                throw new UsageException("the passphrase of the secret store " + location + " must not be empty");
            }
            spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new DerivedKey(salt.clone(), iterations, new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            throw cryptoUnavailable(e);
        } finally {
            Arrays.fill(passphrase, '\0');
            if (spec != null) {
                spec.clearPassword();
            }
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    private CrossProcessLock.Held fileLock() {
        Path target = AtomicFiles.writeTarget(location);
        return new CrossProcessLock(target.resolveSibling(target.getFileName() + ".lock"), location, lockTimeout).acquire();
    }

    private OperationFailedException damaged(Exception cause) {
        return new OperationFailedException("cannot open the secret store " + location
                + ": wrong passphrase or damaged file", cause);
    }

    private OperationFailedException cryptoUnavailable(GeneralSecurityException e) {
        return new OperationFailedException("cannot use AES-GCM with PBKDF2WithHmacSHA256 on this Java runtime for "
                + location + ": " + e.getClass().getSimpleName(), e);
    }
}
