package io.rolehop.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars in a test: a one-class access method module compiled against a distribution's
 * {@code lib/}, registered both in {@code module-info} and {@code META-INF/services}, as a third party would ship it.
 */
public final class PluginJars {
    private PluginJars() {}

    /**
     * Compiles and jars an access method.
     *
     * @param work a directory for sources and classes
     * @param lib the distribution's {@code lib/}
     * @param jar where to write the jar
     * @param module the module name, also the package
     * @param className the provider class
     * @param id the method's id
     * @param members extra members of the class: a static initialiser, a constructor
     * @param extraRequires extra {@code requires} clauses of the module, compiled against a stand-in and shipped
     *     without it
     */
    public static Path build(
            Path work,
            Path lib,
            Path jar,
            String module,
            String className,
            String id,
            String members,
            String extraRequires) {
        return build(
                work, lib, jar, module, className, id, members, "throw new IllegalStateException();", extraRequires);
    }

    /**
     * As {@link #build(Path, Path, Path, String, String, String, String, String)}, with the body of
     * {@code credentials(CredentialsContext c)}.
     */
    public static Path build(
            Path work,
            Path lib,
            Path jar,
            String module,
            String className,
            String id,
            String members,
            String credentialsBody,
            String extraRequires) {
        try {
            Path src = work.resolve("src-" + module);
            Path pkg = src.resolve(module.replace('.', '/'));
            Files.createDirectories(pkg);
            Files.writeString(
                    src.resolve("module-info.java"),
                    "module " + module + " { requires io.rolehop.application; "
                            + extraRequires + " provides io.rolehop.application.spi.AccessMethod with " + module + "."
                            + className + "; }");
            Files.writeString(
                    pkg.resolve(className + ".java"),
                    "package " + module + ";\n"
                            + "public final class " + className
                            + " implements io.rolehop.application.spi.AccessMethod {\n"
                            + members + "\n"
                            + "public String id() { return \"" + id + "\"; }\n"
                            + "public String displayName() { return \"" + className + "\"; }\n"
                            + "public java.util.List<io.rolehop.application.spi.FieldSpec> fields() {"
                            + " return java.util.List.of(); }\n"
                            + "public io.rolehop.domain.AwsCredentials credentials("
                            + "io.rolehop.application.spi.CredentialsContext c) { " + credentialsBody + " }\n}\n");
            Path classes = work.resolve("classes-" + module);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            String modulePath = lib.toString();
            if (!extraRequires.isEmpty()) {
                // Compile against a stand-in for the missing module, then ship the plugin without it.
                Path stub = work.resolve("stub-src");
                Files.createDirectories(stub.resolve("com/example/not/installed"));
                Files.writeString(stub.resolve("module-info.java"), "module com.example.not.installed { }");
                Path stubClasses = work.resolve("stub-classes");
                check(
                        javac.run(
                                null,
                                null,
                                null,
                                "-d",
                                stubClasses.toString(),
                                stub.resolve("module-info.java").toString()),
                        "the stand-in module");
                modulePath = lib + File.pathSeparator + stubClasses;
            }
            List<String> args = new ArrayList<>(List.of(
                    "-d",
                    classes.toString(),
                    "--module-path",
                    modulePath,
                    src.resolve("module-info.java").toString(),
                    pkg.resolve(className + ".java").toString()));
            check(javac.run(null, null, null, args.toArray(String[]::new)), module);
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(
                            new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("META-INF/services/io.rolehop.application.spi.AccessMethod"));
                out.write((module + "." + className + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(int status, String what) {
        if (status != 0) {
            throw new IllegalStateException("compiling " + what + " failed");
        }
    }
}
