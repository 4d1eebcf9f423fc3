package io.rolehop.cli.wiring;

import io.rolehop.cli.env.CliState;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.terminal.ChainedMfaCodeProvider;

/** MFA codes from the command line, a configured command, or the terminal. */
public final class TerminalModule extends AbstractModule {

    @Provides
    @Singleton
    MfaCodeProvider mfaCodeProvider(CliEnvironment env, CliState state) {
        return new ChainedMfaCodeProvider(env, state::mfaCode, state::promptsAllowed);
    }
}
