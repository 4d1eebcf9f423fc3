package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.EditSessionCommand;
import io.rolehop.application.port.in.EditSessionUseCase;
import io.rolehop.application.spi.AccessMethod;
import io.rolehop.application.spi.FieldSpec;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.plugin.AccessMethodLoader;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.domain.Alias;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Region;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code session edit}: the common options plus every field of every access method; a field the session's method
 * does not have is refused when the command runs. An empty value clears an optional field.
 */
@Command(name = "edit", description = "Change a session. An active session is re-applied with its new settings.")
final class SessionEditCommand implements Callable<Integer> {
    private final CliContext context;
    private final Provider<EditSessionUseCase> edit;
    private final Output out;

    @Spec
    CommandSpec spec;

    @Mixin
    SessionArgument session;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "New alias.")
    String alias;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "New named profile.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "New region.")
    String region;

    @Option(names = "--assumer", paramLabel = "SESSION", description = "New assumer (alias or id).")
    String assumer;

    @Option(names = "--force", description = "Replace a profile section rolehop does not own (backed up first).")
    boolean force;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "How the session hands credentials out from now on:"
                    + " file or credential-process. An active session is re-applied in the new mode.")
    String mode;

    private final RegionCheck regionCheck;

    @Inject
    SessionEditCommand(CliContext context, Provider<EditSessionUseCase> edit, Output out, RegionCheck regionCheck) {
        this.regionCheck = regionCheck;
        this.context = context;
        this.edit = edit;
        this.out = out;
    }

    /** Adds an option for every field of every access method to the edit command. */
    static void addMethodFields(CommandSpec commandSpec, CliContext context) {
        for (AccessMethodLoader.Found found : context.accessMethods()) {
            for (FieldSpec field : found.method().fields()) {
                SessionAddCommand.addFieldOptions(commandSpec, field, true);
            }
        }
    }

    @Override
    public Integer call() {
        List<FieldSpec> fields = new ArrayList<>();
        for (AccessMethodLoader.Found found : context.accessMethods()) {
            AccessMethod method = found.method();
            for (FieldSpec field : method.fields()) {
                if (fields.stream().noneMatch(f -> f.name().equals(field.name()))) {
                    fields.add(field);
                }
            }
        }
        Map<String, String> values =
                SessionAddCommand.fieldValues(spec, fields, new SecretInput(context.environment()), false);
        Session edited = edit.get()
                .edit(new EditSessionCommand(
                        session.ref(),
                        Optional.ofNullable(alias).map(Alias::of),
                        Optional.ofNullable(profile).map(NamedProfile::of),
                        Optional.ofNullable(region).map(Region::of),
                        Optional.ofNullable(assumer).map(SessionRef::of),
                        values,
                        force,
                        Optional.ofNullable(mode).map(DeliveryMode::parse)));
        regionCheck.warnIfUnknown(Optional.ofNullable(region).map(Region::of));
        out.prose("edited '" + edited.alias() + "'"
                + (edited.isActive() ? " (active on profile " + edited.profile() + ")" : ""));
        return ExitCode.OK;
    }
}
