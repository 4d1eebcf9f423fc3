package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.RegionsUseCase;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.application.spi.FieldValidator;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.terminal.Questions;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code session add METHOD} on a terminal with values missing: asks for each one not given, in the order of the
 * session form (alias, named profile, region, the method's fields, assumer), defaults offered, each answer checked
 * as it is typed; the assumer is picked from the sessions. Without a terminal nothing is asked (see
 * docs/cli-reference.md, "Guided session add").
 */
final class GuidedAdd {
    private final CliEnvironment environment;
    private final Provider<RegionsUseCase> regions;
    private final SessionChooser chooser;
    private final Provider<ListSessionsUseCase> sessions;

    /** Every value of the form, given or answered. */
    record Answers(
            String alias,
            Optional<String> profile,
            Optional<String> region,
            Optional<String> assumer,
            Map<String, String> fields) {}

    @Inject
    GuidedAdd(
            CliEnvironment environment,
            Provider<RegionsUseCase> regions,
            SessionChooser chooser,
            Provider<ListSessionsUseCase> sessions) {
        this.sessions = sessions;
        this.environment = environment;
        this.regions = regions;
        this.chooser = chooser;
    }

    /** Whether questions can be asked here: a terminal is there. */
    boolean possible() {
        return environment.terminal().isPresent();
    }

    /** Whether {@code given} misses a value the method needs (then, on a terminal, the form is asked). */
    static boolean missing(AccessMethod method, Answers given) {
        return given.alias() == null
                || method.requiresAssumer() && given.assumer().isEmpty()
                || method.fields().stream()
                        .anyMatch(f -> f.required()
                                && !given.fields().containsKey(f.name())
                                && f.sensitivity() != FieldSpec.Sensitivity.SECRET);
    }

    /** {@code given} with every missing value asked for; secrets are left to the no-echo prompt that follows. */
    Answers ask(AccessMethod method, Answers given) {
        Questions questions = new Questions(environment.terminal().orElseThrow());
        String alias = given.alias() != null
                ? given.alias()
                : questions
                        .ask("Session alias", Optional.empty(), true, false, parsing(Alias::of))
                        .orElseThrow();
        Optional<String> profile = given.profile().isPresent() ? given.profile() : askProfile(questions, alias);
        Optional<String> region = given.region().isPresent()
                ? given.region()
                : questions.ask(
                        "Region", Optional.of(regions.get().getDefault().code()), true, false, parsing(Region::of));
        Map<String, String> fields = new LinkedHashMap<>(given.fields());
        for (FieldSpec field : method.fields()) {
            if (field.sensitivity() == FieldSpec.Sensitivity.SECRET || fields.containsKey(field.name())) {
                continue;
            }
            questions
                    .ask(label(field), field.defaultValue(), field.required(), false, field.validator()::problem)
                    .filter(answer ->
                            field.defaultValue().map(d -> !d.equals(answer)).orElse(true))
                    .ifPresent(answer -> fields.put(field.name(), answer));
        }
        Optional<String> assumer = given.assumer();
        if (method.requiresAssumer() && assumer.isEmpty()) {
            assumer = Optional.of(
                    chooser.interactive()
                            ? chooser.choose("Assumer session:", "the assumer is needed: give --assumer SESSION")
                            : questions
                                    .ask(
                                            "Assumer session (alias or id)",
                                            Optional.empty(),
                                            true,
                                            false,
                                            answer -> Optional.empty())
                                    .orElseThrow());
        }
        return new Answers(alias, profile, region, assumer, fields);
    }

    /**
     * The named profile, the one a session added without one would get offered: {@code default} while no session
     * uses it, else the alias (when it is a valid profile name); the profiles in use are listed.
     */
    private Optional<String> askProfile(Questions questions, String alias) {
        Set<String> used = new TreeSet<>();
        sessions.get().list().forEach(view -> used.add(view.session().profile().name()));
        Optional<String> offered = !used.contains("default")
                ? Optional.of("default")
                : parsing(NamedProfile::of).apply(alias).isEmpty() && !used.contains(alias)
                        ? Optional.of(alias)
                        : Optional.empty();
        String label = "Named profile" + (used.isEmpty() ? "" : " (in use: " + String.join(", ", used) + ")");
        return questions.ask(label, offered, true, false, parsing(NamedProfile::of));
    }

    /** "Role ARN, e.g. arn:aws:iam::..." from the field's help: its first clause, capitalised. */
    static String label(FieldSpec field) {
        String text = SecretInput.clause(field).replaceFirst("^the ", "");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Function<String, Optional<String>> parsing(Function<String, ?> parser) {
        return FieldValidator.parsing(parser)::problem;
    }
}
