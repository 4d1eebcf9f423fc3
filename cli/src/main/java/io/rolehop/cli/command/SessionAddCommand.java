package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.output.OutputFormat;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code session add METHOD}: one subcommand per access method found, its options built from the method's fields.
 */
@Command(
        name = "add",
        description = "Add a session. Each access method is a subcommand with options of its own.",
        synopsisSubcommandLabel = "METHOD")
final class SessionAddCommand {
    private final CliContext context;
    private final Provider<AddSessionUseCase> add;
    private final Provider<ListSessionsUseCase> sessions;
    private final Output out;
    private final RegionCheck regionCheck;
    private final GuidedAdd guide;

    @Inject
    SessionAddCommand(
            CliContext context,
            Provider<AddSessionUseCase> add,
            Provider<ListSessionsUseCase> sessions,
            Output out,
            RegionCheck regionCheck,
            GuidedAdd guide) {
        this.regionCheck = regionCheck;
        this.guide = guide;
        this.context = context;
        this.add = add;
        this.sessions = sessions;
        this.out = out;
    }

    /** Adds one subcommand per access method to {@code add}, the command line of this command. */
    void addMethodSubcommands(CommandLine add) {
        for (AccessMethodLoader.Found found : context.accessMethods()) {
            AccessMethod method = found.method();
            CommandSpec spec = CommandSpec.wrapWithoutInspection(new AddMethod(method));
            ((AddMethod) spec.userObject()).spec = spec;
            spec.name(method.id());
            spec.usageMessage().description(method.displayName() + ": " + method.description());
            // On a terminal a missing value is asked for (GuidedAdd) rather than refused by the parser.
            boolean required = !guide.possible();
            spec.addOption(OptionSpec.builder("--alias")
                    .paramLabel("ALIAS")
                    .required(required)
                    .type(String.class)
                    .description("Unique name of the session. Required.")
                    .build());
            spec.addOption(OptionSpec.builder("--profile")
                    .paramLabel("PROFILE")
                    .type(String.class)
                    .description("Named profile its credentials go to (default: default).")
                    .build());
            spec.addOption(OptionSpec.builder("--region")
                    .paramLabel("REGION")
                    .type(String.class)
                    .description("Region (default: the workspace default region).")
                    .build());
            if (method.requiresAssumer()) {
                spec.addOption(OptionSpec.builder("--assumer")
                        .paramLabel("SESSION")
                        .required(required)
                        .type(String.class)
                        .description("Alias or id of the session whose credentials assume this one. Required.")
                        .build());
            }
            for (FieldSpec field : method.fields()) {
                addFieldOptions(spec, field, false);
            }
            spec.addOption(OptionSpec.builder("-o", "--output")
                    .paramLabel("FORMAT")
                    .type(OutputFormat.class)
                    .defaultValue("table")
                    .description("table or json.")
                    .build());
            spec.mixinStandardHelpOptions(true);
            add.addSubcommand(method.id(), spec);
        }
    }

    /** Adds {@code --NAME} (or {@code --NAME-stdin} for secrets, plus a refusing {@code --NAME}). */
    static void addFieldOptions(CommandSpec spec, FieldSpec field, boolean forEdit) {
        if (spec.findOption("--" + field.name()) != null) {
            return;
        }
        String help = field.help()
                + field.defaultValue().map(d -> " (default: " + d + ")").orElse("")
                + (field.required() && !forEdit ? " Required." : "");
        if (field.sensitivity() == FieldSpec.Sensitivity.SECRET) {
            spec.addOption(OptionSpec.builder("--" + field.name() + "-stdin")
                    .arity("0")
                    .type(boolean.class)
                    .description("Read " + field.name() + " from the first line of standard input"
                            + (forEdit ? "." : "; otherwise it is asked without echo."))
                    .build());
            spec.addOption(OptionSpec.builder("--" + field.name())
                    .paramLabel("NEVER")
                    .type(String.class)
                    .hidden(true)
                    .build());
        } else {
            spec.addOption(OptionSpec.builder("--" + field.name())
                    .paramLabel(field.name().toUpperCase(java.util.Locale.ROOT))
                    .type(String.class)
                    .description(help)
                    .build());
        }
    }

    /** Collects field values from parsed options; secrets from stdin or a prompt (when {@code promptMissing}). */
    static Map<String, String> fieldValues(
            CommandSpec spec, Iterable<FieldSpec> fields, SecretInput secrets, boolean promptMissing) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            if (field.sensitivity() == FieldSpec.Sensitivity.SECRET) {
                OptionSpec plain = spec.findOption("--" + field.name());
                if (plain != null && plain.getValue() != null) {
                    throw SecretInput.plainFlagRefused(field);
                }
                OptionSpec stdin = spec.findOption("--" + field.name() + "-stdin");
                if (stdin != null && Boolean.TRUE.equals(stdin.getValue())) {
                    values.put(field.name(), secrets.fromStdin(field));
                } else if (promptMissing && field.required()) {
                    values.put(field.name(), secrets.prompt(field));
                }
            } else {
                OptionSpec option = spec.findOption("--" + field.name());
                if (option != null && option.getValue() != null) {
                    values.put(field.name(), option.getValue());
                }
            }
        }
        return values;
    }

    final class AddMethod implements Callable<Integer> {
        private final AccessMethod method;
        CommandSpec spec;

        AddMethod(AccessMethod method) {
            this.method = method;
        }

        @Override
        public Integer call() {
            GuidedAdd.Answers answers = new GuidedAdd.Answers(
                    value("--alias").orElse(null),
                    value("--profile"),
                    value("--region"),
                    value("--assumer"),
                    fieldValues(
                            spec,
                            method.fields().stream()
                                    .filter(f -> f.sensitivity() != FieldSpec.Sensitivity.SECRET)
                                    .toList(),
                            null,
                            false));
            if (GuidedAdd.missing(method, answers) && guide.possible()) {
                answers = guide.ask(method, answers);
            }
            Alias alias = Alias.of(answers.alias());
            Optional<NamedProfile> profile = answers.profile().map(NamedProfile::of);
            Optional<Region> region = answers.region().map(Region::of);
            regionCheck.warnIfUnknown(region);
            Optional<String> assumer = answers.assumer();
            Map<String, String> fields = new LinkedHashMap<>(answers.fields());
            fields.putAll(fieldValues(spec, method.fields(), new SecretInput(context.environment()), true));
            Session session = add.get()
                    .add(new AddSessionCommand(
                            AccessMethodId.of(method.id()), alias, profile, region, assumer, fields));
            if (spec.findOption("--output").getValue() == OutputFormat.json) {
                out.json(Views.json(new SessionView(
                        session,
                        method.displayName(),
                        assumer.map(a -> sessions.get().list().stream()
                                .filter(v -> v.session()
                                        .id()
                                        .equals(session.assumer().orElse(null)))
                                .map(v -> v.session().alias().value())
                                .findFirst()
                                .orElse(a)))));
            } else {
                out.prose("added '" + session.alias() + "' (" + method.id() + ", id " + session.id() + ", profile "
                        + session.profile() + ", region " + session.region() + ")");
            }
            return ExitCode.OK;
        }

        private Optional<String> value(String option) {
            OptionSpec spec = this.spec.findOption(option);
            return spec == null ? Optional.empty() : Optional.ofNullable(spec.getValue());
        }
    }
}
