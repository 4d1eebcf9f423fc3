package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ImportAwsConfigUseCase;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Item;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Plan;
import io.rolehop.application.port.in.ImportAwsConfigUseCase.Restored;
import io.rolehop.cli.output.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rolehop import aws-config}: the AWS CLI's profiles as sessions (docs/user-guide/migrating.md). */
@Command(
        name = "aws-config",
        description = {
            "Make sessions of the AWS CLI's profiles (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE): static keys become"
                    + " aws-iam-user sessions, role_arn with source_profile aws-iam-role-chained ones, IAM Identity Center"
                    + " profiles aws-sso ones when that method is installed.",
            "The AWS files are only read, unless --adopt takes the profiles over; --restore gives them back."
        })
final class ImportAwsConfigCommand implements Callable<Integer> {
    private final Provider<ImportAwsConfigUseCase> useCase;
    private final Output out;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOption output;

    @Option(
            names = "--profile",
            paramLabel = "P",
            description = "Import this profile (and the sources its chain needs); repeatable. Default: all.")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(
            names = "--adopt",
            description =
                    "Take the profiles over: their sections are kept in the secret store"
                            + " and replaced by rolehop's (credential_process), and the plain-text keys leave the credentials file.")
    boolean adopt;

    @Option(names = "--restore", description = "Put back every section --adopt took over, byte for byte.")
    boolean restore;

    @Inject
    ImportAwsConfigCommand(Provider<ImportAwsConfigUseCase> useCase, Output out) {
        this.useCase = useCase;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (restore) {
            if (adopt || dryRun || !profiles.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--restore takes no other option but -o: it puts back everything --adopt took over");
            }
            return restore();
        }
        Plan plan = useCase.get().importProfiles(new ImportAwsConfigUseCase.Command(profiles, adopt, dryRun));
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", dryRun);
            json.put("adopt", adopt);
            json.put(
                    "items",
                    plan.items().stream().map(ImportAwsConfigCommand::json).toList());
            out.json(json);
            return ExitCode.OK;
        }
        if (plan.items().isEmpty()) {
            out.line("No profiles found in the AWS CLI's files.");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Item item : plan.items()) {
            rows.add(List.of(
                    item.profile(),
                    item.action().label(),
                    item.alias().orElse(""),
                    item.method().orElse(""),
                    item.assumer().orElse(""),
                    item.target().orElse(""),
                    item.detail()));
        }
        out.table(List.of("PROFILE", "ACTION", "ALIAS", "METHOD", "ASSUMER", "WRITES TO", "DETAIL"), rows);
        if (dryRun) {
            out.line("Dry run: nothing was changed.");
        }
        return ExitCode.OK;
    }

    private Integer restore() {
        List<Restored> restored = useCase.get().restore();
        if (output.json()) {
            out.json(restored.stream()
                    .map(r -> {
                        Map<String, Object> json = new LinkedHashMap<>();
                        json.put("profile", r.profile());
                        json.put("restored", r.restored());
                        json.put("detail", r.detail());
                        return json;
                    })
                    .toList());
        } else if (restored.isEmpty()) {
            out.line("Nothing to restore: no profile was taken over with --adopt.");
        } else {
            restored.forEach(
                    r -> out.line((r.restored() ? "restored " : "left alone ") + r.profile() + ": " + r.detail()));
        }
        return restored.stream().allMatch(Restored::restored) ? ExitCode.OK : ExitCode.FAILED;
    }

    private static Map<String, Object> json(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", item.profile());
        json.put("action", item.action().label());
        json.put("alias", item.alias().orElse(null));
        json.put("method", item.method().orElse(null));
        json.put("assumer", item.assumer().orElse(null));
        json.put("writesTo", item.target().orElse(null));
        json.put("detail", item.detail().isEmpty() ? null : item.detail());
        return json;
    }
}
