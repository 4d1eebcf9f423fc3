package io.rolehop.example.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.testing.AwsCli;
import io.rolehop.testing.MotoServer;
import io.rolehop.testing.PluginJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user installs it: its jar copied into the {@code plugins/} of a copy of the assembled
 * distribution, everything run through {@code bin/rolehop} on the module path, a chain rooted in it started against
 * moto with authentication enforced and checked with the AWS CLI.
 */
class PluginEndToEndIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static MotoServer.IamUser erin;

    @TempDir
    Path dir;

    Path dist;
    Map<String, String> env;

    @BeforeAll
    static void createRole() {
        erin = MOTO.createUser("erin");
        MOTO.createRole("from-plugin", erin.arn());
    }

    @BeforeEach
    void installDistributionWithPlugin() throws IOException {
        Path built = Path.of(System.getProperty("rolehop.dist", "../../cli/target/rolehop"))
                .toAbsolutePath();
        assertTrue(Files.isExecutable(built.resolve("bin/rolehop")), "build the distribution first: " + built);
        dist = dir.resolve("rolehop");
        copyTree(built, dist);
        Files.copy(pluginJar(), dist.resolve("plugins").resolve("external-command-plugin.jar"));
        env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.resolve("home").toString());
        env.put("ROLEHOP_HOME", dir.resolve("state").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws/credentials").toString());
        env.put("AWS_CONFIG_FILE", dir.resolve("aws/config").toString());
        env.put("ROLEHOP_VAULT_PASSPHRASE", "plugin test passphrase");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(MOTO.env());
    }

    @Test
    void aChainRootedInThePluginWorksAndVanishesCleanlyWithItsJar() throws Exception {
        ok(rolehop(
                "plugins",
                "trust",
                dist.resolve("plugins").resolve("external-command-plugin.jar").toString()));
        Result list = rolehop("plugins", "list", "-o", "json");
        assertEquals(0, list.code(), list.toString());
        assertTrue(list.out().contains("\"id\" : \"external-command\""), list.out());
        assertTrue(list.out().contains("external-command-plugin.jar"), list.out());
        assertTrue(list.out().contains("\"version\" : \"0.1.0-SNAPSHOT\""), list.out());
        assertEquals("", list.err(), "a healthy plugin directory warns about nothing");

        String json = "{\"Version\":1,\"AccessKeyId\":\"" + erin.accessKeyId() + "\",\"SecretAccessKey\":\""
                + erin.secretAccessKey() + "\"}";
        Path tool = dir.resolve("my-credentials-tool");
        Files.writeString(tool, "#!/bin/sh\nprintf '%s' '" + json + "'\n");
        tool.toFile().setExecutable(true);
        ok(rolehop("session", "add", "external-command", "--alias", "vault-root", "--command", tool.toString()));
        ok(rolehop(
                "session",
                "add",
                "aws-iam-role-chained",
                "--alias",
                "deploy",
                "--assumer",
                "vault-root",
                "--role-arn",
                MotoServer.roleArn("from-plugin"),
                "--role-session-name",
                "via-plugin",
                "--profile",
                "deploy"));
        ok(rolehop("session", "start", "deploy"));
        AwsCli aws = new AwsCli(MOTO.env())
                .with("AWS_CONFIG_FILE", env.get("AWS_CONFIG_FILE"))
                .with("AWS_SHARED_CREDENTIALS_FILE", env.get("AWS_SHARED_CREDENTIALS_FILE"));
        assertEquals(MotoServer.assumedRoleArn("from-plugin", "via-plugin"), aws.callerArn("deploy"));
        ok(rolehop("session", "stop", "deploy"));

        Files.delete(dist.resolve("plugins").resolve("external-command-plugin.jar"));
        Result gone = rolehop("plugins", "list");
        assertFalse(gone.out().contains("External Command"), gone.out());
        assertTrue(
                gone.out().lines().anyMatch(l -> l.contains("external-command-plugin.jar") && l.contains("missing")),
                gone.out());
        Result listed = rolehop("session", "list", "-o", "json");
        assertEquals(0, listed.code(), listed.toString());
        assertTrue(listed.out().contains("\"methodName\" : \"external-command (not installed)\""), listed.out());
        // The chained hop's cached credentials would still serve; the root itself needs its method.
        Result start = rolehop("session", "start", "vault-root");
        assertEquals(2, start.code(), start.toString());
        assertTrue(start.err().contains("no access method 'external-command' is installed"), start.err());
        assertTrue(start.err().contains("plugins directory"), start.err());
        assertEquals(1, start.err().strip().lines().count(), start.err());
        assertFalse(start.err().contains(erin.secretAccessKey()));
    }

    @Test
    void brokenPluginsCostOneWarningEachAndNothingElse() throws Exception {
        Path plugins = dist.resolve("plugins");
        Files.write(plugins.resolve("garbage.jar"), new byte[] {1, 2, 3, 4, 5});
        buildPlugin(
                plugins.resolve("throwing.jar"),
                "broken.throwing",
                "Throwing",
                "throwing-method",
                "public Throwing() { throw new IllegalStateException(\"no config\"); }",
                "");
        buildPlugin(plugins.resolve("duplicate.jar"), "broken.duplicate", "Duplicate", "aws-iam-user", "", "");
        buildPlugin(
                plugins.resolve("missing-dependency.jar"),
                "broken.missing",
                "Missing",
                "missing-method",
                "",
                "requires com.example.not.installed;");

        for (String jar : List.of(
                "external-command-plugin.jar",
                "garbage.jar",
                "throwing.jar",
                "duplicate.jar",
                "missing-dependency.jar")) {
            ok(rolehop("plugins", "trust", jar));
        }
        Result list = rolehop("plugins", "list");
        assertEquals(0, list.code(), list.toString());
        for (String method : List.of("aws-iam-user", "aws-iam-role-chained", "external-command")) {
            assertTrue(list.out().contains(method), method + " must still work:\n" + list);
        }
        List<String> warnings = list.err().lines().toList();
        assertEquals(4, warnings.size(), list.err());
        for (String jar : List.of("garbage.jar", "throwing.jar", "duplicate.jar", "missing-dependency.jar")) {
            assertEquals(1, warnings.stream().filter(w -> w.contains(jar)).count(), jar + " in:\n" + list.err());
        }
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("rolehop: warning: plugin ")), list.err());
        assertFalse(list.out().contains("throwing-method"));
        assertFalse(list.out().contains("missing-method"));
    }

    @Test
    void aPluginAssumedFromAnIamUserIsHandedASessionTokenNeverTheKeys() throws Exception {
        Path received = dir.resolve("received-key-id");
        Path jar = dist.resolve("plugins").resolve("capturing.jar");
        PluginJars.build(
                dir,
                dist.resolve("lib"),
                jar,
                "capturing.method",
                "Capturing",
                "capturing",
                "public boolean requiresAssumer() { return true; }",
                "io.rolehop.domain.AwsCredentials a = c.assumerCredentials(); try { java.nio.file.Files.writeString("
                        + "java.nio.file.Path.of(\"" + received + "\"), a.accessKeyId() + (a instanceof"
                        + " io.rolehop.domain.TemporaryCredentials ? \" temporary\" : \" long-term\")); }"
                        + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } return a;",
                "");
        ok(rolehop("plugins", "trust", jar.toString()));
        ok(rolehopWithInput(
                erin.secretAccessKey() + "\n",
                "session",
                "add",
                "aws-iam-user",
                "--alias",
                "erin",
                "--access-key-id",
                erin.accessKeyId(),
                "--secret-access-key-stdin"));
        ok(rolehop("session", "add", "capturing", "--alias", "via-plugin", "--assumer", "erin"));

        Result generated = rolehop("session", "generate", "via-plugin");

        assertEquals(0, generated.code(), generated.toString());
        String got = Files.readString(received);
        assertFalse(got.startsWith(erin.accessKeyId()), "the plugin was handed the user's access key: " + got);
        assertTrue(got.endsWith(" temporary"), got);
        assertFalse(generated.out().contains(erin.secretAccessKey()));
    }

    private void buildPlugin(
            Path jar, String module, String className, String id, String constructor, String extraRequires) {
        PluginJars.build(dir, dist.resolve("lib"), jar, module, className, id, constructor, extraRequires);
    }

    private static Path pluginJar() {
        String jar = System.getProperty("plugin.jar");
        Path path =
                jar != null ? Path.of(jar) : Path.of("target", "rolehop-example-external-command-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(path), "the plugin jar is built before the integration tests: " + path);
        return path;
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Result rolehop(String... args) throws Exception {
        return rolehopWithInput("", args);
    }

    private Result rolehopWithInput(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/rolehop").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "rolehop did not finish: " + command);
        return new Result(process.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void ok(Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
