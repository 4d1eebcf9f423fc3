package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.SsoLoginUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.output.Output;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        description = "Log in to IAM Identity Center for a start URL: in the browser (authorization"
                + " code with PKCE) or with a user code (--use-device-code, or when no browser can be opened). One login"
                + " serves every session of the start URL and is renewed without a browser.")
final class SsoLoginCommand implements Callable<Integer> {
    private final Provider<SsoLoginUseCase> login;
    private final Output out;
    private final CliEnvironment env;

    @Mixin
    SsoInstanceOptions instance;

    @Option(
            names = "--scopes",
            split = ",",
            paramLabel = "SCOPE",
            description = "Scopes to register (default: sso:account:access).")
    List<String> scopes = new ArrayList<>();

    @Option(names = "--use-device-code", description = "Confirm a user code on any device instead of the browser.")
    boolean deviceCode;

    @Option(names = "--no-browser", description = "Open no browser: print the URL and user code only.")
    boolean noBrowser;

    @Option(
            names = "--browser",
            paramLabel = "CMD",
            description =
                    "The command that opens the URL (default:" + " ROLEHOP_BROWSER, BROWSER, then xdg-open or open).")
    String browser;

    @Inject
    SsoLoginCommand(Provider<SsoLoginUseCase> login, Output out, CliEnvironment env) {
        this.login = login;
        this.out = out;
        this.env = env;
    }

    @Override
    public Integer call() {
        SsoLoginUseCase.Flow flow =
                deviceCode ? SsoLoginUseCase.Flow.DEVICE_CODE : SsoLoginUseCase.Flow.AUTHORIZATION_CODE;
        SsoLoginUseCase.Result result = login.get()
                .login(new SsoLoginUseCase.Command(
                        instance.startUrl,
                        instance.region(),
                        scopes,
                        flow,
                        !noBrowser,
                        Optional.ofNullable(browser),
                        this::tell));
        out.line("logged in to " + result.startUrl() + " until " + result.expiresAt()
                + (result.refreshable() ? " (renewed without a browser after that)" : ""));
        return ExitCode.OK;
    }

    /** What the user must see while the login runs goes to stderr: stdout stays for the result. */
    private void tell(SsoLoginUseCase.Prompt prompt) {
        String url = prompt.url().map(URI::toString).orElse("");
        switch (prompt.kind()) {
            case BROWSER_OPENED ->
                env.err().println("rolehop: opened the browser to log in; if it did not show," + " open " + url);
            case NO_BROWSER ->
                env.err().println("rolehop: no browser could be opened here; using a user code" + " instead");
            case DEVICE_CODE -> {
                env.err()
                        .println("rolehop: to log in, open " + url + " and confirm the code "
                                + prompt.userCode().orElse("")
                                + prompt.complete()
                                        .map(c -> " (or open " + c + ")")
                                        .orElse(""));
                env.err().println("rolehop: waiting for the confirmation...");
            }
        }
    }
}
