package io.rolehop.cli.wiring;

import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.KernelKeyring;
import io.rolehop.adapters.filesystem.MacOsKeychainSecretStore;
import io.rolehop.adapters.filesystem.PassSecretStore;
import io.rolehop.adapters.filesystem.PassphraseSource;
import io.rolehop.adapters.filesystem.ProcessCommandRunner;
import io.rolehop.adapters.filesystem.SecretServiceSecretStore;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.SettingsService;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.domain.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Which secret-store backend rolehop uses: {@code ROLEHOP_SECRET_STORE}, else the workspace setting
 * {@code secret-store}, else detected. Detection keeps an existing {@code secrets.vault} (secrets already there stay
 * found), else takes a Secret Service answering on the session bus, else an initialised password store of pass(1),
 * else the macOS keychain, else the encrypted file.
 * Nothing is decided, run or printed before a command first uses a secret: a warm chain never gets here.
 */
public final class SecretStores implements SecretStoreBackends {
    /** The environment variable naming the backend; it wins over the workspace setting. */
    public static final String VARIABLE = "ROLEHOP_SECRET_STORE";
    /** The encrypted file's name. */
    public static final String ENCRYPTED_FILE = "encrypted-file";

    private final CliEnvironment env;
    private final WorkspaceStore workspace;
    private final BooleanSupplier promptsAllowed;
    private Selection selection;
    private SecretStore selected;

    /** The backend in use and why. */
    public record Selection(String name, String reason) {}

    public SecretStores(CliEnvironment env, WorkspaceStore workspace) {
        this(env, workspace, () -> true);
    }

    /** With {@code promptsAllowed} false the vault passphrase is never asked on the terminal (the daemon's case). */
    public SecretStores(CliEnvironment env, WorkspaceStore workspace, BooleanSupplier promptsAllowed) {
        this.env = Objects.requireNonNull(env, "env");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.promptsAllowed = Objects.requireNonNull(promptsAllowed, "promptsAllowed");
    }

    @Override
    public List<String> names() {
        return SettingsService.SECRET_STORES;
    }

    /** The backend in use, chosen on the first call. */
    public synchronized Selection selection() {
        if (selection == null) {
            selection = choose();
        }
        return selection;
    }

    /** The {@link SecretStore} the use cases get: it chooses its backend when first used. */
    public SecretStore lazy() {
        return new Lazy();
    }

    private synchronized SecretStore selected() {
        if (selected == null) {
            selected = open(selection().name());
        }
        return selected;
    }

    @Override
    public SecretStore open(String name) {
        switch (name) {
            case ENCRYPTED_FILE:
                return encryptedFile();
            case SecretServiceSecretStore.NAME:
                return new SecretServiceSecretStore(env.env());
            case PassSecretStore.NAME:
                PassSecretStore.unavailable(env.env()).ifPresent(why -> {
                    throw new OperationFailedException("the secret store 'pass' cannot be used here: " + why
                            + "; or choose another with " + VARIABLE);
                });
                return new PassSecretStore(env.env());
            case MacOsKeychainSecretStore.NAME:
                MacOsKeychainSecretStore.unavailable().ifPresent(why -> {
                    throw new OperationFailedException("the secret store 'keychain' cannot be used here: " + why
                            + "; choose another with " + VARIABLE);
                });
                return new MacOsKeychainSecretStore(env.env());
            default:
                throw new UsageException(
                        "unknown secret store '" + Text.printable(name) + "'; known: " + String.join(", ", names()));
        }
    }

    private Selection choose() {
        Optional<String> variable = env.get(VARIABLE).map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (variable.isPresent()) {
            if (!names().contains(variable.get())) {
                throw new UsageException("invalid " + VARIABLE + " '"
                        + Text.printable(env.get(VARIABLE).get()) + "'; give one of " + String.join(", ", names())
                        + ", or unset it");
            }
            return new Selection(variable.get(), "chosen by " + VARIABLE);
        }
        Optional<String> setting = workspace.load().setting(SettingsService.SECRET_STORE_SETTING);
        if (setting.isPresent()) {
            return new Selection(
                    setting.get(), "chosen by the workspace setting " + SettingsService.SECRET_STORE_SETTING);
        }
        if (Files.exists(vault())) {
            return new Selection(ENCRYPTED_FILE, "detected: " + vault() + " exists");
        }
        Optional<String> noSecretService = SecretServiceSecretStore.unavailable(env.env());
        if (noSecretService.isEmpty()) {
            return new Selection(
                    SecretServiceSecretStore.NAME, "detected: a Secret Service answers on the session" + " bus");
        }
        if (PassSecretStore.unavailable(env.env()).isEmpty()) {
            return new Selection(
                    PassSecretStore.NAME,
                    "detected: a password store of pass(1) at " + PassSecretStore.storeDir(env.env()));
        }
        if (MacOsKeychainSecretStore.unavailable().isEmpty()) {
            return new Selection(MacOsKeychainSecretStore.NAME, "detected: macOS");
        }
        return new Selection(ENCRYPTED_FILE, "the default, as no OS keychain answers: " + noSecretService.get());
    }

    private Path vault() {
        return env.rolehopHome().resolve("secrets.vault");
    }

    /**
     * The encrypted file of this home, looking first for a key {@code secrets unlock} kept in the kernel keyring,
     * then for {@code ROLEHOP_VAULT_PASSPHRASE}, then asking on the terminal.
     */
    public EncryptedFileSecretStore encryptedFile() {
        return new EncryptedFileSecretStore(
                vault(), new VaultPassphrase(), new KernelKeyring(new ProcessCommandRunner(env.env())));
    }

    /** The encrypted file of this home, for the commands that unlock, lock and describe it. */
    public Vault encryptedFileVault() {
        return new Vault(encryptedFile(), vaultPassphrase());
    }

    /** Where the vault's passphrase comes from: {@code ROLEHOP_VAULT_PASSPHRASE}, else the terminal. */
    public PassphraseSource vaultPassphrase() {
        return new VaultPassphrase();
    }

    /** {@code ROLEHOP_VAULT_PASSPHRASE}, else the terminal; a new vault's passphrase is typed twice. */
    private final class VaultPassphrase implements PassphraseSource {
        @Override
        public Optional<char[]> passphrase() {
            return fromEnv().or(() -> ask("rolehop vault passphrase: "));
        }

        @Override
        public Optional<char[]> newPassphrase(Path location) {
            Optional<char[]> fromEnv = fromEnv();
            if (fromEnv.isPresent()) {
                return fromEnv;
            }
            Optional<char[]> first = ask("rolehop: creating the encrypted secret store " + location
                    + System.lineSeparator() + "new vault passphrase: ");
            if (first.isEmpty()) {
                return first;
            }
            Optional<char[]> again = ask("the same passphrase again: ");
            boolean same = again.isPresent() && Arrays.equals(first.get(), again.get());
            again.ifPresent(a -> Arrays.fill(a, '\0'));
            if (!same) {
                Arrays.fill(first.get(), '\0');
                throw new UsageException("the two passphrases differ; the secret store " + location + " was not"
                        + " created: run the command again");
            }
            return first;
        }

        private Optional<char[]> fromEnv() {
            return env.get("ROLEHOP_VAULT_PASSPHRASE").map(String::toCharArray);
        }

        private Optional<char[]> ask(String question) {
            if (!promptsAllowed.getAsBoolean()) {
                return Optional.empty();
            }
            return env.terminal().flatMap(t -> t.prompt(question, true)).map(String::toCharArray);
        }
    }

    /** Delegates to the selected backend, choosing it on first use. */
    private final class Lazy implements SecretStore {
        @Override
        public Optional<String> get(String key) {
            return selected().get(key);
        }

        @Override
        public void put(String key, String value) {
            selected().put(key, value);
        }

        @Override
        public boolean delete(String key) {
            return selected().delete(key);
        }

        @Override
        public List<String> keys(String prefix) {
            return selected().keys(prefix);
        }

        @Override
        public String name() {
            return selected().name();
        }

        @Override
        public String toString() {
            return "SecretStore[" + (selection == null ? "not chosen yet" : selection.name()) + "]";
        }
    }
}
