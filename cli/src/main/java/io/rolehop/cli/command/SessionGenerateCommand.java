package io.rolehop.cli.command;

import io.rolehop.application.port.in.GenerateCredentialsCommand;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.domain.TemporaryCredentials;
import com.google.inject.Inject;
import com.google.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "generate",
        description = "Print the session's credentials as credential_process JSON (Version 1), refreshing them if needed.")
final class SessionGenerateCommand implements Callable<Integer> {
    private final Provider<GenerateCredentialsUseCase> generate;
    private final CliState state;
    private final CliEnvironment environment;

    @Mixin
    SessionArgument session;

    @Mixin
    MfaCodeOption mfa;

    @Inject
    SessionGenerateCommand(Provider<GenerateCredentialsUseCase> generate, CliState state, CliEnvironment environment) {
        this.generate = generate;
        this.state = state;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        state.setMfaCode(mfa.code());
        TemporaryCredentials c = generate.get().generate(new GenerateCredentialsCommand(session.ref()));
        environment.out().println(CredentialProcessJson.of(c));
        return ExitCode.OK;
    }
}
