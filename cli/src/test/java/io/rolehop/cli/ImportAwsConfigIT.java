package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.StsProxy;
import io.rolehop.testing.StsProxy.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop import aws-config} through the assembled distribution: a three-deep AWS CLI chain (an IAM user's
 * keys, MFA named on the last role profile as aws-vault reads it, an external id in the middle) imported and started
 * against moto with authentication enforced, the AWS files unchanged byte for byte, a second run adding nothing, and
 * {@code --adopt} with its way back, {@code --restore}.
 */
class ImportAwsConfigIT {
    @RegisterExtension
    @Order(1)
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    @Order(2)
    static final StsProxy STS = new StsProxy(MOTO);

    private static final String DEVICE = "arn:aws:iam::" + MotoServer.ACCOUNT_ID + ":mfa/ivan";
    private static final String EXTERNAL_ID = "partner-7731";
    private static final ObjectMapper JSON = new ObjectMapper();
    static MotoServer.IamUser ivan;

    @TempDir
    Path dir;

    Map<String, String> env;
    Path config;
    Path credentials;

    @BeforeAll
    static void createChain() {
        ivan = MOTO.createUser("ivan");
        MOTO.createRole("import-mfa-session", ivan.arn());
        MOTO.createRole("import-hub", MotoServer.assumedRoleArn("import-mfa-session", "ivan-mfa"));
        MOTO.createRoleWithTrustPolicy(
                "import-shared",
                MotoServer.trustPolicyWithExternalId(EXTERNAL_ID, MotoServer.assumedRoleArn("import-hub", "hub-hop")));
        MOTO.createRole("import-dev", MotoServer.assumedRoleArn("import-shared", "shared-hop"));
    }

    @BeforeEach
    void writeAwsFiles() throws Exception {
        env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(STS.env());
        config = Path.of(env.get("AWS_CONFIG_FILE"));
        credentials = Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"));
        Files.createDirectories(config.getParent());
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "# my AWS CLI setup",
                        "[default]",
                        "region = eu-central-1",
                        "",
                        "[profile hub]",
                        "role_arn = " + MotoServer.roleArn("import-hub"),
                        "source_profile = ivan",
                        "role_session_name = hub-hop",
                        "s3 =",
                        "    max_concurrent_requests = 20",
                        "",
                        "[profile shared]",
                        "role_arn = " + MotoServer.roleArn("import-shared"),
                        "source_profile = hub",
                        "external_id = " + EXTERNAL_ID,
                        "role_session_name = shared-hop",
                        "",
                        "[profile dev]",
                        "role_arn = " + MotoServer.roleArn("import-dev"),
                        "source_profile = shared",
                        "mfa_serial = " + DEVICE,
                        "role_session_name = dev-hop",
                        "duration_seconds = 900",
                        "region = eu-west-1",
                        "",
                        "[profile tool]",
                        "credential_process = /opt/tool/print-credentials",
                        "",
                        "[profile loop-a]",
                        "role_arn = " + MotoServer.roleArn("import-dev"),
                        "source_profile = loop-b",
                        "",
                        "[profile loop-b]",
                        "role_arn = " + MotoServer.roleArn("import-dev"),
                        "source_profile = loop-a",
                        "",
                        "[profile orphan]",
                        "role_arn = " + MotoServer.roleArn("import-dev"),
                        "source_profile = nobody",
                        "",
                        "[profile ec2]",
                        "role_arn = " + MotoServer.roleArn("import-dev"),
                        "credential_source = Ec2InstanceMetadata",
                        "",
                        "[sso-session corp]",
                        "sso_start_url = https://corp.awsapps.com/start",
                        "sso_region = eu-west-1",
                        "",
                        "[profile corp-admin]",
                        "sso_session = corp",
                        "sso_account_id = 111122223333",
                        "sso_role_name = Admin",
                        ""),
                StandardCharsets.UTF_8);
        Files.writeString(
                credentials,
                String.join(
                        "\r\n",
                        "; keys of the AWS CLI",
                        "[ivan]",
                        "aws_access_key_id = " + ivan.accessKeyId(),
                        "aws_secret_access_key = " + ivan.secretAccessKey(),
                        "",
                        "[other]",
                        "aws_access_key_id = AKIAOTHEROTHEROTHER1",
                        "aws_secret_access_key = other-secret-value",
                        "aws_session_token = still-a-token",
                        ""),
                StandardCharsets.UTF_8);
    }

    @Test
    void aThreeDeepChainIsImportedAndStartedAndTheAwsFilesStayAsTheyWere() throws Exception {
        byte[] configBefore = Files.readAllBytes(config);
        byte[] credentialsBefore = Files.readAllBytes(credentials);

        Dist.Result dry = rolehop("import", "aws-config", "--dry-run", "-o", "json");
        ok(dry);
        Map<String, JsonNode> planned = byProfile(JSON.readTree(dry.out()));
        assertEquals("add", planned.get("dev").get("action").asText());
        assertEquals("shared", planned.get("dev").get("assumer").asText());
        assertEquals("rolehop-dev", planned.get("dev").get("writesTo").asText());
        assertEquals("aws-iam-user", planned.get("ivan").get("method").asText());
        assertSkipped(planned, "tool", "credential_process");
        assertSkipped(planned, "loop-a", "cycle");
        assertSkipped(planned, "loop-b", "cycle");
        assertSkipped(planned, "orphan", "'nobody' does not exist");
        assertSkipped(planned, "ec2", "credential_source");
        assertEquals("add", planned.get("corp-admin").get("action").asText());
        assertEquals("aws-sso", planned.get("corp-admin").get("method").asText());
        assertSkipped(planned, "other", "aws_session_token");
        assertSkipped(planned, "default", "no credentials");
        assertEquals(Map.of(), sessions(), "a dry run adds nothing");

        Dist.Result imported = rolehop("import", "aws-config");
        ok(imported);
        assertFalse(imported.out().contains(ivan.secretAccessKey()), "no secret in the output");
        Map<String, JsonNode> sessions = sessions();
        assertEquals(
                Map.of(
                        "ivan",
                        "aws-iam-user",
                        "hub",
                        "aws-iam-role-chained",
                        "shared",
                        "aws-iam-role-chained",
                        "dev",
                        "aws-iam-role-chained",
                        "corp-admin",
                        "aws-sso"),
                methods(sessions));
        assertEquals(
                "https://corp.awsapps.com/start",
                sessions.get("corp-admin").get("attributes").get("start-url").asText());
        assertEquals(
                "111122223333",
                sessions.get("corp-admin").get("attributes").get("account-id").asText());
        assertEquals(
                DEVICE, sessions.get("ivan").get("attributes").get("mfa-device").asText());
        assertEquals(
                EXTERNAL_ID,
                sessions.get("shared").get("attributes").get("external-id").asText());
        assertEquals(
                "900", sessions.get("dev").get("attributes").get("duration").asText());
        assertEquals("eu-west-1", sessions.get("dev").get("region").asText());
        assertEquals(
                "us-east-1",
                sessions.get("hub").get("region").asText(),
                "botocore lends [default]'s region to no other profile: the workspace default");
        assertFalse(Files.readString(dir.resolve("rolehop/workspace.json")).contains(ivan.secretAccessKey()));
        assertArrayEquals(configBefore, Files.readAllBytes(config), "import only reads the config file");
        assertArrayEquals(credentialsBefore, Files.readAllBytes(credentials), "import only reads the credentials");

        TemporaryCredentials mfaToken =
                MOTO.assumeRole(ivan.credentials(), MotoServer.roleArn("import-mfa-session"), "ivan-mfa");
        STS.reset();
        STS.failNext(
                1,
                Fault.sessionToken(
                        mfaToken.accessKeyId(),
                        mfaToken.secretAccessKey(),
                        mfaToken.sessionToken(),
                        mfaToken.expiration()));
        ok(rolehop("session", "start", "dev", "--mfa-code", "135790"));
        assertEquals(DEVICE, STS.parameters("GetSessionToken").get(0).get("SerialNumber"));
        assertEquals(1, STS.count("GetSessionToken"), "one MFA code for the whole chain");
        assertEquals(
                java.util.Set.of(
                        MotoServer.roleArn("import-hub"),
                        MotoServer.roleArn("import-shared"),
                        MotoServer.roleArn("import-dev")),
                STS.parameters("AssumeRole").stream()
                        .map(p -> p.get("RoleArn"))
                        .collect(java.util.stream.Collectors.toSet()),
                STS.parameters("AssumeRole").toString());
        assertTrue(STS.parameters("AssumeRole").stream().anyMatch(p -> EXTERNAL_ID.equals(p.get("ExternalId"))));
        assertEquals(MotoServer.assumedRoleArn("import-dev", "dev-hop"), new AwsCli(env).callerArn("rolehop-dev"));
        assertEquals(
                "eu-west-1",
                Botocore.resolveProfile(config, credentials, "rolehop-dev")
                        .region()
                        .orElseThrow());

        // A second run adds nothing, and takes over what changed in the files.
        Dist.Result again = rolehop("import", "aws-config", "-o", "json");
        ok(again);
        Map<String, JsonNode> second = byProfile(JSON.readTree(again.out()));
        for (String profile : new String[] {"ivan", "hub", "shared", "dev"}) {
            assertEquals("unchanged", second.get(profile).get("action").asText(), again.out());
        }
        assertFalse(second.containsKey("rolehop-dev"), "rolehop's own profile is not imported back");
        Files.writeString(
                config, Files.readString(config).replace("duration_seconds = 900", "duration_seconds = 1800"));
        Dist.Result third = rolehop("import", "aws-config", "-o", "json");
        ok(third);
        JsonNode dev = byProfile(JSON.readTree(third.out())).get("dev");
        assertEquals("update", dev.get("action").asText());
        assertEquals("duration", dev.get("detail").asText());
        assertEquals(
                "1800", sessions().get("dev").get("attributes").get("duration").asText());
        assertEquals(5, sessions().size());
    }

    @Test
    void adoptTakesTheProfilesOverAndRestorePutsThemBackByteForByte() throws Exception {
        byte[] configBefore = Files.readAllBytes(config);
        byte[] credentialsBefore = Files.readAllBytes(credentials);

        ok(rolehop("import", "aws-config", "--adopt", "--profile", "shared"));
        Map<String, JsonNode> sessions = sessions();
        assertEquals(
                Map.of("ivan", "aws-iam-user", "hub", "aws-iam-role-chained", "shared", "aws-iam-role-chained"),
                methods(sessions));
        assertEquals("shared", sessions.get("shared").get("profile").asText(), "adopted: the profile's own name");
        String credentialsNow = Files.readString(credentials);
        assertFalse(credentialsNow.contains(ivan.secretAccessKey()), "the plain-text keys left the file");
        assertTrue(credentialsNow.contains("other-secret-value"), "a profile not imported stays");
        String configNow = Files.readString(config);
        assertTrue(configNow.contains("credential_process = "), configNow);
        assertTrue(configNow.contains("[profile dev]\nrole_arn"), "a profile not adopted stays as it was");
        Botocore.rawConfigParse(config);
        Botocore.rawConfigParse(credentials);

        // The adopted profile works for the AWS CLI, through rolehop: the first call asks the MFA code, and fills
        // the cache that the AWS CLI's credential_process call is then served from.
        TemporaryCredentials mfaToken =
                MOTO.assumeRole(ivan.credentials(), MotoServer.roleArn("import-mfa-session"), "ivan-mfa");
        STS.reset();
        STS.failNext(
                1,
                Fault.sessionToken(
                        mfaToken.accessKeyId(),
                        mfaToken.secretAccessKey(),
                        mfaToken.sessionToken(),
                        mfaToken.expiration()));
        ok(rolehop("session", "generate", "shared", "--mfa-code", "135790"));
        assertEquals(MotoServer.assumedRoleArn("import-shared", "shared-hop"), new AwsCli(env).callerArn("shared"));

        // Adopting again changes nothing.
        byte[] adoptedConfig = Files.readAllBytes(config);
        byte[] adoptedCredentials = Files.readAllBytes(credentials);
        ok(rolehop("import", "aws-config", "--adopt", "--profile", "shared"));
        assertArrayEquals(adoptedConfig, Files.readAllBytes(config));
        assertArrayEquals(adoptedCredentials, Files.readAllBytes(credentials));

        Dist.Result restored = rolehop("import", "aws-config", "--restore");
        ok(restored);
        assertArrayEquals(configBefore, Files.readAllBytes(config), "the config file as it was before --adopt");
        assertArrayEquals(credentialsBefore, Files.readAllBytes(credentials), "the credentials file as it was");
        Map<String, JsonNode> after = sessions();
        assertEquals(3, after.size(), "the sessions stay");
        assertEquals("rolehop-shared", after.get("shared").get("profile").asText(), "moved off the restored profile");
        Dist.Result nothing = rolehop("import", "aws-config", "--restore");
        ok(nothing);
        assertTrue(nothing.out().contains("Nothing to restore"), nothing.toString());
    }

    @Test
    void anUnknownProfileIsAUsageError() throws Exception {
        byte[] configBefore = Files.readAllBytes(config);
        Dist.Result r = rolehop("import", "aws-config", "--profile", "nope");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("rolehop: no profile 'nope'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertArrayEquals(configBefore, Files.readAllBytes(config));
    }

    private Dist.Result rolehop(String... args) throws Exception {
        return Dist.rolehop(dir, env, "", args);
    }

    private Map<String, JsonNode> sessions() throws Exception {
        Dist.Result list = rolehop("session", "list", "-o", "json");
        ok(list);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JSON.readTree(list.out()).forEach(s -> out.put(s.get("alias").asText(), s));
        return out;
    }

    private static Map<String, String> methods(Map<String, JsonNode> sessions) {
        Map<String, String> out = new HashMap<>();
        sessions.forEach((alias, s) -> out.put(alias, s.get("method").asText()));
        return out;
    }

    private static Map<String, JsonNode> byProfile(JsonNode plan) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        plan.get("items").forEach(item -> out.put(item.get("profile").asText(), item));
        return out;
    }

    private static void assertSkipped(Map<String, JsonNode> plan, String profile, String because) {
        JsonNode item = plan.get(profile);
        assertEquals("skip", item.get("action").asText(), profile + ": " + item);
        assertTrue(item.get("detail").asText().contains(because), profile + ": " + item);
    }

    private static void ok(Dist.Result r) {
        assertEquals(0, r.code(), r.toString());
    }
}
