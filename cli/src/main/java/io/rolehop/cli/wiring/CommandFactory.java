package io.rolehop.cli.wiring;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.cli.output.Output;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import picocli.CommandLine;

/**
 * Creates the commands: a class with an {@code @Inject} constructor gets its parameters from the composition root,
 * any other class is left to picocli's default factory (as picocli's Spring factory does). A {@code Provider<X>}
 * parameter is resolved only when the command calls {@code get()}: picocli creates every command of the tree before
 * it parses, and {@code --help}, {@code --version} or {@code profile list} must not build the graph or load a plugin.
 */
public final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final Output output;

    public CommandFactory(CliContext context) {
        this.context = context;
        this.output = new Output(context.environment().out());
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(Inject.class)) {
                Type[] parameters = constructor.getGenericParameterTypes();
                Object[] arguments = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    arguments[i] = argument(parameters[i]);
                }
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(arguments));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }

    private static final String COMMANDS = "io.rolehop.cli.command";

    private Object argument(Type type) throws Exception {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Provider.class) {
            Class<?> provided = (Class<?>) parameterized.getActualTypeArguments()[0];
            Provider<Object> lazy = () -> context.get(provided);
            return lazy;
        }
        if (type == CliContext.class) {
            return context;
        }
        if (type == CliEnvironment.class) {
            return context.environment();
        }
        if (type == CliState.class) {
            return context.state();
        }
        if (type == Output.class) {
            return output;
        }
        Class<?> wanted = (Class<?>) type;
        if (wanted.getPackageName().equals(COMMANDS)) {
            // A command's helper (a region check, a prompt) is built like the command, without the Guice graph.
            return create(wanted);
        }
        return context.get(wanted);
    }
}
