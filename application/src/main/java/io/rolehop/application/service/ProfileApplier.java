package io.rolehop.application.service;

import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands a session's credentials to tools through its named profile: keys in the credentials file plus the region in
 * the config file ({@link DeliveryMode#FILE}), or a {@code credential_process} line and the region in the config file
 * ({@link DeliveryMode#CREDENTIAL_PROCESS}); and takes them away again.
 */
public final class ProfileApplier {
    private final CredentialsFile credentialsFile;
    private final ConfigFile configFile;
    private final String launcher;

    /** With {@code rolehop} found on the PATH of the tools that run {@code credential_process}. */
    public ProfileApplier(CredentialsFile credentialsFile, ConfigFile configFile) {
        this(credentialsFile, configFile, "rolehop");
    }

    /** @param launcher the absolute path of the {@code rolehop} launcher, written into credential_process lines */
    public ProfileApplier(CredentialsFile credentialsFile, ConfigFile configFile, String launcher) {
        this.credentialsFile = Objects.requireNonNull(credentialsFile, "credentialsFile");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** Writes in file mode. */
    public void apply(Session session, TemporaryCredentials credentials, boolean force) {
        apply(session, credentials, DeliveryMode.FILE, force);
    }

    /**
     * Checks both files first, so that a conflict in either leaves both untouched, then writes them: the config file
     * first, then the credentials file. When the credentials file cannot be written after all (its lock held too long
     * by another tool, a full disk), the config section is put back as it was, so that a failed start leaves both
     * files as they were.
     */
    public void apply(Session session, TemporaryCredentials credentials, DeliveryMode mode, boolean force) {
        NamedProfile profile = session.profile();
        Map<String, String> config = configFor(session, mode);
        // In credential_process mode too: foreign keys for the profile would win in the AWS CLI and botocore, while
        // the Java SDK runs the process, and the user's tools would disagree on who they are.
        credentialsFile.checkWritable(profile, force);
        configFile.checkWritable(profile, config, force);
        Optional<Map<String, String>> before = configFile.owned(profile);
        configFile.write(profile, config, force);
        try {
            if (mode == DeliveryMode.FILE) {
                credentialsFile.write(profile, credentials, force);
            } else {
                // Keys for this profile would win over credential_process in the AWS CLI: rolehop's go, a foreign
                // section is moved aside (force), to come back on stop.
                credentialsFile.clear(profile, force);
            }
        } catch (RuntimeException e) {
            try {
                if (before.isPresent()) {
                    configFile.write(profile, before.get(), false);
                } else {
                    // There was no section, or a foreign one: remove takes only rolehop's, and puts back a foreign
                    // section the write replaced with force.
                    configFile.remove(profile);
                }
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /** Whether the session's credentials are in place for its mode. */
    public boolean isApplied(Session session) {
        return session.mode() == DeliveryMode.CREDENTIAL_PROCESS || credentialsFile.owns(session.profile());
    }

    public void remove(NamedProfile profile) {
        credentialsFile.remove(profile);
        configFile.remove(profile);
    }

    /** The {@code credential_process} command for a session, quoted as botocore splits it (shell-like). */
    public String credentialProcess(Session session) {
        return quote(launcher) + " session generate " + session.id().value();
    }

    private Map<String, String> configFor(Session session, DeliveryMode mode) {
        Map<String, String> config = new LinkedHashMap<>();
        if (mode == DeliveryMode.CREDENTIAL_PROCESS) {
            config.put("credential_process", credentialProcess(session));
        }
        config.put("region", session.region().code());
        return config;
    }

    private static String quote(String path) {
        if (path.matches("[A-Za-z0-9_./+=:@-]+")) {
            return path;
        }
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
