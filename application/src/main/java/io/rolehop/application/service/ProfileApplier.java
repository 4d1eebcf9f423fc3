package io.rolehop.application.service;

import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Writes a session's credentials and region to its named profile, and removes them again. */
public final class ProfileApplier {
    private final CredentialsFile credentialsFile;
    private final ConfigFile configFile;

    public ProfileApplier(CredentialsFile credentialsFile, ConfigFile configFile) {
        this.credentialsFile = Objects.requireNonNull(credentialsFile, "credentialsFile");
        this.configFile = Objects.requireNonNull(configFile, "configFile");
    }

    /** Checks both files first, so that a conflict in either leaves both untouched, then writes them. */
    public void apply(Session session, TemporaryCredentials credentials, boolean force) {
        Map<String, String> config = configFor(session);
        credentialsFile.checkWritable(session.profile(), force);
        configFile.checkWritable(session.profile(), config, force);
        configFile.write(session.profile(), config, force);
        credentialsFile.write(session.profile(), credentials, force);
    }

    /** Whether the session's credentials are in place in the credentials file. */
    public boolean isApplied(Session session) {
        return credentialsFile.owns(session.profile());
    }

    public void remove(NamedProfile profile) {
        credentialsFile.remove(profile);
        configFile.remove(profile);
    }

    private static Map<String, String> configFor(Session session) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("region", session.region().code());
        return config;
    }
}
