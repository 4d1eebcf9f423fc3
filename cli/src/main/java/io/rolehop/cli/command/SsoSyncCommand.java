package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.SsoSyncUseCase;
import io.rolehop.cli.output.Output;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "sync",
        description = "Make one aws-sso session for each account and role you are given at a start"
                + " URL. Run it again at any time: existing sessions are kept as they are.")
final class SsoSyncCommand implements Callable<Integer> {
    private final Provider<SsoSyncUseCase> sync;
    private final Output out;

    @Mixin
    SsoInstanceOptions instance;

    @Option(
            names = "--alias-template",
            paramLabel = "T",
            defaultValue = SsoSyncUseCase.DEFAULT_ALIAS_TEMPLATE,
            description = "Alias of a new session, from {account_name}, {account_id}, {role_name}"
                    + " (default: ${DEFAULT-VALUE}).")
    String aliasTemplate;

    @Option(
            names = "--profile-template",
            paramLabel = "T",
            description =
                    "Named profile of a new session, from the" + " same placeholders and {alias} (default: {alias}).")
    String profileTemplate;

    @Option(
            names = "--prune",
            description = "Delete the sessions of this start URL whose role is no longer given"
                    + " (never one that other sessions assume from).")
    boolean prune;

    @Option(names = "--dry-run", description = "Show what would change; change nothing.")
    boolean dryRun;

    @Mixin
    OutputOption output;

    @Inject
    SsoSyncCommand(Provider<SsoSyncUseCase> sync, Output out) {
        this.sync = sync;
        this.out = out;
    }

    @Override
    public Integer call() {
        SsoSyncUseCase.Result result = sync.get()
                .sync(new SsoSyncUseCase.Command(
                        instance.startUrl,
                        instance.region(),
                        aliasTemplate,
                        Optional.ofNullable(profileTemplate),
                        prune,
                        dryRun));
        if (output.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("startUrl", instance.startUrl);
            doc.put("dryRun", dryRun);
            doc.put("portalCalls", result.portalCalls());
            doc.put(
                    "sessions",
                    result.entries().stream().map(SsoSyncCommand::json).toList());
            out.json(doc);
            return ExitCode.OK;
        }
        if (result.entries().isEmpty()) {
            out.line("IAM Identity Center at " + instance.startUrl + " gives you no account and role.");
            return ExitCode.OK;
        }
        out.table(
                List.of("ACTION", "ALIAS", "ACCOUNT", "ROLE", "PROFILE", "NOTE"),
                result.entries().stream()
                        .map(e -> List.of(
                                (dryRun && e.action() != SsoSyncUseCase.Action.UNCHANGED ? "would be " : "")
                                        + e.action().name().toLowerCase(Locale.ROOT),
                                e.alias(),
                                e.accountId() + (e.accountName().isEmpty() ? "" : " (" + e.accountName() + ")"),
                                e.roleName(),
                                e.profile().orElse(""),
                                e.note().orElse("")))
                        .toList());
        return ExitCode.OK;
    }

    private static Map<String, Object> json(SsoSyncUseCase.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", e.action().name().toLowerCase(Locale.ROOT));
        m.put("alias", e.alias());
        m.put("accountId", e.accountId());
        m.put("accountName", e.accountName());
        m.put("roleName", e.roleName());
        m.put("profile", e.profile().orElse(null));
        m.put("note", e.note().orElse(null));
        return m;
    }
}
