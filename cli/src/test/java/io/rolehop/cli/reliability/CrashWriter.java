package io.rolehop.cli.reliability;

import io.rolehop.adapters.filesystem.EncryptedFileSecretStore;
import io.rolehop.adapters.filesystem.IniConfigFile;
import io.rolehop.adapters.filesystem.IniCredentialsFile;
import io.rolehop.adapters.filesystem.JsonWorkspaceStore;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A process that does nothing but write one of rolehop's files through the production adapters, generation after
 * generation, until it is killed: {@code CrashWriter KIND FILE FIRST_GENERATION}. Prints {@code ready} once started,
 * then {@code done N} after generation N is written. Run and SIGKILLed by {@link CrashIT}.
 */
public final class CrashWriter {
    static final NamedProfile PROFILE = NamedProfile.of("crash");
    static final String PASSPHRASE = "crash test passphrase";
    static final String[] REGIONS = {"eu-west-1", "us-east-2", "ap-southeast-2", "sa-east-1", "ca-central-1"};

    private CrashWriter() {}

    /** The credentials written at generation {@code g}; each generation's keys differ in length too. */
    static TemporaryCredentials credentials(long g) {
        return new TemporaryCredentials(
                String.format("ASIACRASH%011d", g),
                "crash-secret-" + g + "/" + "k".repeat((int) (g % 97)),
                "crash-token-" + g + "-" + "t".repeat((int) (g % 211)),
                Instant.parse("2030-01-01T00:00:00Z"));
    }

    /** The config settings written at generation {@code g}. */
    static Map<String, String> config(long g) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("region", REGIONS[(int) (g % REGIONS.length)]);
        settings.put("rolehop_crash_generation", String.valueOf(g));
        return settings;
    }

    /** The secret the vault holds at generation {@code g}. */
    static String secret(long g) {
        return "vault-generation-" + g + "-" + "s".repeat((int) (g % 301));
    }

    static void write(String kind, Path file, long g) {
        switch (kind) {
            case "credentials" -> new IniCredentialsFile(file).write(PROFILE, credentials(g), false);
            case "config" -> new IniConfigFile(file).write(PROFILE, config(g), false);
            case "workspace" ->
                new JsonWorkspaceStore(file).update(w -> {
                    w.putSetting("crash-generation", String.valueOf(g));
                    w.addProfile(NamedProfile.of("p" + g));
                    return null;
                });
            default -> throw new IllegalArgumentException(kind);
        }
    }

    public static void main(String[] args) {
        String kind = args[0];
        Path file = Path.of(args[1]);
        long first = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // One vault instance: the key is derived once, as in a long-running daemon.
        EncryptedFileSecretStore vault = kind.equals("vault")
                ? new EncryptedFileSecretStore(file, () -> Optional.of(PASSPHRASE.toCharArray()))
                : null;
        if (vault != null) {
            vault.get("crash/generation");
        }
        out.println("ready");
        for (long g = first; ; g++) {
            if (vault != null) {
                vault.put("crash/generation", secret(g));
            } else {
                write(kind, file, g);
            }
            out.println("done " + g);
        }
    }
}
