package io.rolehop.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.rolehop.application.port.out.MfaCodeProvider;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.cli.terminal.ChainedMfaCodeProvider;

/** MFA codes from a configured command or the terminal (a code given on the command line travels in its record). */
public final class TerminalModule extends AbstractModule {

    @Provides
    @Singleton
    MfaCodeProvider mfaCodeProvider(CliEnvironment env, CliState state) {
        return new ChainedMfaCodeProvider(env, state::promptsAllowed);
    }
}
