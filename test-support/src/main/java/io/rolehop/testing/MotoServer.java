package io.rolehop.testing;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.TemporaryCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code moto_server} (moto 5) on a free loopback port, with authentication enforced: SigV4 signatures,
 * identity policies and role trust policies are checked on every call after the first {@value #NO_AUTH_ACTIONS}.
 *
 * <p>Use it as a class-level JUnit 5 extension, {@code @RegisterExtension static MotoServer moto = new MotoServer();},
 * or start and close it yourself. Starting fails (never skips) when {@code moto_server} is not on {@code PATH}.
 *
 * <p>The no-auth budget is spent on exactly three calls that create an administrator ({@code CreateUser},
 * {@code PutUserPolicy} with an allow-all inline policy, {@code CreateAccessKey}); every later set-up call is signed as
 * that administrator, so tests run against an emulator that refuses wrong secrets and untrusted callers from the
 * first call they make. moto's account id is {@value #ACCOUNT_ID}.
 *
 * <p>moto compares trust-policy principals exactly: a role to be assumed from a role session must trust that
 * session's ARN (see {@link #assumedRoleArn}) or {@code "*"}; a role to be assumed by a user must trust the user's
 * ARN. Names of users and roles must be unique per server.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** The account moto puts everything in. */
    public static final String ACCOUNT_ID = "123456789012";
    /** The region the fixtures sign for and hand to rolehop and the AWS CLI. */
    public static final String REGION = AwsQuery.REGION;
    /** Unsigned calls moto lets through: create the administrator, give it an allow-all policy and a key. */
    public static final int NO_AUTH_ACTIONS = 3;

    /**
     * A policy allowing every STS action and the management of one's own access keys ({@code iam:CreateAccessKey},
     * {@code iam:DeleteAccessKey}, {@code iam:ListAccessKeys}). moto checks the action only, so the resource is
     * {@code "*"}; in AWS it would be the user's own ARN.
     */
    public static final String OWN_ACCESS_KEYS_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
            + "\"Allow\",\"Action\":[\"sts:*\",\"iam:CreateAccessKey\",\"iam:DeleteAccessKey\",\"iam:ListAccessKeys\"],"
            + "\"Resource\":\"*\"}]}";

    private static final String IAM_VERSION = "2010-05-08";
    private static final String STS_VERSION = "2011-06-15";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String ALLOW_STS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:*\",\"Resource\":\"*\"}]}";

    private Process process;
    private Thread shutdownHook;
    private URI endpoint;
    private Path log;
    private IamUser admin;
    private String startedBy;

    /** An IAM user with one access key. {@code toString} hides the secret. */
    public record IamUser(String name, String arn, String accessKeyId, String secretAccessKey) {
        public IamUser {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        /** The user's key as rolehop's domain sees it. */
        public LongTermCredentials credentials() {
            return new LongTermCredentials(accessKeyId, secretAccessKey);
        }

        @Override
        public String toString() {
            return "IamUser[name=" + name + ", arn=" + arn + ", accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Nested classes run beforeAll again on the same instance: only the outermost one starts and stops.
        if (startedBy == null) {
            start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            startedBy = null;
            close();
        }
    }

    /**
     * Starts moto and creates the administrator; does nothing when already running.
     *
     * @throws IllegalStateException when {@code moto_server} is missing or does not come up
     */
    public synchronized MotoServer start() {
        if (process != null) {
            return this;
        }
        Path executable = Executables.require("moto_server", "install it with 'pip install \"moto[server]\"'");
        IllegalStateException failure = null;
        // A free port found here can be taken before moto binds it; a couple of tries make that race harmless.
        for (int attempt = 0; attempt < 3 && process == null; attempt++) {
            try {
                launch(executable, freePort());
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        if (process == null) {
            throw failure;
        }
        bootstrapAdmin();
        return this;
    }

    private void launch(Path executable, int port) {
        try {
            log = Files.createTempFile("moto-server-" + port + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(
                        executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("MOTO_"));
        env.put("INITIAL_NO_AUTH_ACTION_COUNT", String.valueOf(NO_AUTH_ACTIONS));
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + ": " + e.getMessage(), e);
        }
        URI candidate = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (!answers(candidate)) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                stop(started);
                throw new IllegalStateException("moto_server did not come up on port " + port + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s; its log says: " + tail(log));
            }
            sleep(100);
        }
        process = started;
        endpoint = candidate;
        shutdownHook = new Thread(() -> stop(started), "moto-server-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Polls moto's own API, which moto does not count against the no-auth budget. */
    private static boolean answers(URI candidate) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) candidate.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2_000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void bootstrapAdmin() {
        // moto ignores the signature during the no-auth budget, but routes by the service named in it.
        // Exactly NO_AUTH_ACTIONS calls: one more would leave an unsigned hole, one fewer would fail the last one.
        AwsQuery.Signer anybody = new AwsQuery.Signer("AKIAIOSFODNN7EXAMPLE", "bootstrap", Optional.empty());
        String arn =
                iam("CreateUser", Map.of("UserName", "rolehop-admin"), anybody).require("Arn");
        iam(
                "PutUserPolicy",
                Map.of("UserName", "rolehop-admin", "PolicyName", "allow-all", "PolicyDocument", ALLOW_ALL),
                anybody);
        AwsQuery.Response key = iam("CreateAccessKey", Map.of("UserName", "rolehop-admin"), anybody);
        admin = new IamUser("rolehop-admin", arn, key.require("AccessKeyId"), key.require("SecretAccessKey"));
    }

    private AwsQuery.Response iam(String action, Map<String, String> parameters, AwsQuery.Signer signer) {
        return AwsQuery.call(endpoint(), "iam", IAM_VERSION, action, parameters, signer);
    }

    private AwsQuery.Response asAdmin(String action, Map<String, String> parameters) {
        IamUser a = admin();
        return AwsQuery.call(
                endpoint(),
                "iam",
                IAM_VERSION,
                action,
                parameters,
                new AwsQuery.Signer(a.accessKeyId(), a.secretAccessKey(), Optional.empty()));
    }

    /** The base URL of the running server, e.g. {@code http://127.0.0.1:41234}. */
    public synchronized URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("moto_server is not running; register MotoServer as a static"
                    + " @RegisterExtension field or call start()");
        }
        return endpoint;
    }

    /**
     * The environment that points rolehop and the AWS CLI at this server: {@code AWS_ENDPOINT_URL_STS},
     * {@code AWS_ENDPOINT_URL}, the region, and IMDS disabled so a missing profile fails fast. A fresh mutable map.
     */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL_STS", endpoint().toString());
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_REGION", REGION);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** The administrator created with the no-auth budget; it may do anything. */
    public synchronized IamUser admin() {
        endpoint();
        return admin;
    }

    /** Where moto's output goes, for diagnosing a failed test. */
    public synchronized Path log() {
        endpoint();
        return log;
    }

    /** Creates a user allowed every STS action (AssumeRole, GetSessionToken, ...), with one access key. */
    public IamUser createUser(String name) {
        return createUser(name, ALLOW_STS);
    }

    /** Creates a user with {@code inlinePolicyJson} as its only policy, with one access key. */
    public IamUser createUser(String name, String inlinePolicyJson) {
        String arn = asAdmin("CreateUser", Map.of("UserName", name)).require("Arn");
        asAdmin("PutUserPolicy", Map.of("UserName", name, "PolicyName", "inline", "PolicyDocument", inlinePolicyJson));
        AwsQuery.Response key = asAdmin("CreateAccessKey", Map.of("UserName", name));
        SecretLedger.secret(key.require("SecretAccessKey"));
        return new IamUser(name, arn, key.require("AccessKeyId"), key.require("SecretAccessKey"));
    }

    /** The ids of the access keys IAM holds for user {@code userName} ({@code ListAccessKeys}, as the administrator). */
    public List<String> accessKeysOf(String userName) {
        String body = asAdmin("ListAccessKeys", Map.of("UserName", userName)).body();
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>")
                .matcher(body);
        while (m.find()) {
            ids.add(m.group(1).strip());
        }
        return List.copyOf(ids);
    }

    /**
     * Creates a role that {@code trustedPrincipalArns} may assume ({@code "*"} for anyone) and that may do anything
     * itself, so its sessions can assume further roles that trust them. Returns the role ARN.
     */
    public String createRole(String name, String... trustedPrincipalArns) {
        return createRoleWithTrustPolicy(name, trustPolicy(trustedPrincipalArns));
    }

    /** Creates a role with the given trust policy and an allow-all identity policy. Returns the role ARN. */
    public String createRoleWithTrustPolicy(String name, String trustPolicyJson) {
        String arn = asAdmin("CreateRole", Map.of("RoleName", name, "AssumeRolePolicyDocument", trustPolicyJson))
                .require("Arn");
        asAdmin("PutRolePolicy", Map.of("RoleName", name, "PolicyName", "allow-all", "PolicyDocument", ALLOW_ALL));
        return arn;
    }

    /**
     * A trust policy allowing {@code sts:AssumeRole} to exactly these principals. Always a JSON list: with a single
     * string moto tests substring containment, which would trust {@code user/al} when {@code user/alice} is named.
     */
    public static String trustPolicy(String... principalArns) {
        return trustPolicy(Optional.empty(), principalArns);
    }

    /** As {@link #trustPolicy(String...)}, also requiring {@code sts:ExternalId} to equal {@code externalId}. */
    public static String trustPolicyWithExternalId(String externalId, String... principalArns) {
        return trustPolicy(Optional.of(externalId), principalArns);
    }

    private static String trustPolicy(Optional<String> externalId, String... principalArns) {
        if (principalArns.length == 0) {
            throw new IllegalArgumentException("name at least one trusted principal");
        }
        // moto cannot read the bare string form "Principal": "*"; {"AWS": "*"} means the same.
        String principals = Arrays.asList(principalArns).contains("*")
                ? "\"*\""
                : Arrays.stream(principalArns)
                        .map(a -> "\"" + json(a) + "\"")
                        .collect(Collectors.joining(",", "[", "]"));
        String condition = externalId
                .map(id -> ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + json(id) + "\"}}")
                .orElse("");
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + principals
                + "},\"Action\":\"sts:AssumeRole\"" + condition + "}]}";
    }

    /** The ARN STS gives a session of {@code roleName} named {@code sessionName}: what a chained role must trust. */
    public static String assumedRoleArn(String roleName, String sessionName) {
        return "arn:aws:sts::" + ACCOUNT_ID + ":assumed-role/" + roleName + "/" + sessionName;
    }

    /** The ARN of role {@code roleName}. */
    public static String roleArn(String roleName) {
        return "arn:aws:iam::" + ACCOUNT_ID + ":role/" + roleName;
    }

    /**
     * Who moto says {@code credentials} belong to ({@code GetCallerIdentity}, signed here, not by rolehop): a user ARN
     * or an assumed-role session ARN.
     *
     * @throws IllegalStateException when moto rejects the credentials
     */
    public String callerIdentity(AwsCredentials credentials) {
        Optional<String> token =
                credentials instanceof TemporaryCredentials t ? Optional.of(t.sessionToken()) : Optional.empty();
        return AwsQuery.call(
                        endpoint(),
                        "sts",
                        STS_VERSION,
                        "GetCallerIdentity",
                        Map.of(),
                        new AwsQuery.Signer(credentials.accessKeyId(), credentials.secretAccessKey(), token))
                .require("Arn");
    }

    /**
     * Assumes {@code roleArn} as {@code caller} ({@code AssumeRole}, signed here and sent straight to moto, never
     * through a proxy in front of it): temporary credentials moto accepts on later calls, unlike those of its
     * {@code GetSessionToken}. Their identity is {@link #assumedRoleArn assumedRoleArn(role, sessionName)}.
     */
    public TemporaryCredentials assumeRole(AwsCredentials caller, String roleArn, String sessionName) {
        Optional<String> token =
                caller instanceof TemporaryCredentials t ? Optional.of(t.sessionToken()) : Optional.empty();
        AwsQuery.Response r = AwsQuery.call(
                endpoint(),
                "sts",
                STS_VERSION,
                "AssumeRole",
                Map.of("RoleArn", roleArn, "RoleSessionName", sessionName, "DurationSeconds", "3600"),
                new AwsQuery.Signer(caller.accessKeyId(), caller.secretAccessKey(), token));
        return new TemporaryCredentials(
                r.require("AccessKeyId"),
                r.require("SecretAccessKey"),
                r.require("SessionToken"),
                java.time.Instant.parse(r.require("Expiration")));
    }

    /** Stops moto and every process it started. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook stops moto as well.
        }
        process = null;
        endpoint = null;
        admin = null;
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover log in the temp directory is harmless.
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for moto_server", e);
        }
    }

    @Override
    public String toString() {
        return "MotoServer[" + (endpoint == null ? "stopped" : endpoint) + "]";
    }
}
