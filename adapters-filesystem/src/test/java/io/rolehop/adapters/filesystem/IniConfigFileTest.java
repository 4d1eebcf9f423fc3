package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.bytes;
import static io.rolehop.adapters.filesystem.TestFiles.credentials;
import static io.rolehop.adapters.filesystem.TestFiles.mode;
import static io.rolehop.adapters.filesystem.TestFiles.names;
import static io.rolehop.adapters.filesystem.TestFiles.read;
import static io.rolehop.adapters.filesystem.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.ProfileConflictException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.Botocore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniConfigFileTest {
    private static final NamedProfile DEV = NamedProfile.of("dev");

    // Nested sub-sections, which ini4j's store() flattens, in the default profile and another one.
    private static final String USERS_CONFIG = "[default]\n"
            + "region = us-east-1\n"
            + "s3 =\n"
            + "  max_concurrent_requests = 20\n"
            + "  max_queue_size = 10000\n"
            + "output = json\n"
            + "\n"
            + "; a profile for the data team\n"
            + "[profile data]\n"
            + "region=eu-central-1\n"
            + "s3 =\n"
            + "    addressing_style = path\n"
            + "\n"
            + "    signature_version = s3v4\n"
            + "\n"
            + "[sso-session corp]\n"
            + "sso_start_url = https://example.awsapps.com/start\n";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("aws/config");
    }

    private static Map<String, String> region(String region) {
        return Map.of("region", region);
    }

    @Test
    void appendsAProfileSectionAndNestedSubSectionsSurviveByteForByte() {
        write(file(), USERS_CONFIG);
        IniConfigFile config = new IniConfigFile(file());

        config.write(DEV, region("eu-west-1"), false);

        assertEquals(USERS_CONFIG + "\n[profile dev]\n# managed by rolehop\nregion = eu-west-1\n", read(file()));
        Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(file());
        assertEquals(
                Map.of("max_concurrent_requests", "20", "max_queue_size", "10000"),
                parsed.get("default").get("s3"));
        assertEquals(
                Map.of("addressing_style", "path", "signature_version", "s3v4"),
                parsed.get("profile data").get("s3"));
        assertEquals("eu-west-1", parsed.get("profile dev").get("region"));
        assertTrue(config.owns(DEV));
    }

    @Test
    void theDefaultProfileIsTheDefaultSection() {
        IniConfigFile config = new IniConfigFile(file());

        config.write(NamedProfile.DEFAULT, region("ap-southeast-2"), false);

        assertEquals("[default]\n# managed by rolehop\nregion = ap-southeast-2\n", read(file()));
        assertEquals("rw-------", mode(file()));
        assertEquals("rwx------", mode(file().getParent()));
    }

    @Test
    void replacesItsOwnSectionWithNewSettingsInTheGivenOrder() {
        write(file(), USERS_CONFIG);
        IniConfigFile config = new IniConfigFile(file());
        config.write(DEV, region("eu-west-1"), false);
        String after = "\n[profile later]\nregion = us-west-2\n";
        write(file(), read(file()) + after);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("credential_process", "/opt/rolehop/bin/rolehop session generate 7f1c");
        settings.put("region", "eu-west-3");

        new IniConfigFile(file()).write(DEV, settings, false);

        assertEquals(
                USERS_CONFIG + "\n[profile dev]\n# managed by rolehop\n"
                        + "credential_process = /opt/rolehop/bin/rolehop session generate 7f1c\nregion = eu-west-3\n"
                        + after,
                read(file()));
        Map<String, Object> dev = Botocore.rawConfigParse(file()).get("profile dev");
        assertEquals("/opt/rolehop/bin/rolehop session generate 7f1c", dev.get("credential_process"));
    }

    @Test
    void aForeignSectionWithExactlyTheRequestedSettingsIsLeftAlone() {
        String text = "[profile dev]\nregion = eu-west-1\n";
        write(file(), text);
        IniConfigFile config = new IniConfigFile(file());

        config.checkWritable(DEV, region("eu-west-1"), false);
        config.write(DEV, region("eu-west-1"), false);

        assertEquals(text, read(file()));
        assertFalse(config.owns(DEV));
        assertFalse(config.remove(DEV));
        assertEquals(text, read(file()));
    }

    @Test
    void aForeignSectionWithOtherSettingsIsAConflictUnlessForced() {
        write(file(), USERS_CONFIG);
        IniConfigFile config = new IniConfigFile(file());
        NamedProfile data = NamedProfile.of("data");

        var e = assertThrows(ProfileConflictException.class, () -> config.write(data, region("eu-central-1"), false));
        assertTrue(
                e.getMessage().contains("'data'")
                        && e.getMessage().contains(file().toString())
                        && e.getMessage().contains("--force"),
                e.getMessage());
        assertEquals(USERS_CONFIG, read(file()));

        config.write(data, region("eu-central-1"), true);

        String backup = names(file().getParent()).stream()
                .filter(n -> n.startsWith("config.rolehop-backup-"))
                .findFirst()
                .orElseThrow();
        assertArrayEquals(USERS_CONFIG.getBytes(StandardCharsets.UTF_8), bytes(file().resolveSibling(backup)));
        assertEquals(
                "[default]\nregion = us-east-1\ns3 =\n  max_concurrent_requests = 20\n  max_queue_size = 10000\n"
                        + "output = json\n\n; a profile for the data team\n"
                        + "[profile data]\n# managed by rolehop\n"
                        + kept("[profile data]\nregion=eu-central-1\ns3 =\n    addressing_style = path\n\n"
                                + "    signature_version = s3v4\n")
                        + "region = eu-central-1\n"
                        + "\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\n",
                read(file()));
        assertTrue(config.owns(data));
        config.write(data, region("eu-west-1"), false);
        assertEquals(
                "eu-west-1",
                Botocore.resolveProfile(file(), dir.resolve("none"), "data")
                        .region()
                        .orElseThrow());

        assertTrue(config.remove(data), "stop puts the user's section back");

        assertArrayEquals(USERS_CONFIG.getBytes(StandardCharsets.UTF_8), bytes(file()));
        assertFalse(config.owns(data));
    }

    /** The comment in rolehop's section that keeps a section replaced with --force. */
    static String kept(String replaced) {
        return IniDocument.DISPLACED_PREFIX
                + java.util.Base64.getEncoder().encodeToString(replaced.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    @Test
    void recognisesTheProfileUnderEveryHeaderBotocoreAccepts() {
        write(file(), "[profile   \"dev\"]\nregion = us-east-2\n");
        assertEquals(
                "us-east-2",
                Botocore.resolveProfile(file(), dir.resolve("none"), "dev")
                        .region()
                        .orElseThrow());

        var e = assertThrows(
                ProfileConflictException.class, () -> new IniConfigFile(file()).write(DEV, region("eu-west-1"), false));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        new IniConfigFile(file()).write(DEV, region("eu-west-1"), true);
        assertEquals(
                "[profile dev]\n# managed by rolehop\n" + kept("[profile   \"dev\"]\nregion = us-east-2\n")
                        + "region = eu-west-1\n",
                read(file()));
        new IniConfigFile(file()).remove(DEV);
        assertEquals("[profile   \"dev\"]\nregion = us-east-2\n", read(file()));
    }

    @Test
    void refusesAmbiguousSectionsEvenWithForce() {
        String text = "[default]\nregion = us-east-1\n\n[profile default]\nregion = us-west-1\n";
        write(file(), text);

        var e = assertThrows(
                OperationFailedException.class,
                () -> new IniConfigFile(file()).write(NamedProfile.DEFAULT, region("eu-west-1"), true));

        assertTrue(e.getMessage().contains("lines 1, 4"), e.getMessage());
        assertEquals(text, read(file()));
    }

    @Test
    void tellsTheSettingsOfItsOwnSectionInFileOrderAndNothingOfOthers() {
        write(file(), USERS_CONFIG);
        IniConfigFile config = new IniConfigFile(file());
        assertEquals(Optional.empty(), config.owned(DEV));
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("credential_process", "/opt/rolehop/bin/rolehop session generate 42");
        settings.put("region", "eu-west-1");
        config.write(DEV, settings, false);

        assertEquals(
                List.copyOf(settings.entrySet()),
                List.copyOf(config.owned(DEV).orElseThrow().entrySet()));
        assertEquals(Optional.empty(), config.owned(NamedProfile.of("data")));
        assertEquals(Optional.empty(), config.owned(NamedProfile.DEFAULT));
    }

    @Test
    void removesOnlyItsOwnSection() {
        write(file(), USERS_CONFIG);
        IniConfigFile config = new IniConfigFile(file());
        config.write(DEV, region("eu-west-1"), false);

        assertFalse(config.remove(NamedProfile.of("data")));
        assertTrue(config.remove(DEV));

        assertEquals(USERS_CONFIG, read(file()));
    }

    @Test
    void aConfigFileWrittenThenTakenBackIsAbsentAgain() {
        // What a start that fails after writing the config file does: it removes the section again.
        IniConfigFile config = new IniConfigFile(file());
        config.write(DEV, region("eu-west-1"), false);
        assertTrue(Files.exists(file()));

        assertTrue(config.remove(DEV));

        assertFalse(Files.exists(file()));
    }

    @Test
    void editsAFileWithCommentsAfterItsSectionHeaders() {
        String users = "[profile foo]; semicolon\nregion = us-east-1\n[profile bar]# pound";
        write(file(), users);
        IniConfigFile config = new IniConfigFile(file());

        config.write(DEV, region("eu-west-1"), false);
        Map<String, Map<String, Object>> parsed = Botocore.rawConfigParse(file());
        assertEquals("us-east-1", parsed.get("profile foo").get("region"));
        assertEquals(Map.of(), parsed.get("profile bar"));
        assertEquals("eu-west-1", parsed.get("profile dev").get("region"));
        assertTrue(config.remove(DEV));

        assertEquals(users, read(file()));
    }

    @Test
    void refusesAnEditThatWouldChangeHowOtherLinesRead() {
        // The user indented the keys of rolehop's section; the next header is indented less, so it is a header now,
        // but after rolehop writes its keys at column 0 it would become a continuation line and [profile q] would go.
        String text =
                "[profile dev]\n# managed by rolehop\n    region = us-east-1\n  [profile q]\nregion = eu-west-2\n";
        write(file(), text);
        assertTrue(Botocore.rawConfigParse(file()).containsKey("profile q"));

        var e = assertThrows(
                OperationFailedException.class, () -> new IniConfigFile(file()).write(DEV, region("eu-west-1"), false));

        assertTrue(e.getMessage().contains("without changing how the AWS CLI reads other lines"), e.getMessage());
        assertEquals(text, read(file()));
    }

    @Test
    void rejectsSettingsThatWouldInjectLines() {
        IniConfigFile config = new IniConfigFile(file());
        assertThrows(IllegalArgumentException.class, () -> config.write(DEV, Map.of("region", "x\n[evil]"), false));
        assertThrows(IllegalArgumentException.class, () -> config.write(DEV, Map.of("bad key", "x"), false));
        assertThrows(IllegalArgumentException.class, () -> config.write(DEV, Map.of("region", " padded"), false));
        assertThrows(IllegalArgumentException.class, () -> config.write(DEV, Map.of(), false));
    }

    @Test
    void botocoreResolvesAProfileFromBothFilesWrittenByRolehop() {
        write(file(), USERS_CONFIG);
        Path credentialsFile = dir.resolve("aws/credentials");
        TemporaryCredentials creds = credentials("C3");

        new IniConfigFile(file()).write(DEV, region("eu-north-1"), false);
        new IniCredentialsFile(credentialsFile).write(DEV, creds, false);

        Botocore.ResolvedProfile dev = Botocore.resolveProfile(file(), credentialsFile, "dev");
        assertEquals("eu-north-1", dev.region().orElseThrow());
        assertEquals(creds.accessKeyId(), dev.accessKeyId().orElseThrow());
        assertEquals(creds.secretAccessKey(), dev.secretAccessKey().orElseThrow());
        assertEquals(creds.sessionToken(), dev.sessionToken().orElseThrow());
        assertEquals(
                "us-east-1",
                Botocore.resolveProfile(file(), credentialsFile, "default")
                        .region()
                        .orElseThrow());
        assertEquals(
                List.of("config", "credentials"),
                names(file().getParent()).stream()
                        .filter(n -> !n.endsWith(AwsSharedFile.LOCK_SUFFIX))
                        .toList());
    }
}
