package io.rolehop.cli.plugin;

import io.rolehop.adapters.filesystem.PluginTrustFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which plugin jars may run: a jar is loaded only while its bytes have the SHA-256 recorded when the user trusted it
 * ({@code rolehop plugins trust JAR}). A jar never trusted, or changed since, is not even opened as code. See
 * docs/plugins.md, "Trusting a plugin".
 */
public final class PluginTrust {

    /** Where a jar stands. */
    public enum State {
        /** Trusted, and unchanged since. */
        TRUSTED,
        /** Never trusted (or untrusted since). */
        UNTRUSTED,
        /** Trusted once, but its bytes are no longer those trusted. */
        CHANGED,
        /** Trusted, but no longer in a plugin directory. */
        MISSING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A jar, where it stands, and the SHA-256 of its bytes (the recorded one for a missing jar). */
    public record Jar(Path path, State state, String sha256) {}

    private final PluginTrustFile file;
    private Map<Path, String> trusted;

    public PluginTrust(PluginTrustFile file) {
        this.file = file;
    }

    /** Records the SHA-256 of {@code jar}'s bytes as trusted, and returns it. */
    public synchronized String trust(Path jar) {
        String sha256 = PluginTrustFile.sha256(jar);
        file.trust(jar, sha256);
        trusted = null;
        return sha256;
    }

    /** Stops trusting {@code jar}; false when it was not trusted. */
    public synchronized boolean untrust(Path jar) {
        trusted = null;
        return file.untrust(jar);
    }

    /** The jars trusted now, as the record of trust holds them. */
    public Set<Path> trustedJars() {
        return file.trusted().keySet();
    }

    /** Trusts nothing: only built-in methods load. */
    static PluginTrust none() {
        return new PluginTrust(null);
    }

    private synchronized Map<Path, String> trusted() {
        if (trusted == null) {
            trusted = file == null ? Map.of() : file.trusted();
        }
        return trusted;
    }

    /** Where {@code jar} stands now, reading its bytes once. */
    public Jar check(Path jar) {
        Path key = jar.toAbsolutePath().normalize();
        String now = PluginTrustFile.sha256(jar);
        Optional<String> recorded = Optional.ofNullable(trusted().get(key));
        State state = recorded.isEmpty() ? State.UNTRUSTED : recorded.get().equals(now) ? State.TRUSTED : State.CHANGED;
        return new Jar(key, state, now);
    }

    /** Every jar of {@code directories}, then every trusted jar no longer there. Reads each jar once. */
    public List<Jar> survey(List<Path> directories, java.util.function.Consumer<String> warnings) {
        List<Jar> jars = new ArrayList<>();
        for (Path directory : directories) {
            for (Path jar : AccessMethodLoader.jarsIn(directory, warnings)) {
                try {
                    jars.add(check(jar));
                } catch (RuntimeException e) {
                    warnings.accept("plugin " + jar + " cannot be read (" + e.getMessage() + ")");
                }
            }
        }
        trusted().forEach((path, sha256) -> {
            if (jars.stream().noneMatch(j -> j.path().equals(path))) {
                jars.add(new Jar(path, State.MISSING, sha256));
            }
        });
        return jars;
    }
}
