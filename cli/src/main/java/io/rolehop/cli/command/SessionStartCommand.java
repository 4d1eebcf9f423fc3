package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start", description = "Resolve the session's chain and write its credentials to its named profile.")
final class SessionStartCommand implements Callable<Integer> {
    private final Provider<StartSessionUseCase> start;
    private final Output out;
    private final SessionChooser chooser;

    @Parameters(
            paramLabel = "SESSION",
            arity = "0..1",
            description = "Alias or id. Left out on a terminal: pick the session from a list.")
    String session;

    @Mixin
    MfaCodeOption mfa;

    @Option(names = "--force", description = "Replace a profile section rolehop does not own (backed up first).")
    boolean force;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "file: write keys to the credentials file; credential-process: write a credential_process "
                    + "line to the config file so tools ask rolehop for fresh credentials. Kept for later starts. "
                    + "Default: the session's mode (a new session gets the workspace setting default-mode).")
    String mode;

    @Mixin
    OutputOption output;

    @Inject
    SessionStartCommand(Provider<StartSessionUseCase> start, Output out, SessionChooser chooser) {
        this.chooser = chooser;
        this.start = start;
        this.out = out;
    }

    @Override
    public Integer call() {
        String chosen = session != null
                ? session
                : chooser.choose(
                        "Start session:",
                        "missing SESSION: name the session to start (see 'rolehop session list'); on a terminal,"
                                + " 'rolehop session start' alone offers a list to pick from");
        StartResult result = start.get()
                .start(new StartSessionCommand(
                        SessionRef.of(chosen), force, Optional.ofNullable(mode).map(DeliveryMode::parse), mfa.code()));
        Session s = result.session();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("alias", s.alias().value());
            json.put("id", s.id().value());
            json.put("profile", s.profile().name());
            json.put("changed", result.changed());
            json.put("mode", s.mode().label());
            json.put("expiration", s.expiration().map(Object::toString).orElse(null));
            json.put(
                    "stopped",
                    result.stopped().stream().map(x -> x.alias().value()).toList());
            out.json(json);
            return ExitCode.OK;
        }
        for (Session stopped : result.stopped()) {
            out.prose("stopped '" + stopped.alias() + "' (it was active on profile " + stopped.profile() + ")");
        }
        String until =
                s.expiration().map(io.rolehop.cli.output.Timestamps::human).orElse("?");
        out.prose(
                result.changed()
                        ? "started '" + s.alias() + "' on profile " + s.profile()
                                + (s.mode() == DeliveryMode.CREDENTIAL_PROCESS ? " (credential_process)" : "")
                                + ", valid until " + until
                        : "'" + s.alias() + "' is already active on profile " + s.profile() + ", valid until " + until);
        return ExitCode.OK;
    }
}
