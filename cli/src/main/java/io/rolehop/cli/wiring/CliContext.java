package io.rolehop.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.rolehop.adapters.filesystem.PluginTrustFile;
import io.rolehop.application.OperationFailedException;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.cli.env.SafePaths;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.plugin.PluginTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a command needs from the composition root. Nothing is built before a command asks: {@code --help} and
 * {@code --version} load no adapter, and the Guice graph is created on first use.
 */
public final class CliContext {
    private static final String TRUST_FILE = "plugins.sha256";
    private static final String WORKSPACE_FILE = "workspace.json";
    private final CliEnvironment environment;
    private final List<Module> overrides;
    private final CliState state = new CliState();
    private List<AccessMethodLoader.Found> accessMethods;
    private Injector injector;
    private boolean debug;

    public CliContext(CliEnvironment environment, List<Module> overrides) {
        this.environment = environment;
        this.overrides = List.copyOf(overrides);
    }

    public CliEnvironment environment() {
        return environment;
    }

    public CliState state() {
        return state;
    }

    public boolean debug() {
        return debug;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    /**
     * The access methods, built-in and from trusted plugin jars; warnings about broken, untrusted or changed jars go
     * to stderr once. Only commands that need a method call this: the others never load a plugin.
     */
    public synchronized List<AccessMethodLoader.Found> accessMethods() {
        if (accessMethods == null) {
            requireSafe(pluginDirectories());
            accessMethods = new AccessMethodLoader(
                            pluginDirectories(),
                            pluginTrust(),
                            warning -> environment.err().println("rolehop: warning: " + warning))
                    .load();
        }
        return accessMethods;
    }

    /** The record of the plugin jars the user trusted ({@code $ROLEHOP_HOME/plugins.sha256}). */
    public PluginTrustFile pluginTrustFile() {
        requireSafe(List.of(environment.rolehopHome().resolve(TRUST_FILE)));
        return new PluginTrustFile(environment.rolehopHome().resolve(TRUST_FILE));
    }

    public PluginTrust pluginTrust() {
        return new PluginTrust(pluginTrustFile());
    }

    /**
     * Refuses, with one line naming the path and its mode, a rolehop home, workspace file or any of {@code more}
     * that another user could write or that belongs to another user, and, as root, a home to be created in another
     * user's directory.
     */
    private void requireSafe(List<Path> more) {
        Path home = environment.rolehopHome();
        Optional<String> problem = SafePaths.problemWithHome(home);
        for (Path path : concat(List.of(home.resolve(WORKSPACE_FILE)), more)) {
            problem = problem.or(() -> SafePaths.problemWith(path));
        }
        problem.ifPresent(p -> {
            throw new OperationFailedException(p);
        });
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Where plugin jars are looked for: {@code $ROLEHOP_HOME/plugins}, then the distribution's {@code plugins/}. */
    public List<Path> pluginDirectories() {
        List<Path> directories = new ArrayList<>();
        directories.add(environment.rolehopHome().resolve("plugins"));
        environment.distribution().map(d -> d.resolve("plugins")).ifPresent(directories::add);
        return directories;
    }

    /** An instance from the composition root. */
    public <T> T get(Class<T> type) {
        return injector().getInstance(type);
    }

    private synchronized Injector injector() {
        if (injector == null) {
            requireSafe(List.of());
            Module production = Modules.combine(
                    new EnvironmentModule(environment, state),
                    new FilesystemModule(),
                    new AwsModule(),
                    new AccessMethodsModule(this::accessMethods),
                    new TerminalModule(),
                    new UseCaseModule(),
                    new ConsoleModule(),
                    new BrowserModule(),
                    new LoginModule());
            injector = Guice.createInjector(Modules.override(production).with(overrides));
        }
        return injector;
    }
}
