package io.rolehop.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the module promises the rest of rolehop: the built-in methods found by ServiceLoader (class path and module
 * descriptor alike), one exported package, and no AWS SDK type in any signature application or cli can see.
 */
class ModuleContractTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Set<String> PROVIDERS = Set.of(
            AwsIamUserAccessMethod.class.getName(),
            AwsIamRoleChainedAccessMethod.class.getName(),
            AwsSsoAccessMethod.class.getName());
    private static final Set<String> RESERVED_FIELDS =
            Set.of("alias", "profile", "region", "assumer", "force", "output");

    @Test
    void serviceLoaderFindsBothMethodsOnTheClassPath() {
        Map<String, AccessMethod> byId = ServiceLoader.load(AccessMethod.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(AccessMethod::id, Function.identity()));

        assertEquals(Set.of("aws-iam-user", "aws-iam-role-chained", "aws-sso"), byId.keySet());
        assertEquals(AwsSsoAccessMethod.class, byId.get("aws-sso").getClass());
        assertEquals(AwsIamUserAccessMethod.class, byId.get("aws-iam-user").getClass());
        assertEquals(
                AwsIamRoleChainedAccessMethod.class,
                byId.get("aws-iam-role-chained").getClass());
    }

    @Test
    void theServicesFileListsExactlyTheProviders() throws IOException {
        Path services = CLASSES.resolve("META-INF/services/" + AccessMethod.class.getName());
        Set<String> listed = Files.readAllLines(services, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toSet());
        assertEquals(PROVIDERS, listed);
    }

    @Test
    void theModuleDescriptorProvidesBothAndExportsOnePackage() {
        ModuleDescriptor descriptor = ModuleFinder.of(CLASSES)
                .find("io.rolehop.adapters.aws")
                .orElseThrow()
                .descriptor();

        assertEquals(
                Set.of("io.rolehop.adapters.aws"),
                descriptor.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()));
        assertTrue(descriptor.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        ModuleDescriptor.Provides provides = descriptor.provides().stream()
                .filter(p -> p.service().equals(AccessMethod.class.getName()))
                .findFirst()
                .orElseThrow();
        assertEquals(PROVIDERS, Set.copyOf(provides.providers()));
        Set<String> required = descriptor.requires().stream()
                .map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());
        assertTrue(
                required.containsAll(Set.of(
                        "io.rolehop.application",
                        "software.amazon.awssdk.services.sts",
                        "software.amazon.awssdk.http.urlconnection")),
                required::toString);
        assertTrue(
                descriptor.requires().stream()
                        .noneMatch(r -> r.name().startsWith("software.amazon")
                                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)),
                "no SDK module may leak to readers of this one");
    }

    @Test
    void everyMethodHasAPublicNoArgumentConstructorAndValidFieldNames() throws ReflectiveOperationException {
        for (String provider : PROVIDERS) {
            Class<?> type = Class.forName(provider);
            assertTrue(Modifier.isPublic(type.getModifiers()), provider);
            AccessMethod method = (AccessMethod) type.getConstructor().newInstance();
            List<String> names = method.fields().stream().map(FieldSpec::name).toList();
            assertEquals(names.size(), Set.copyOf(names).size(), "unique field names in " + provider);
            assertTrue(names.stream().noneMatch(RESERVED_FIELDS::contains), names::toString);
            assertTrue(method.id().matches("[a-z0-9][a-z0-9-]{1,63}"), method::id);
        }
    }

    @Test
    void noPublicSignatureMentionsAnSdkType() throws IOException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicClassesOfThePackage()) {
            List<Executable> executables = new ArrayList<>();
            executables.addAll(Arrays.asList(type.getConstructors()));
            executables.addAll(Arrays.asList(type.getMethods()));
            for (Executable executable : executables) {
                Stream<Type> types = Stream.concat(
                        Stream.of(executable.getGenericParameterTypes()),
                        Stream.of(executable.getGenericExceptionTypes()));
                if (executable instanceof Method method) {
                    types = Stream.concat(types, Stream.of(method.getGenericReturnType()));
                }
                types.map(Type::getTypeName)
                        .filter(n -> n.contains("software.amazon"))
                        .forEach(n -> leaks.add(type.getSimpleName() + "." + executable.getName() + ": " + n));
            }
            for (Field field : type.getFields()) {
                if (field.getGenericType().getTypeName().contains("software.amazon")) {
                    leaks.add(type.getSimpleName() + "." + field.getName());
                }
            }
            for (Type parent : Stream.concat(
                            Stream.of(type.getGenericSuperclass()), Stream.of(type.getGenericInterfaces()))
                    .filter(t -> t != null)
                    .toList()) {
                if (parent.getTypeName().contains("software.amazon")) {
                    leaks.add(type.getSimpleName() + " extends " + parent.getTypeName());
                }
            }
        }
        assertTrue(leaks.isEmpty(), leaks::toString);
    }

    private static List<Class<?>> publicClassesOfThePackage() throws IOException, ClassNotFoundException {
        Path dir = CLASSES.resolve("io/rolehop/adapters/aws");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                if (simple.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName("io.rolehop.adapters.aws." + simple);
                if (Modifier.isPublic(type.getModifiers())) {
                    classes.add(type);
                }
            }
        }
        assertFalse(classes.isEmpty(), "no classes found under " + dir.toAbsolutePath());
        assertTrue(classes.contains(StsSecurityTokenService.class));
        return classes;
    }

    @Test
    void theStsAdapterIsBuiltFromAnEnvironmentMapOnly() {
        Set<List<Class<?>>> signatures = Arrays.stream(StsSecurityTokenService.class.getConstructors())
                .map(c -> List.<Class<?>>of(c.getParameterTypes()))
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        List.of(Map.class),
                        List.of(Map.class, java.time.Duration.class, java.time.Duration.class),
                        List.of(
                                Map.class,
                                java.time.Duration.class,
                                java.time.Duration.class,
                                java.time.Duration.class)),
                signatures);
    }

    @Test
    void theSdkFreeStsAdapterIsBuiltFromPlainJavaTypesOnly() {
        Set<List<Class<?>>> signatures = Arrays.stream(QuerySecurityTokenService.class.getConstructors())
                .map(c -> List.<Class<?>>of(c.getParameterTypes()))
                .collect(Collectors.toSet());
        assertEquals(
                Set.of(List.of(
                        Map.class,
                        java.time.Duration.class,
                        java.time.Duration.class,
                        int.class,
                        java.time.Clock.class)),
                signatures);
    }
}
