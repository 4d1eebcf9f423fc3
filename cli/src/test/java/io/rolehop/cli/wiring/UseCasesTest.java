package io.rolehop.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.rolehop.application.fakes.FakeAccessKeyManager;
import io.rolehop.application.fakes.FakeSecurityTokenService;
import io.rolehop.application.fakes.InMemoryConfigFile;
import io.rolehop.application.fakes.InMemoryCredentialsCache;
import io.rolehop.application.fakes.InMemoryCredentialsFile;
import io.rolehop.application.fakes.InMemorySecretStore;
import io.rolehop.application.fakes.InMemoryWorkspaceStore;
import io.rolehop.application.port.out.AccessKeyManager;
import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.application.port.out.CredentialsFile;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.SecretStore;
import io.rolehop.application.port.out.SecretStoreBackends;
import io.rolehop.application.port.out.SecurityTokenService;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.service.AccessMethods;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link UseCases} asks each port only for the use cases that need it, and shares one resolver and one applier. */
class UseCasesTest {

    /** Counts, by port, how often each was asked for. */
    private static final class CountingPorts implements UseCases.Ports {
        final Map<String, Integer> asked = new TreeMap<>();
        private final Clock clock = Clock.systemUTC();
        private final FakeSecurityTokenService sts = new FakeSecurityTokenService(clock);
        private final InMemoryWorkspaceStore store = new InMemoryWorkspaceStore();

        private <T> T ask(String port, Supplier<T> value) {
            asked.merge(port, 1, Integer::sum);
            return value.get();
        }

        @Override
        public WorkspaceStore workspaceStore() {
            return ask("workspace", () -> store);
        }

        @Override
        public AccessMethods accessMethods() {
            return ask("methods", () -> new AccessMethods(List.of()));
        }

        @Override
        public SecurityTokenService securityTokenService() {
            return ask("sts", () -> sts);
        }

        @Override
        public SecretStore secretStore() {
            return ask("secrets", InMemorySecretStore::new);
        }

        @Override
        public SecretStoreBackends secretStoreBackends() {
            return ask("backends", () -> null);
        }

        @Override
        public CredentialsCache credentialsCache() {
            return ask("cache", InMemoryCredentialsCache::new);
        }

        @Override
        public MfaCodeProvider mfaCodeProvider() {
            return ask("mfa", () -> (alias, device, command) -> Optional.empty());
        }

        @Override
        public CredentialsFile credentialsFile() {
            return ask("credentials-file", InMemoryCredentialsFile::new);
        }

        @Override
        public ConfigFile configFile() {
            return ask("config-file", InMemoryConfigFile::new);
        }

        @Override
        public AccessKeyManager accessKeyManager() {
            return ask("access-keys", () -> new FakeAccessKeyManager(sts));
        }

        @Override
        public Pause pause() {
            return ask("pause", () -> duration -> {});
        }

        @Override
        public Clock clock() {
            return ask("clock", () -> clock);
        }

        @Override
        public String launcherCommand() {
            return ask("launcher", () -> "rolehop");
        }

        @Override
        public io.rolehop.application.port.out.KnownRegions knownRegions() {
            return ask("regions", () -> () -> List.of(io.rolehop.domain.Region.of("us-east-1")));
        }
    }

    @Test
    void listingSessionsAsksForNoStsSecretStoreOrAwsFile() {
        CountingPorts ports = new CountingPorts();
        UseCases useCases = new UseCases(ports);

        useCases.list();
        useCases.settings();
        useCases.regions();

        assertEquals(Set.of("methods", "workspace", "regions"), ports.asked.keySet());
    }

    @Test
    void stoppingAsksForTheAwsFilesButNotForSts() {
        CountingPorts ports = new CountingPorts();

        new UseCases(ports).stop();

        assertEquals(Set.of("config-file", "credentials-file", "workspace"), ports.asked.keySet());
    }

    @Test
    void listingProfilesAsksForNoSts() {
        CountingPorts ports = new CountingPorts();

        new UseCases(ports).profiles().list();

        assertEquals(null, ports.asked.get("sts"));
    }

    @Test
    void theUseCasesOfOneInstanceShareOneResolverAndOneApplier() {
        CountingPorts ports = new CountingPorts();
        UseCases useCases = new UseCases(ports);

        useCases.generate();
        useCases.start();
        useCases.profiles();
        useCases.logout();

        assertSame(useCases.resolver(), useCases.resolver());
        assertSame(useCases.applier(), useCases.applier());
        assertEquals(null, ports.asked.get("sts"), "the one resolver asks for the STS client on its first STS call");
        assertEquals(1, ports.asked.get("credentials-file"), "the credentials file is asked for once");
    }
}
