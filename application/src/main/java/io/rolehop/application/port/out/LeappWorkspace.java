package io.rolehop.application.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Leapp workspace file holds that rolehop can take over, as Leapp names it: sessions with their Leapp type and
 * fields, named profiles, IAM Identity Center integrations. No secret: Leapp keeps those in the OS keychain.
 *
 * @param file the file read
 * @param defaultRegion Leapp's default region, if set
 */
public record LeappWorkspace(
        Path file,
        Optional<String> defaultRegion,
        List<Profile> profiles,
        List<Session> sessions,
        List<SsoIntegration> ssoIntegrations) {

    public LeappWorkspace {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        profiles = List.copyOf(profiles);
        sessions = List.copyOf(sessions);
        ssoIntegrations = List.copyOf(ssoIntegrations);
    }

    /** A named profile: Leapp's id for it and its name. */
    public record Profile(String id, String name) {
        public Profile {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One session.
     *
     * @param type Leapp's type, e.g. {@code awsIamUser}, {@code awsIamRoleChained}, {@code awsSsoRole}
     * @param fields the other string fields by Leapp's name ({@code profileId}, {@code roleArn},
     *     {@code parentSessionId}, {@code roleSessionName}, {@code mfaDevice}, {@code awsSsoConfigurationId}, ...);
     *     empty values left out
     */
    public record Session(String id, String type, String name, Optional<String> region, Map<String, String> fields) {
        public Session {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
            fields = Map.copyOf(fields);
        }

        public Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    /** An IAM Identity Center integration: its portal (start) URL and region. */
    public record SsoIntegration(String id, String alias, String portalUrl, String region) {
        public SsoIntegration {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(portalUrl, "portalUrl");
            Objects.requireNonNull(region, "region");
        }
    }
}
