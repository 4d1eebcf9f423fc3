package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.GenerateCredentialsCommand;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.domain.TemporaryCredentials;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "generate",
        description =
                "Print the session's credentials as credential_process JSON (Version 1), refreshing them if needed.")
final class SessionGenerateCommand implements Callable<Integer> {
    private final Provider<GenerateCredentialsUseCase> generate;
    private final CliEnvironment environment;

    @Mixin
    SessionArgument session;

    @Mixin
    MfaCodeOption mfa;

    @Inject
    SessionGenerateCommand(Provider<GenerateCredentialsUseCase> generate, CliEnvironment environment) {
        this.generate = generate;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TemporaryCredentials c = generate.get().generate(new GenerateCredentialsCommand(session.ref(), mfa.code()));
        environment.out().println(CredentialProcessJson.of(c));
        return ExitCode.OK;
    }
}
