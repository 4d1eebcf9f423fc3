package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.ConsoleOpened;
import io.rolehop.application.port.in.OpenConsoleCommand;
import io.rolehop.application.port.in.OpenConsoleUseCase;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Region;
import io.rolehop.domain.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "console",
        description = "Sign in to the AWS web console as the session, in its own browser context, or print the"
                + " sign-in URL.")
final class ConsoleCommand implements Callable<Integer> {
    private final Provider<OpenConsoleUseCase> console;
    private final Output out;

    @Mixin
    SessionArgument session;

    @Mixin
    MfaCodeOption mfa;

    @Option(
            names = "--print",
            description = "Print the sign-in URL on stdout instead of opening a browser. The URL"
                    + " signs anyone in who opens it within 15 minutes.")
    boolean print;

    @Option(names = "--region", paramLabel = "R", description = "The console's region. Default: the session's.")
    String region;

    @Option(
            names = "--destination",
            paramLabel = "URL",
            description = "The console page to land on, an https URL. Default: the region's console home.")
    String destination;

    @Option(
            names = "--browser",
            paramLabel = "CMD",
            description = "The browser command line (the URL is appended, or replaces %%s). Default: ROLEHOP_BROWSER,"
                    + " then BROWSER, then xdg-open (open on macOS).")
    String browser;

    @Option(names = "--no-logout", description = "Do not sign out of a console already open in the browser first.")
    boolean noLogout;

    @Inject
    ConsoleCommand(Provider<OpenConsoleUseCase> console, Output out) {
        this.console = console;
        this.out = out;
    }

    @Override
    public Integer call() {
        Optional<String> command = Optional.ofNullable(browser).map(String::strip);
        if (command.filter(String::isEmpty).isPresent()) {
            throw new UsageException("--browser is empty; give a browser command such as 'firefox', or leave it out");
        }
        ConsoleOpened opened = console.get()
                .open(new OpenConsoleCommand(
                        session.ref(),
                        Optional.ofNullable(region).map(Region::of),
                        Optional.ofNullable(destination).map(ConsoleCommand::destination),
                        command,
                        !print,
                        !noLogout,
                        mfa.code()));
        if (print) {
            out.line(opened.url().toString());
        } else {
            out.line("opened the AWS console of '" + opened.session() + "' (" + opened.region() + ") in the browser");
        }
        return ExitCode.OK;
    }

    private static URI destination(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("invalid --destination '" + Text.printable(value) + "'; give a console URL such as"
                + " https://console.aws.amazon.com/s3/home");
    }
}
