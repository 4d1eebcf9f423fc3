package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.GenerateCredentialsCommand;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.output.CredentialExport;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        description = "Print the session's credentials for a shell or a tool, starting its chain if needed.",
        footer = {
            "",
            "Formats: env (export K=V), env-no-export (K=V), fish (set -gx K \"V\"), powershell ($Env:K=\"V\"),",
            "windows-cmd (set K=V), dotenv (K=V for .env files), json (credential_process JSON), ini (a section",
            "of the shared credentials file). The shell formats set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,",
            "AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION, AWS_REGION, AWS_DEFAULT_REGION and ROLEHOP_SESSION."
        })
final class ExportCommand implements Callable<Integer> {
    private final Provider<GenerateCredentialsUseCase> generate;
    private final Provider<ListSessionsUseCase> sessions;
    private final CliEnvironment env;

    @Mixin
    SessionArgument session;

    @Mixin
    MfaCodeOption mfa;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "env, env-no-export, fish, powershell, windows-cmd, dotenv, json or ini.")
    String format;

    @Inject
    ExportCommand(
            Provider<GenerateCredentialsUseCase> generate, Provider<ListSessionsUseCase> sessions, CliEnvironment env) {
        this.generate = generate;
        this.sessions = sessions;
        this.env = env;
    }

    @Override
    public Integer call() {
        CredentialExport export = CredentialExport.named(format);
        Session target = session.ref()
                .findIn(sessions.get().list().stream().map(SessionView::session).toList());
        TemporaryCredentials credentials = generate.get()
                .generate(
                        new GenerateCredentialsCommand(SessionRef.of(target.id().value()), mfa.code()));
        // Rendered whole before anything is printed: a value refused by the format leaves stdout empty.
        String text = export == CredentialExport.JSON
                ? CredentialProcessJson.of(credentials) + "\n"
                : export.render(target, credentials);
        env.out().print(text);
        env.out().flush();
        return ExitCode.OK;
    }
}
