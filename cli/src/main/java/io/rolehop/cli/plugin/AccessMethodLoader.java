package io.rolehop.cli.plugin;

import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.AccessMethodChecks;
import io.rolehop.domain.AccessMethodId;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds access methods: the ones in rolehop's own modules and those in the trusted jars of the plugin directories,
 * each plugin jar in a module layer of its own (or, when rolehop itself runs on the class path, a class loader of its
 * own). A jar that is not trusted, or changed since it was trusted, is never opened as code. A broken provider or jar,
 * or one not trusted, costs one warning naming it; every other method keeps working. Only this class calls
 * {@link ServiceLoader}.
 */
public final class AccessMethodLoader {

    /** A method found, and where from. */
    public record Found(AccessMethod method, String source) {
        public boolean builtIn() {
            return BUILT_IN.equals(source);
        }
    }

    private static final String BUILT_IN = "built-in";

    private final List<Path> pluginDirectories;
    private final PluginTrust trust;
    private final Consumer<String> warnings;

    /** The built-in methods only. */
    public AccessMethodLoader(Consumer<String> warnings) {
        this(List.of(), PluginTrust.none(), warnings);
    }

    public AccessMethodLoader(List<Path> pluginDirectories, PluginTrust trust, Consumer<String> warnings) {
        this.pluginDirectories = List.copyOf(pluginDirectories);
        this.trust = trust;
        this.warnings = warnings;
    }

    /** Every method found, built-in ones first; duplicates of an id already found are rejected with a warning. */
    public List<Found> load() {
        Map<String, Found> byId = new LinkedHashMap<>();
        ModuleLayer own = AccessMethodLoader.class.getModule().getLayer();
        ServiceLoader<AccessMethod> builtIn = own != null
                ? ServiceLoader.load(own, AccessMethod.class)
                : ServiceLoader.load(AccessMethod.class, AccessMethodLoader.class.getClassLoader());
        collect(builtIn, BUILT_IN, byId);
        for (Path directory : pluginDirectories) {
            for (Path jar : jarsIn(directory, warnings)) {
                if (trusted(jar)) {
                    loadJar(jar, own).ifPresent(loader -> collect(loader, jar.toString(), byId));
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private boolean trusted(Path jar) {
        PluginTrust.State state;
        try {
            state = trust.check(jar).state();
        } catch (RuntimeException e) {
            warnings.accept("plugin " + jar + " cannot be read (" + describe(e) + "); skipped");
            return false;
        }
        switch (state) {
            case TRUSTED:
                return true;
            case CHANGED:
                warnings.accept("plugin " + jar + " changed since it was trusted; skipped (check it, then run"
                        + " 'rolehop plugins trust " + jar + "' again)");
                return false;
            default:
                warnings.accept("plugin " + jar + " is not trusted; skipped (check it, then run 'rolehop plugins"
                        + " trust " + jar + "')");
                return false;
        }
    }

    /** The {@code *.jar} files directly in {@code directory}, in name order; none if it does not exist. */
    static List<Path> jarsIn(Path directory, Consumer<String> warnings) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
            stream.forEach(out::add);
        } catch (IOException e) {
            warnings.accept("cannot read plugin directory " + directory + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private Optional<ServiceLoader<AccessMethod>> loadJar(Path jar, ModuleLayer own) {
        try {
            if (own != null) {
                ModuleFinder finder = ModuleFinder.of(jar);
                Set<ModuleReference> found = finder.findAll();
                if (found.isEmpty()) {
                    warnings.accept("plugin " + jar + " is not a readable jar; skipped");
                    return Optional.empty();
                }
                List<String> names =
                        found.stream().map(r -> r.descriptor().name()).toList();
                Configuration configuration = own.configuration().resolveAndBind(finder, ModuleFinder.of(), names);
                ModuleLayer layer =
                        own.defineModulesWithOneLoader(configuration, AccessMethodLoader.class.getClassLoader());
                return Optional.of(ServiceLoader.load(layer, AccessMethod.class));
            }
            URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, AccessMethodLoader.class.getClassLoader());
            return Optional.of(ServiceLoader.load(AccessMethod.class, loader));
        } catch (RuntimeException | IOException e) {
            warnings.accept("plugin " + jar + " cannot be loaded (" + describe(e) + "); skipped");
            return Optional.empty();
        }
    }

    private void collect(ServiceLoader<AccessMethod> loader, String source, Map<String, Found> byId) {
        var iterator = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<AccessMethod> provider;
            try {
                if (!iterator.hasNext()) {
                    return;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError e) {
                warnings.accept("plugin " + source + " has a broken access method (" + describe(e) + "); skipped");
                continue;
            }
            AccessMethod method;
            try {
                method = provider.get();
                AccessMethodId.of(method.id());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                warnings.accept("plugin " + source + ": access method "
                        + provider.type().getName() + " cannot be created (" + describe(e) + "); skipped");
                continue;
            }
            Optional<String> problem = AccessMethodChecks.problemWith(method);
            if (problem.isPresent()) {
                warnings.accept(
                        "plugin " + source + ": access method '" + method.id() + "' " + problem.get() + "; skipped");
                continue;
            }
            // A plugin's own class loader may see classes of the rolehop modules that are also built in.
            if (byId.containsKey(method.id())) {
                Found first = byId.get(method.id());
                if (!first.method().getClass().equals(method.getClass())) {
                    warnings.accept("plugin " + source + ": access method id '" + method.id()
                            + "' is already provided by " + first.source() + "; skipped");
                }
                continue;
            }
            byId.put(method.id(), new Found(method, source));
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
