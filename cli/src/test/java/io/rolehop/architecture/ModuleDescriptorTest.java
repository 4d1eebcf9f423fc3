package io.rolehop.architecture;

import static java.util.Comparator.comparing;
import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.rolehop.application.spi.AccessMethod;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rolehop module's compiled descriptor matches its expected listing: ArchUnit cannot see module-info. */
class ModuleDescriptorTest {
    private static final String MODULE_INFO = "module-info.class";

    /** The compiled descriptors of the rolehop modules on this test class path, by module name. */
    private static Map<String, Found> modules;

    private record Found(ModuleDescriptor descriptor, URL location) {}

    @BeforeAll
    static void readDescriptors() throws IOException {
        // The class path holds each module once, as a jar (a -pl cli build) or target/classes (a reactor build): read
        // what the cli actually runs with rather than guess at directories.
        Map<String, List<Found>> byName = new TreeMap<>();
        for (URL url :
                Collections.list(ModuleDescriptorTest.class.getClassLoader().getResources(MODULE_INFO))) {
            try (InputStream in = url.openStream()) {
                ModuleDescriptor descriptor = ModuleDescriptor.read(in);
                if (descriptor.name().startsWith("io.rolehop.")) {
                    byName.computeIfAbsent(descriptor.name(), name -> new ArrayList<>())
                            .add(new Found(descriptor, url));
                }
            }
        }
        modules = new TreeMap<>();
        byName.forEach((name, found) -> {
            assertEquals(1, found.size(), () -> name + " is on the class path more than once: " + found);
            modules.put(name, found.get(0));
        });
    }

    @Test
    void theRolehopModulesAreExactlyThese() {
        // A new module on the cli's class path needs a listing below.
        assertEquals(
                Set.of(
                        "io.rolehop.domain",
                        "io.rolehop.application",
                        "io.rolehop.testing",
                        "io.rolehop.adapters.aws",
                        "io.rolehop.adapters.filesystem",
                        "io.rolehop.cli"),
                modules.keySet());
    }

    @Test
    void domain() {
        // Pure Java: nothing but java.base.
        assertDescribes("io.rolehop.domain", """
                module io.rolehop.domain
                exports io.rolehop.domain
                """);
    }

    @Test
    void application() {
        // Only the domain, passed on because the ports speak its types. No "uses": only the cli's plugin loader calls
        // ServiceLoader, and a uses clause declares that the module itself does.
        assertDescribes("io.rolehop.application", """
                module io.rolehop.application
                requires transitive io.rolehop.domain
                exports io.rolehop.application
                exports io.rolehop.application.port.in
                exports io.rolehop.application.port.out
                exports io.rolehop.application.service to io.rolehop.cli
                exports io.rolehop.application.spi
                """);
    }

    @Test
    void testSupport() {
        assertDescribes("io.rolehop.testing", """
                module io.rolehop.testing
                requires transitive io.rolehop.application
                requires java.compiler
                requires jdk.httpserver
                requires transitive org.junit.jupiter.api
                exports io.rolehop.testing
                provides org.junit.jupiter.api.extension.Extension with
                    io.rolehop.testing.SecretLedger
                """);
    }

    @Test
    void adaptersAws() {
        // The SDK is required, never "requires transitive": no SDK type may reach a module that reads this one. The
        // built-in methods are provided exactly like a plugin's.
        assertDescribes("io.rolehop.adapters.aws", """
                module io.rolehop.adapters.aws
                requires transitive io.rolehop.application
                requires software.amazon.awssdk.auth
                requires software.amazon.awssdk.awscore
                requires software.amazon.awssdk.core
                requires software.amazon.awssdk.http
                requires software.amazon.awssdk.http.urlconnection
                requires software.amazon.awssdk.profiles
                requires software.amazon.awssdk.protocols.jsoncore
                requires software.amazon.awssdk.regions
                requires software.amazon.awssdk.retries
                requires software.amazon.awssdk.services.iam
                requires software.amazon.awssdk.services.sso
                requires software.amazon.awssdk.services.ssooidc
                requires software.amazon.awssdk.services.sts
                exports io.rolehop.adapters.aws
                provides io.rolehop.application.spi.AccessMethod with
                    io.rolehop.adapters.aws.AwsIamUserAccessMethod
                    io.rolehop.adapters.aws.AwsIamRoleChainedAccessMethod
                    io.rolehop.adapters.aws.AwsSsoAccessMethod
                """);
    }

    @Test
    void adaptersFilesystem() {
        // Jackson is used through its tree and streaming APIs, so no package is opened to it.
        assertDescribes("io.rolehop.adapters.filesystem", """
                module io.rolehop.adapters.filesystem
                requires com.fasterxml.jackson.databind
                requires transitive io.rolehop.application
                exports io.rolehop.adapters.filesystem
                exports io.rolehop.adapters.filesystem.codec
                """);
    }

    @Test
    void cli() {
        // The composition root: it reads every ring, opens to the frameworks only the packages they reflect on, and is
        // the one module that uses the SPI.
        assertDescribes("io.rolehop.cli", """
                module io.rolehop.cli
                requires com.fasterxml.jackson.databind
                requires com.google.guice
                requires info.picocli
                requires io.rolehop.adapters.aws
                requires io.rolehop.adapters.filesystem
                requires io.rolehop.application
                requires jdk.httpserver
                requires jdk.unsupported
                requires org.jline
                opens io.rolehop.cli.command to info.picocli
                opens io.rolehop.cli.wiring to com.google.guice
                uses io.rolehop.application.spi.AccessMethod
                """);
    }

    @Test
    void everyProviderIsAlsoRegisteredForTheClassPath() {
        // On the class path (the tests, and rolehop run with -cp) ServiceLoader reads META-INF/services, not provides.
        for (Found found : modules.values()) {
            for (Provides provides : found.descriptor().provides()) {
                assertEquals(
                        new TreeSet<>(provides.providers()),
                        servicesFile(found.location(), provides.service()),
                        () -> found.descriptor().name() + ": META-INF/services/" + provides.service()
                                + " and the provides clause of module-info differ");
            }
        }
    }

    @Test
    void onlyAdaptersAwsRegistersAnAccessMethod() {
        // Whatever registers an access method for the class path must be a module that provides it, and only the
        // built-ins are on this class path.
        List<String> registering = new ArrayList<>();
        try {
            for (URL url : Collections.list(ModuleDescriptorTest.class
                    .getClassLoader()
                    .getResources("META-INF/services/" + AccessMethod.class.getName()))) {
                registering.add(url.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String aws = root(module("io.rolehop.adapters.aws").location());
        assertEquals(List.of(aws + "META-INF/services/" + AccessMethod.class.getName()), registering);
    }

    private static void assertDescribes(String name, String expected) {
        Found found = module(name);
        assertEquals(expected, describe(found.descriptor()), () -> "the descriptor of " + found.location());
    }

    private static Found module(String name) {
        Found found = modules.get(name);
        assertNotNull(found, () -> name + " is not on the class path");
        return found;
    }

    /** One line per directive, each kind sorted, so that a diff names exactly what changed. */
    static String describe(ModuleDescriptor descriptor) {
        StringBuilder out = new StringBuilder();
        out.append(descriptor.isOpen() ? "open module " : "module ")
                .append(descriptor.name())
                .append('\n');
        descriptor.requires().stream()
                .filter(r -> !r.modifiers().contains(Requires.Modifier.MANDATED)
                        && !r.name().equals("java.base"))
                .sorted(comparing(Requires::name))
                .forEach(r -> out.append("requires ")
                        .append(r.modifiers().contains(Requires.Modifier.STATIC) ? "static " : "")
                        .append(r.modifiers().contains(Requires.Modifier.TRANSITIVE) ? "transitive " : "")
                        .append(r.name())
                        .append('\n'));
        descriptor.exports().stream()
                .sorted(comparing(Exports::source))
                .forEach(e -> out.append("exports ")
                        .append(e.source())
                        .append(targets(e.targets()))
                        .append('\n'));
        descriptor.opens().stream()
                .sorted(comparing(Opens::source))
                .forEach(o -> out.append("opens ")
                        .append(o.source())
                        .append(targets(o.targets()))
                        .append('\n'));
        descriptor.uses().stream()
                .sorted()
                .forEach(s -> out.append("uses ").append(s).append('\n'));
        // Providers keep their declared order: it is the order in which ServiceLoader returns them.
        descriptor.provides().stream().sorted(comparing(Provides::service)).forEach(p -> {
            out.append("provides ").append(p.service()).append(" with\n");
            p.providers()
                    .forEach(provider -> out.append("    ").append(provider).append('\n'));
        });
        return out.toString();
    }

    private static String targets(Set<String> targets) {
        return targets.isEmpty() ? "" : " to " + targets.stream().sorted().collect(joining(", "));
    }

    /** The class path entry holding a module-info.class, as a URL prefix. */
    private static String root(URL moduleInfo) {
        String url = moduleInfo.toString();
        return url.substring(0, url.length() - MODULE_INFO.length());
    }

    private static Set<String> servicesFile(URL moduleInfo, String service) {
        Set<String> providers = new TreeSet<>();
        try (InputStream in = new URL(root(moduleInfo) + "META-INF/services/" + service).openStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .forEach(providers::add);
        } catch (IOException e) {
            // No file at all: an empty set, which the comparison reports.
        }
        return providers;
    }
}
