package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code session rotate-keys} through the assembled {@code bin/rolehop}, against moto's IAM and STS with
 * authentication enforced: after the rotation moto holds only the new key, the old key is refused, and a chain rooted
 * at the user starts and serves the AWS CLI.
 */
class RotateKeysIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Dist.Result rolehop(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Dist.launcher().toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env, stdin);
    }

    private static Dist.Result ok(Dist.Result result) {
        assertEquals(0, result.code(), result::toString);
        return result;
    }

    @Test
    void theNewKeyReplacesTheOldOneInMotoAndTheChainStillStarts() throws Exception {
        MotoServer.IamUser erin = MOTO.createUser("erin", MotoServer.OWN_ACCESS_KEYS_POLICY);
        MOTO.createRole("erin-role", erin.arn());
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        ok(rolehop(
                env,
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop(
                env,
                "",
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "erin-role",
                "--assumer",
                "erin",
                "--role-arn",
                MotoServer.roleArn("erin-role"),
                "--profile",
                "erin-role"));
        ok(rolehop(env, "", "session", "start", "erin-role"));

        Dist.Result rotated = ok(rolehop(env, "", "session", "rotate-keys", "erin", "-o", "json"));

        JsonNode json = JSON.readTree(rotated.out());
        String newKey = json.get("newAccessKeyId").asText();
        assertEquals(erin.accessKeyId(), json.get("oldAccessKeyId").asText());
        assertFalse(rotated.out().contains(erin.secretAccessKey()), rotated::toString);
        assertEquals(List.of(newKey), MOTO.accessKeysOf("erin"));
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> MOTO.callerIdentity(erin.credentials()));
        assertTrue(refused.getMessage().contains("InvalidClientTokenId"), refused::getMessage);

        ok(rolehop(env, "", "session", "start", "erin-role"));
        String arn = new AwsCli(env).callerArn("erin-role");
        assertTrue(arn.startsWith("arn:aws:sts::" + MotoServer.ACCOUNT_ID + ":assumed-role/erin-role/"), arn);

        Dist.Result role = rolehop(env, "", "session", "rotate-keys", "erin-role");
        assertEquals(2, role.code(), role::toString);
        assertEquals(1, role.err().lines().count(), role::toString);
    }
}
