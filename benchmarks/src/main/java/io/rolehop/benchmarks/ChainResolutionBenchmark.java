package io.rolehop.benchmarks;

import io.rolehop.adapters.aws.AwsIamRoleChainedAccessMethod;
import io.rolehop.adapters.aws.AwsIamUserAccessMethod;
import io.rolehop.application.port.out.AssumeRoleRequest;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.SessionTokenRequest;
import io.rolehop.application.service.AccessMethods;
import io.rolehop.application.service.ChainCredentialsResolver;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ChainCredentialsResolver} with the built-in access methods, over a chain of an IAM user and {@code depth}
 * roles: {@code warm} serves every hop from the cache (what {@code session start} of a cached chain does), and
 * {@code cold} resolves every hop through an STS that answers at once, which leaves the resolver's own cost per hop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChainResolutionBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Param({"1", "3", "6"})
    int depth;

    Workspace workspace;
    Session top;
    MapCache cache;
    ChainCredentialsResolver resolver;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        workspace = new Workspace();
        Session root = Session.create(
                Alias.of("alice"),
                AccessMethodId.of(AwsIamUserAccessMethod.ID),
                NamedProfile.of("alice"),
                Region.of("us-east-1"),
                Optional.empty(),
                Map.of());
        workspace.add(root);
        MapSecrets secrets = new MapSecrets();
        secrets.put("session/" + root.id().value() + "/access-key-id", "AKIAIOSFODNN7EXAMPLE");
        secrets.put("session/" + root.id().value() + "/secret-access-key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        top = root;
        for (int i = 1; i <= depth; i++) {
            Session role = Session.create(
                    Alias.of("role" + i),
                    AccessMethodId.of(AwsIamRoleChainedAccessMethod.ID),
                    NamedProfile.of("p" + i),
                    Region.of("us-east-1"),
                    Optional.of(top.id()),
                    Map.of("role-arn", "arn:aws:iam::123456789012:role/role" + i, "role-session-name", "hop" + i));
            workspace.add(role);
            top = role;
        }
        cache = new MapCache();
        resolver = new ChainCredentialsResolver(
                new AccessMethods(List.of(new AwsIamUserAccessMethod(), new AwsIamRoleChainedAccessMethod())),
                new InstantSts(NOW),
                secrets,
                cache,
                (alias, device, command) -> Optional.empty(),
                clock);
        resolver.handOut(workspace, top); // fills the cache
    }

    @Benchmark
    public TemporaryCredentials warm() {
        return resolver.handOut(workspace, top);
    }

    @Benchmark
    public TemporaryCredentials cold() {
        cache.clear();
        return resolver.handOut(workspace, top);
    }

    /** An STS that answers every call at once with fresh credentials. */
    static final class InstantSts implements SecurityTokenService {
        private final TemporaryCredentials answer;

        InstantSts(Instant now) {
            answer = new TemporaryCredentials(
                    "ASIABENCHMARK0000001", "benchmarkSecret", "benchmarkToken", now.plus(Duration.ofHours(1)));
        }

        @Override
        public TemporaryCredentials assumeRole(AssumeRoleRequest request) {
            return answer;
        }

        @Override
        public TemporaryCredentials getSessionToken(SessionTokenRequest request) {
            return answer;
        }
    }

    /** The credentials cache as a map: the resolver's cost without the file system's. */
    static final class MapCache implements CredentialsCache {
        private final Map<String, TemporaryCredentials> entries = new HashMap<>();

        @Override
        public Optional<TemporaryCredentials> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, TemporaryCredentials credentials) {
            entries.put(key, credentials);
        }

        @Override
        public void evict(String key) {
            entries.remove(key);
        }

        void clear() {
            entries.clear();
        }
    }

    /** The secret store as a map. */
    static final class MapSecrets implements SecretStore {
        private final Map<String, String> entries = new HashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, String value) {
            entries.put(key, value);
        }

        @Override
        public boolean delete(String key) {
            return entries.remove(key) != null;
        }

        @Override
        public List<String> keys(String prefix) {
            List<String> keys = new ArrayList<>();
            for (String key : entries.keySet()) {
                if (key.startsWith(prefix)) {
                    keys.add(key);
                }
            }
            return keys;
        }

        @Override
        public String name() {
            return "benchmark";
        }
    }
}
