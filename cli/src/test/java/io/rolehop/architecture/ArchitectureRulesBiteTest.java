package io.rolehop.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every {@link ArchitectureRule} fails on a fixture that breaks it, and spares the fixture's compliant classes. */
class ArchitectureRulesBiteTest {
    private static final String FIXTURES = "io.rolehop.architecture.fixtures";

    @TempDir
    static Path scratch;

    @ParameterizedTest
    @EnumSource
    void ruleBitesItsFixture(ArchitectureRule rule) {
        Fixture fixture = fixtureFor(rule);
        EvaluationResult result = rule.on(fixture.rings()).evaluate(fixture.classes());
        String report = result.getFailureReport().toString();

        assertTrue(
                result.hasViolation(),
                () -> rule + " passed on its fixture " + fixture.rings().root());
        for (String violation : fixture.violations()) {
            // ArchUnit wraps long lines (a cycle spans several): compare with runs of white space made one space.
            assertTrue(
                    oneLine(report).contains(oneLine(violation)),
                    () -> "expected <" + violation + "> in the report:\n" + report);
        }
        // The fixtures name the classes that keep the rule "Compliant...": the rule must not overreach onto them.
        assertFalse(
                result.getFailureReport().getDetails().stream().anyMatch(line -> line.contains(".Compliant")),
                () -> "a compliant class is reported:\n" + report);
    }

    /** Exhaustive over the rules: a rule without a fixture does not compile. "~" stands for the fixture's root. */
    private static Fixture fixtureFor(ArchitectureRule rule) {
        return switch (rule) {
            case DOMAIN_DEPENDS_ONLY_ON_JAVA ->
                imported("domainring", "<~.domain.Hop.sessions> has type <~.application.SessionPort>");
            case APPLICATION_DEPENDS_ONLY_ON_JAVA_DOMAIN_AND_JAKARTA_INJECT ->
                imported(
                        "applicationring",
                        "<~.application.service.StartService.sts> has type <~.adapters.aws.TokenClient>");
            case ADAPTERS_AWS_DEPENDS_ON_NEITHER_OTHER_ADAPTER_NOR_CLI ->
                imported(
                        "adaptersaws",
                        "has parameter of type <~.adapters.filesystem.CredentialsIni>",
                        "has parameter of type <~.cli.ConsoleView>");
            case ADAPTERS_FILESYSTEM_DEPENDS_ON_NEITHER_OTHER_ADAPTER_NOR_CLI ->
                imported(
                        "adaptersfilesystem",
                        "has parameter of type <~.adapters.aws.StsAdapter>",
                        "has parameter of type <~.cli.PromptReader>");
            case AWS_SDK_ONLY_IN_ADAPTERS_AWS ->
                imported(
                        "awssdk",
                        "<~.application.Regions.defaultRegion()> gets field"
                                + " <software.amazon.awssdk.regions.Region.EU_WEST_1>");
            case JACKSON_ONLY_IN_ADAPTERS_FILESYSTEM_AND_CLI ->
                imported(
                        "jackson",
                        "<~.adapters.aws.ResponseJson.mapper> has type <com.fasterxml.jackson.databind.ObjectMapper>");
            case CRYPTO_ONLY_IN_ADAPTERS_FILESYSTEM ->
                imported(
                        "crypto",
                        "<~.cli.VaultKey.of([B)> calls constructor"
                                + " <javax.crypto.spec.SecretKeySpec.<init>([B, java.lang.String)>");
            case GUICE_ONLY_IN_CLI ->
                imported("guice", "<~.application.UseCaseWiring> extends class <com.google.inject.AbstractModule>");
            case COMMANDS_DEPEND_ON_USE_CASES_NOT_ON_SERVICES_OR_ADAPTERS ->
                imported(
                        "commandsuseports",
                        "<~.cli.command.StopCommand.run(java.lang.String)> calls constructor"
                                + " <~.application.service.StopService.<init>()>",
                        "<~.cli.command.StopCommand.run(java.lang.String)> calls method"
                                + " <~.adapters.filesystem.CredentialsIni.remove(java.lang.String)>",
                        "<~.cli.command.TokenCommand.sts> has type <~.adapters.aws.StsAdapter>");
            case PICOCLI_ONLY_IN_CLI ->
                imported(
                        "picocli",
                        "<~.adapters.filesystem.ExportCommand> is annotated with <picocli.CommandLine$Command>");
            case NO_CONCRETE_ACCESS_METHOD_NAMED_IN_APPLICATION_OR_CLI ->
                imported(
                        "concretemethod",
                        "<~.cli.wiring.BuiltInMethods.all()> calls constructor"
                                + " <~.adapters.aws.IamUserAccessMethod.<init>()>",
                        "<~.application.service.DefaultMethod.isDefault(java.lang.Object)> checks instanceof"
                                + " <~.adapters.aws.IamUserAccessMethod>");
            case ACCESS_METHODS_IMPLEMENTED_ONLY_IN_ADAPTERS_AWS ->
                imported(
                        "methodlocation",
                        "<~.cli.command.InlineAccessMethod> does not reside in a package '~.adapters.aws..'");
            case SERVICE_LOADER_ONLY_IN_CLI_PLUGIN ->
                imported(
                        "serviceloader",
                        "<~.application.service.Discovery.count()> calls method"
                                + " <java.util.ServiceLoader.load(java.lang.Class)>");
            case NO_PACKAGE_CYCLES ->
                imported(
                        "cycles",
                        "Cycle detected: Slice application.port -> Slice application.service -> Slice application.port",
                        "Cycle detected: Slice cli -> Slice cli.command -> Slice cli");
            case NO_FIELD_INJECTION ->
                imported("fieldinjection", "Field <~.cli.command.InjectedCommand.clock> is annotated with @Inject");
            case STANDARD_STREAMS_ONLY_IN_CLI ->
                imported(
                        "standardstreams",
                        "<~.application.service.Progress.report(java.lang.String)> gets field <java.lang.System.out>",
                        "<~.adapters.filesystem.Warnings.warn(java.lang.String)> gets field <java.lang.System.err>");
            case NO_GENERIC_EXCEPTIONS ->
                imported(
                        "genericexceptions",
                        "<~.domain.Hop.resolve()> calls constructor"
                                + " <java.lang.RuntimeException.<init>(java.lang.String)>");
            case NO_JAVA_UTIL_LOGGING ->
                imported(
                        "julogging",
                        "<~.adapters.aws.StsAdapter.<clinit>()> sets field <~.adapters.aws.StsAdapter.LOG>",
                        "<~.adapters.aws.SsoAdapter.login()> calls method"
                                + " <java.util.logging.Logger.getLogger(java.lang.String)>");
            case NO_JODATIME -> jodaTimeFixture();
            case USE_CASES_BUILT_ONLY_BY_THE_COMPOSITION ->
                imported(
                        "composition",
                        "<~.cli.fast.QuickStart.run()> calls constructor <~.application.service.StartService.<init>()>");
            case HTTP_SERVER_ONLY_IN_CLI_SERVER ->
                imported(
                        "httpserver",
                        "<~.cli.command.StatusCommand.server> has type <com.sun.net.httpserver.HttpServer>");
            case SERVERS_DEPEND_ON_USE_CASES_NOT_ON_SERVICES_OR_ADAPTERS ->
                imported(
                        "serverports",
                        "<~.cli.server.ServiceServer.service> has type <~.application.service.ServeService>",
                        "<~.cli.server.CacheServer.cache> has type <~.adapters.filesystem.CacheFile>");
        };
    }

    private static Fixture imported(String name, String... violations) {
        Rings rings = new Rings(FIXTURES + "." + name);
        return new Fixture(rings, new ClassFileImporter().importPackages(rings.root()), violations);
    }

    /**
     * JodaTime is not on the test class path, and a stub org.joda.time class among the test classes could fool other
     * tests: the fixture and its stub are compiled here, and only the fixture is imported.
     */
    private static Fixture jodaTimeFixture() {
        Rings rings = new Rings(FIXTURES + ".jodatime");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the JodaTime fixture is compiled at test time and needs a JDK");
        Path sources = scratch.resolve("sources");
        Path classes = scratch.resolve("classes");
        Path stub = write(sources.resolve("DateTime.java"), "package org.joda.time; public class DateTime {}");
        Path expiry = write(
                sources.resolve("Expiry.java"),
                "package " + rings.root() + ".domain;"
                        + " public final class Expiry { public org.joda.time.DateTime at; }");
        Path compliant = write(
                sources.resolve("CompliantExpiry.java"),
                "package " + rings.root() + ".domain;"
                        + " public final class CompliantExpiry { public java.time.Instant at; }");
        int status = javac.run(
                null, null, null, "-d", classes.toString(), stub.toString(), expiry.toString(), compliant.toString());
        assertEquals(0, status, "javac failed on the JodaTime fixture");
        JavaClasses imported =
                new ClassFileImporter().importPath(classes.resolve(rings.root().replace('.', '/')));
        return new Fixture(rings, imported, "<~.domain.Expiry.at> has type <org.joda.time.DateTime>");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fixture(Rings rings, JavaClasses classes, List<String> violations) {
        Fixture(Rings rings, JavaClasses classes, String... violations) {
            this(
                    rings,
                    classes,
                    List.of(violations).stream()
                            .map(v -> v.replace("~", rings.root()))
                            .toList());
        }
    }
}
