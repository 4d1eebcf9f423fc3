package io.rolehop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop doctor} on the assembled distribution: a moved distribution leaves the launcher link dangling and the
 * AWS CLI failing; doctor names the link, the profile and PATH, one line each, exit 1, and changes nothing; {@code
 * --fix} mends them and the AWS CLI works again. A line that names a launcher directly is rewritten to name the link,
 * an unreadable AWS file is named, a locked vault is reported without asking for its passphrase.
 */
class DoctorIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    static MotoServer.IamUser ivan;

    @TempDir
    Path dir;

    @BeforeAll
    static void createRole() {
        ivan = MOTO.createUser("ivan");
        MOTO.createRole("doctor-role", ivan.arn());
    }

    @Test
    void aMovedDistributionIsReportedThenMendedByFix() throws Exception {
        Path first = Dist.copyTo(dir.resolve("first")).resolve("bin/rolehop");
        Map<String, String> env = env();
        Dist.addUserAndRole(dir, first, env, ivan, "doctor-role", "doc");
        assertEquals(
                0,
                run(first, env, "session", "start", "role", "--mode", "credential-process")
                        .code());
        Files.createSymbolicLink(pathBin().resolve("rolehop"), link());
        Dist.Result healthy = run(first, env, "doctor");
        assertEquals(0, healthy.code(), healthy.toString());
        assertTrue(
                healthy.out().contains("ok: profile role: session 'role' runs " + link() + " session generate "),
                healthy.toString());
        assertTrue(healthy.out().strip().endsWith("rolehop is healthy"), healthy.toString());
        String configBefore = Files.readString(config(env));

        Files.move(dir.resolve("first"), dir.resolve("second"));
        Path second = dir.resolve("second/bin/rolehop");
        // A start-up archive the JVM cannot map (made for another runtime, say): a note, and --fix makes it again.
        Path archive = dir.resolve("second/lib/rolehop.jsa");
        Files.delete(archive);
        Files.writeString(archive, "not a class data sharing archive");
        assertFalse(
                new AwsCli(env)
                        .run("sts", "get-caller-identity", "--profile", "role")
                        .succeeded(),
                "the link points into the moved directory");

        Dist.Result report = run(second, env, "doctor");
        assertEquals(1, report.code(), report.toString());
        List<String> problems =
                report.out().lines().filter(l -> l.startsWith("problem: ")).toList();
        assertEquals(3, problems.size(), report.toString());
        assertTrue(
                problems.get(0).startsWith("problem: " + link() + ": is a link to " + first + ", which does not exist"),
                report.toString());
        assertTrue(
                problems.get(1)
                        .startsWith("problem: profile role: session 'role': its launcher " + link() + " is a link to "
                                + first + ", which does not exist"),
                report.toString());
        assertTrue(problems.get(2).startsWith("problem: PATH: no rolehop on PATH"), report.toString());
        assertEquals(
                "3 problems found; 'rolehop doctor --fix' repairs launcher links and credential_process lines",
                report.out().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(
                report.out()
                        .contains("note: " + archive + ": made for another directory, Java runtime or jars, so unused"),
                report.toString());
        assertEquals(first, Files.readSymbolicLink(link()), "doctor without --fix changes nothing");
        assertEquals(configBefore, Files.readString(config(env)));

        Dist.Result fixed = run(second, env, "doctor", "--fix");
        assertEquals(0, fixed.code(), fixed.toString());
        assertTrue(fixed.out().contains("fixed: " + link() + ": now points at " + second), fixed.toString());
        assertTrue(fixed.out().contains("fixed: " + archive + ": made for this directory"), fixed.toString());
        assertTrue(run(second, env, "doctor").out().contains("ok: " + archive + ": in use"));
        assertEquals(second, Files.readSymbolicLink(link()));
        assertEquals(configBefore, Files.readString(config(env)), "the line itself never changes");
        assertEquals(MotoServer.assumedRoleArn("doctor-role", "doc"), new AwsCli(env).callerArn("role"));
    }

    @Test
    void aLineNamingALauncherDirectlyIsRewrittenToNameTheLink() throws Exception {
        Path launcher = Dist.copyTo(dir.resolve("dist")).resolve("bin/rolehop");
        Map<String, String> env = env();
        Dist.addUserAndRole(dir, launcher, env, ivan, "doctor-role", "doc");
        assertEquals(
                0,
                run(launcher, env, "session", "start", "role", "--mode", "credential-process")
                        .code());
        Files.createSymbolicLink(pathBin().resolve("rolehop"), launcher);
        // As a line written before the link existed: the distribution's own launcher, gone since.
        Path gone = dir.resolve("old/bin/rolehop");
        Files.writeString(config(env), Files.readString(config(env)).replace(link().toString(), gone.toString()));
        assertFalse(new AwsCli(env)
                .run("sts", "get-caller-identity", "--profile", "role")
                .succeeded());

        Dist.Result report = run(launcher, env, "doctor", "-o", "json");
        assertEquals(1, report.code(), report.toString());
        JsonNode json = JSON.readTree(report.out());
        assertFalse(json.get("healthy").asBoolean());
        List<JsonNode> problems = new ArrayList<>();
        json.get("checks").forEach(c -> {
            if (c.get("status").asText().equals("problem")) {
                problems.add(c);
            }
        });
        assertEquals(1, problems.size(), report.toString());
        assertEquals("credential-process", problems.get(0).get("check").asText());
        assertEquals("profile role", problems.get(0).get("subject").asText());
        assertTrue(
                problems.get(0).get("detail").asText().contains("its launcher " + gone + " does not exist"),
                report.toString());

        Dist.Result fixed = run(launcher, env, "doctor", "--fix");
        assertEquals(0, fixed.code(), fixed.toString());
        assertTrue(
                fixed.out().contains("fixed: profile role: session 'role' now runs " + link() + " session generate "),
                fixed.toString());
        assertFalse(Files.readString(config(env)).contains(gone.toString()));
        assertEquals(MotoServer.assumedRoleArn("doctor-role", "doc"), new AwsCli(env).callerArn("role"));
        assertEquals(0, run(launcher, env, "doctor").code(), "healthy after the fix");
    }

    @Test
    void anUnreadableConfigFileIsNamedAndALockedVaultIsReportedWithoutAsking() throws Exception {
        Map<String, String> env = env();
        Dist.addUserAndRole(dir, Dist.launcher(), env, ivan, "doctor-role", "doc");
        Files.createSymbolicLink(pathBin().resolve("rolehop"), Dist.launcher());
        env.remove("ROLEHOP_VAULT_PASSPHRASE");
        Dist.Result locked = run(Dist.launcher(), env, "doctor");
        assertEquals(0, locked.code(), locked.toString());
        assertTrue(locked.out().contains("note: secret store encrypted-file: locked: "), locked.toString());

        Files.createDirectories(config(env).getParent());
        Files.writeString(config(env), "[profile broken\nregion = us-east-1\n");
        Dist.Result broken = run(Dist.launcher(), env, "doctor");
        assertEquals(1, broken.code(), broken.toString());
        List<String> problems =
                broken.out().lines().filter(l -> l.startsWith("problem: ")).toList();
        assertEquals(1, problems.size(), broken.toString());
        assertTrue(problems.get(0).startsWith("problem: " + config(env) + ": line 1: "), broken.toString());
    }

    private Map<String, String> env() throws IOException {
        Map<String, String> env = new HashMap<>(Dist.isolatedEnv(dir));
        env.putAll(MOTO.env());
        // rolehop on PATH through the link credential_process lines run, as an install may put it.
        Files.createDirectories(pathBin());
        env.put("PATH", pathBin() + ":" + env.get("PATH"));
        return env;
    }

    private Path pathBin() {
        return dir.resolve("path-bin");
    }

    private Path link() {
        return dir.resolve("rolehop/bin/rolehop");
    }

    private static Path config(Map<String, String> env) {
        return Path.of(env.get("AWS_CONFIG_FILE"));
    }

    private Dist.Result run(Path launcher, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return Dist.run(dir, command, env);
    }
}
