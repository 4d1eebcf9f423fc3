package io.rolehop.cli.wiring;

import io.rolehop.cli.env.CliEnvironment;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.env.CliState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command needs from the composition root. Nothing is built before a command asks: {@code --help} and
 * {@code --version} load no adapter, and the Guice graph is created on first use.
 */
public final class CliContext {
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

    /** The access methods, built-in and from plugins; warnings about broken plugins go to stderr once. */
    public synchronized List<AccessMethodLoader.Found> accessMethods() {
        if (accessMethods == null) {
            accessMethods = new AccessMethodLoader(pluginDirectories(),
                    warning -> environment.err().println("rolehop: warning: " + warning)).load();
        }
        return accessMethods;
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
            Module production = Modules.combine(
                    new EnvironmentModule(environment, state),
                    new FilesystemModule(),
                    new AwsModule(),
                    new AccessMethodsModule(accessMethods()),
                    new TerminalModule(),
                    new UseCaseModule());
            injector = Guice.createInjector(Modules.override(production).with(overrides));
        }
        return injector;
    }
}
