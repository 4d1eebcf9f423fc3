package io.rolehop.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.fakes.InMemoryConfigFile;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A credentials file that cannot be written after the config file was: the config section is put back. */
class ProfileApplierTest {
    private static final NamedProfile PROFILE = NamedProfile.of("dev");
    private static final TemporaryCredentials CREDENTIALS =
            new TemporaryCredentials("ASIAAPPLIERTEST00001", "secret", "token", Instant.parse("2030-01-01T00:00:00Z"));

    /** Checks pass; the write fails, as when another tool holds the file's lock too long. */
    private static final class LockedCredentialsFile implements CredentialsFile {
        @Override
        public void checkWritable(NamedProfile profile, boolean force) {}

        @Override
        public void write(NamedProfile profile, TemporaryCredentials credentials, boolean force) {
            throw new OperationFailedException("credentials is locked by another process for more than 10 s");
        }

        @Override
        public boolean remove(NamedProfile profile) {
            throw new OperationFailedException("credentials is locked by another process for more than 10 s");
        }

        @Override
        public void clear(NamedProfile profile, boolean force) {
            throw new OperationFailedException("credentials is locked by another process for more than 10 s");
        }

        @Override
        public boolean owns(NamedProfile profile) {
            return false;
        }

        @Override
        public Optional<String> unreadable() {
            return Optional.empty();
        }

        @Override
        public Path location() {
            return Path.of("credentials");
        }
    }

    private static Session session(String region) {
        return Session.create(
                Alias.of("dev"),
                AccessMethodId.of("aws-iam-role-chained"),
                PROFILE,
                Region.of(region),
                Optional.empty(),
                Map.of());
    }

    @Test
    void aNewConfigSectionIsTakenOutAgain() {
        InMemoryConfigFile config = new InMemoryConfigFile();
        ProfileApplier applier = new ProfileApplier(new LockedCredentialsFile(), config);

        assertThrows(
                OperationFailedException.class,
                () -> applier.apply(session("eu-west-1"), CREDENTIALS, DeliveryMode.FILE, false));

        assertEquals(Map.of(), config.sections());
    }

    @Test
    void anOwnedConfigSectionGetsItsSettingsBack() {
        InMemoryConfigFile config = new InMemoryConfigFile();
        config.write(PROFILE, Map.of("region", "us-east-1"), false);
        ProfileApplier applier = new ProfileApplier(new LockedCredentialsFile(), config);

        assertThrows(
                OperationFailedException.class,
                () -> applier.apply(session("eu-west-1"), CREDENTIALS, DeliveryMode.CREDENTIAL_PROCESS, false));

        assertEquals(Map.of("dev", Map.of("region", "us-east-1")), config.sections());
    }

    @Test
    void aForeignSectionTheWriteLeftAloneStays() {
        InMemoryConfigFile config = new InMemoryConfigFile();
        config.addForeign("dev", Map.of("region", "eu-west-1"));
        ProfileApplier applier = new ProfileApplier(new LockedCredentialsFile(), config);

        assertThrows(
                OperationFailedException.class,
                () -> applier.apply(session("eu-west-1"), CREDENTIALS, DeliveryMode.FILE, false));

        assertEquals(Map.of(), config.sections());
        // Not rolehop's, so not writable without force: the foreign section is still there, unchanged.
        assertThrows(RuntimeException.class, () -> config.checkWritable(PROFILE, Map.of("region", "us-east-2"), false));
    }
}
