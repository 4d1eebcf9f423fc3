package io.rolehop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.rolehop.application.spi.AccessMethod;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The arrows and the coding rules of docs/architecture.md, as functions of the {@link Rings} they guard. */
enum ArchitectureRule {
    DOMAIN_DEPENDS_ONLY_ON_JAVA(rings -> classes()
            .that()
            .resideInAPackage(rings.domain())
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", rings.domain())
            .because("the domain is pure Java, with no dependency at all (docs/architecture.md)")),

    APPLICATION_DEPENDS_ONLY_ON_JAVA_DOMAIN_AND_JAKARTA_INJECT(
            rings -> classes()
                    .that()
                    .resideInAPackage(rings.application())
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", rings.domain(), rings.application(), "jakarta.inject..")
                    .because(
                            "the application depends on the domain and at most the jakarta.inject annotations (docs/architecture.md)")),

    ADAPTERS_AWS_DEPENDS_ON_NEITHER_OTHER_ADAPTER_NOR_CLI(rings -> noClasses()
            .that()
            .resideInAPackage(rings.adaptersAws())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rings.adaptersFilesystem(), rings.cli())
            .because("no adapter imports another adapter or the cli (docs/architecture.md)")),

    ADAPTERS_FILESYSTEM_DEPENDS_ON_NEITHER_OTHER_ADAPTER_NOR_CLI(rings -> noClasses()
            .that()
            .resideInAPackage(rings.adaptersFilesystem())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rings.adaptersAws(), rings.cli())
            .because("no adapter imports another adapter or the cli (docs/architecture.md)")),

    AWS_SDK_ONLY_IN_ADAPTERS_AWS(
            rings -> libraryOnlyIn("software.amazon.awssdk..", rings.adaptersAws())
                    .because(
                            "the AWS SDK lives only in adapters-aws: no SDK type crosses into the other rings (docs/architecture.md)")),

    JACKSON_ONLY_IN_ADAPTERS_FILESYSTEM_AND_CLI(
            rings -> libraryOnlyIn("com.fasterxml.jackson..", rings.adaptersFilesystem(), rings.cli())
                    .because(
                            "Jackson lives only in adapters-filesystem, and may serve the cli's output (docs/architecture.md)")),

    CRYPTO_ONLY_IN_ADAPTERS_FILESYSTEM(
            rings -> libraryOnlyIn("javax.crypto..", rings.adaptersFilesystem())
                    .because(
                            "the encrypted secret store, and so the crypto, lives only in adapters-filesystem (docs/architecture.md)")),

    GUICE_ONLY_IN_CLI(rings -> libraryOnlyIn("com.google.inject..", rings.cli())
            .because("Guice wires the composition root only; a plugin need not use it (docs/architecture.md)")),

    COMMANDS_DEPEND_ON_USE_CASES_NOT_ON_SERVICES_OR_ADAPTERS(rings -> noClasses()
            .that()
            .resideInAPackage(rings.cliCommand())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rings.applicationService(), rings.adaptersAws(), rings.adaptersFilesystem())
            .because("a command is handed its use cases (application.port.in) and never names the service behind"
                    + " one or an adapter: the composition root chooses those (docs/architecture.md)")),

    PICOCLI_ONLY_IN_CLI(rings ->
            libraryOnlyIn("picocli..", rings.cli()).because("picocli is the cli's business (docs/architecture.md)")),

    NO_CONCRETE_ACCESS_METHOD_NAMED_IN_APPLICATION_OR_CLI(rings -> noClasses()
            .that()
            .resideInAnyPackage(rings.application(), rings.cli())
            .should()
            .dependOnClassesThat()
            .implement(AccessMethod.class)
            .because("the built-in access methods are found through the SPI exactly like a plugin's: nothing in"
                    + " application or cli names a concrete method (docs/architecture.md)")),

    ACCESS_METHODS_IMPLEMENTED_ONLY_IN_ADAPTERS_AWS(
            rings -> classes()
                    .that()
                    .implement(AccessMethod.class)
                    .should()
                    .resideInAPackage(rings.adaptersAws())
                    .because(
                            "the built-in access methods live in adapters-aws; others come from plugins (docs/architecture.md)")),

    SERVICE_LOADER_ONLY_IN_CLI_PLUGIN(rings -> noClasses()
            .that()
            .resideOutsideOfPackage(rings.cliPlugin())
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(ServiceLoader.class)
            .because("only the composition root's plugin loader calls ServiceLoader (docs/architecture.md)")),

    // Maven and JPMS already refuse a cycle between modules; this finds the ones between packages of one module.
    NO_PACKAGE_CYCLES(
            rings -> slices().assignedFrom(new TopPackages(rings)).should().beFreeOfCycles()),

    NO_FIELD_INJECTION(rings -> GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION),

    STANDARD_STREAMS_ONLY_IN_CLI(rings -> noClasses()
            .that()
            .resideOutsideOfPackage(rings.cli())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("stdout carries credential_process output and --output json: only the cli writes to it")),

    NO_GENERIC_EXCEPTIONS(rings -> GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS),

    // ArchUnit's own rule only sees a JUL logger stored in a field; a logger fetched and used on the spot is a plain
    // dependency.
    NO_JAVA_UTIL_LOGGING(rings -> noClasses()
            .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.logging..")),

    NO_JODATIME(rings -> GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME),

    USE_CASES_BUILT_ONLY_BY_THE_COMPOSITION(rings -> noClasses()
            .that()
            .doNotHaveFullyQualifiedName(rings.composition())
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "the constructor builds a use case (an implementation of " + rings.incomingPorts() + ")",
                    (JavaConstructorCall call) -> call.getTargetOwner().getAllRawInterfaces().stream()
                            .anyMatch(port -> port.getPackageName().equals(rings.incomingPorts()))))
            .because("the use cases are wired in one place, the composition that Guice and the fast path both call"
                    + " (docs/architecture.md)")),

    HTTP_SERVER_ONLY_IN_CLI_SERVER(
            rings -> libraryOnlyIn("com.sun.net.httpserver..", rings.cliServer(), rings.cliLogin())
                    .because("the credential servers are one driving adapter, in one package, and the callback of"
                            + " 'sso login' is the one other loopback listener (docs/architecture.md)")),

    SERVERS_DEPEND_ON_USE_CASES_NOT_ON_SERVICES_OR_ADAPTERS(rings -> noClasses()
            .that()
            .resideInAPackage(rings.cliServer())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rings.applicationService(), rings.adaptersAws(), rings.adaptersFilesystem())
            .because("a credential server drives the application through its use cases (application.port.in),"
                    + " like a command (docs/architecture.md)"));

    private final Function<Rings, ArchRule> definition;

    // A function rather than a rule, so that the same rule runs on the real code and on a fixture that breaks it.
    ArchitectureRule(Function<Rings, ArchRule> definition) {
        this.definition = definition;
    }

    /** The rule over the given rings; a rule that selects no class fails, so a mistyped package cannot pass. */
    ArchRule on(Rings rings) {
        return definition.apply(rings).allowEmptyShould(false);
    }

    private static ArchRule libraryOnlyIn(String library, String... rings) {
        return noClasses()
                .that()
                .resideOutsideOfPackages(rings)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(library);
    }

    /** One slice per package directly under a module's root package, and one for the root package itself. */
    private static final class TopPackages implements SliceAssignment {
        private final Rings rings;

        TopPackages(Rings rings) {
            this.rings = rings;
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            for (String module : rings.moduleRoots()) {
                String name = module.substring(rings.root().length() + 1);
                if (pkg.equals(module)) {
                    return SliceIdentifier.of(name);
                }
                if (pkg.startsWith(module + ".")) {
                    String top = pkg.substring(module.length() + 1).split("\\.", 2)[0];
                    return SliceIdentifier.of(name + "." + top);
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the top packages of each module under " + rings.root();
        }
    }
}
