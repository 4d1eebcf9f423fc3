package io.rolehop.cli.command;

import com.google.inject.Inject;
import io.rolehop.application.UsageException;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.plugin.PluginTrust;
import io.rolehop.cli.wiring.CliContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "plugins",
        description = "Access methods: built-in ones and those of the plugin jars you trusted.",
        synopsisSubcommandLabel = "COMMAND")
final class PluginsCommand {

    @Command(
            name = "list",
            description = "List the access methods found, where from, and every plugin jar: trusted,"
                    + " untrusted, changed since trusted, or missing.")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;
        private final Output out;

        @Mixin
        OutputOption output;

        @Inject
        ListCommand(CliContext context, Output out) {
            this.context = context;
            this.out = out;
        }

        @Override
        public Integer call() {
            List<AccessMethodLoader.Found> found = context.accessMethods();
            List<PluginTrust.Jar> jars = context.pluginTrust()
                    .survey(
                            context.pluginDirectories(),
                            warning -> context.environment().err().println("rolehop: warning: " + warning));
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put(
                        "methods",
                        found.stream()
                                .map(f -> {
                                    AccessMethod m = f.method();
                                    Map<String, Object> method = new LinkedHashMap<>();
                                    method.put("id", m.id());
                                    method.put("name", m.displayName());
                                    method.put("version", m.version());
                                    method.put("source", f.source());
                                    method.put("requiresAssumer", m.requiresAssumer());
                                    method.put("description", m.description());
                                    return method;
                                })
                                .toList());
                json.put(
                        "jars",
                        jars.stream()
                                .map(j -> {
                                    Map<String, Object> jar = new LinkedHashMap<>();
                                    jar.put("path", j.path().toString());
                                    jar.put("trust", j.state().label());
                                    jar.put("sha256", j.sha256());
                                    return jar;
                                })
                                .toList());
                json.put(
                        "directories",
                        context.pluginDirectories().stream()
                                .map(Object::toString)
                                .toList());
                out.json(json);
            } else {
                out.table(
                        List.of("ID", "NAME", "VERSION", "SOURCE"),
                        found.stream()
                                .map(f -> List.of(
                                        f.method().id(),
                                        f.method().displayName(),
                                        f.method().version(),
                                        f.source()))
                                .toList());
                if (!jars.isEmpty()) {
                    out.line("");
                    out.table(
                            List.of("JAR", "TRUST", "SHA-256"),
                            jars.stream()
                                    .map(j -> List.of(
                                            j.path().toString(), j.state().label(), j.sha256()))
                                    .toList());
                }
                out.line("");
                out.line("Plugin directories: "
                        + String.join(
                                ", ",
                                context.pluginDirectories().stream()
                                        .map(Object::toString)
                                        .toList()));
            }
            return ExitCode.OK;
        }
    }

    @Command(
            name = "trust",
            description = "Trust a plugin jar to run as you: record the SHA-256 of its bytes. A jar"
                    + " is loaded only while it still has them.")
    static final class TrustCommand extends OnJar {
        @Inject
        TrustCommand(CliContext context, Output out) {
            super(context, out);
        }

        @Override
        public Integer call() {
            Path path = inPluginDirectory(context, jar)
                    .filter(Files::isRegularFile)
                    .orElseThrow(() -> new UsageException("no plugin jar '" + jar + "' in the plugin directories ("
                            + directories(context) + "); copy it into one of them first"));
            String sha256 = context.pluginTrust().trust(path);
            out.line("trusted " + path + " (SHA-256 " + sha256 + "); it runs as you"
                    + " in every rolehop command that needs an access method");
            return ExitCode.OK;
        }
    }

    @Command(name = "untrust", description = "Stop trusting a plugin jar: it is no longer loaded.")
    static final class UntrustCommand extends OnJar {
        @Inject
        UntrustCommand(CliContext context, Output out) {
            super(context, out);
        }

        @Override
        public Integer call() {
            PluginTrust trust = context.pluginTrust();
            Optional<Path> path = inPluginDirectory(context, jar)
                    .or(() -> trust.trustedJars().stream()
                            .filter(p -> p.equals(Path.of(jar).toAbsolutePath().normalize())
                                    || p.getFileName().toString().equals(jar))
                            .findFirst());
            boolean was = path.isPresent() && trust.untrust(path.get());
            out.line(was ? "untrusted " + path.get() + "; it is no longer loaded" : jar + " was not trusted");
            return ExitCode.OK;
        }
    }

    /** A command on one plugin jar. */
    abstract static class OnJar implements Callable<Integer> {
        final CliContext context;
        final Output out;

        @Parameters(paramLabel = "JAR", description = "The jar: its path, or its file name in a plugin directory.")
        String jar;

        OnJar(CliContext context, Output out) {
            this.context = context;
            this.out = out;
        }
    }

    /**
     * {@code jar} as the loader names it (a plugin directory's path joined with the file name), given as a path to
     * the file or as its name in one of the plugin directories; empty when it is in none.
     */
    private static Optional<Path> inPluginDirectory(CliContext context, String jar) {
        Path given = Path.of(jar);
        for (Path directory : context.pluginDirectories()) {
            Path named = directory.toAbsolutePath().normalize().resolve(given.getFileName());
            if (!Files.exists(named)) {
                continue;
            }
            if (given.getNameCount() == 1 && !Files.exists(given)) {
                return Optional.of(named);
            }
            try {
                if (Files.exists(given) && Files.isSameFile(given, named)) {
                    return Optional.of(named);
                }
            } catch (IOException e) {
                // Unreadable: not this directory's jar.
            }
        }
        return Optional.empty();
    }

    private static String directories(CliContext context) {
        return String.join(
                ", ", context.pluginDirectories().stream().map(Object::toString).toList());
    }
}
