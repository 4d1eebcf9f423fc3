package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.cli.server.CredentialServer;
import io.rolehop.cli.server.TokenFile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One long-running credential server for every session of the workspace, until SIGINT or SIGTERM (see
 * docs/handing-out-credentials.md).
 */
@Command(
        name = "serve",
        description = "Serve every session's credentials on 127.0.0.1 (the container credentials protocol) until"
                + " stopped.",
        footer = {
            "",
            "Each session is at http://127.0.0.1:PORT/sessions/ALIAS; a request must carry the token of",
            "$ROLEHOP_HOME/server.token (mode 0600, new at each start, removed at stop) in its Authorization",
            "header. stdout gets the variables to export; a session that needs an MFA code answers 503."
        })
final class ServeCommand implements Callable<Integer> {
    private final Provider<ServeCredentialsUseCase> serve;
    private final Provider<ListSessionsUseCase> sessions;
    private final CliEnvironment env;
    private final CliState state;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port).")
    int port;

    @Inject
    ServeCommand(
            Provider<ServeCredentialsUseCase> serve,
            Provider<ListSessionsUseCase> sessions,
            CliEnvironment env,
            CliState state) {
        this.serve = serve;
        this.sessions = sessions;
        this.env = env;
        this.state = state;
    }

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0 to 65535 (0: any free port), not " + port);
        }
        // Unattended: nobody at a terminal answers a prompt for a request some tool made.
        state.setPromptsAllowed(false);
        List<SessionView> all = sessions.get().list();
        String token = CredentialServer.newToken();
        CredentialServer server;
        try {
            server = CredentialServer.forAllSessions(serve.get(), token, env.clock(), env.err(), port);
        } catch (BindException e) {
            throw new OperationFailedException("port " + port + " on 127.0.0.1 is taken; choose another with --port N"
                    + " (or leave it out for any free port)");
        }
        Path tokenFile;
        try {
            tokenFile = TokenFile.write(env.rolehopHome(), token);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        Runnable stop = () -> {
            server.close();
            TokenFile.removeIfOwn(tokenFile, token);
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stop.run();
                    stopped.countDown();
                },
                "rolehop-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        announce(server, all, tokenFile);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from within the process: the same clean stop as on a signal.
            Thread.currentThread().interrupt();
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running and stops the server itself.
            }
        }
        return ExitCode.OK;
    }

    private void announce(CredentialServer server, List<SessionView> all, Path tokenFile) {
        PrintStream out = env.out();
        out.println("export AWS_CONTAINER_AUTHORIZATION_TOKEN=\"$(cat " + shellQuoted(tokenFile.toString()) + ")\"");
        for (SessionView view : all) {
            out.println("# export AWS_CONTAINER_CREDENTIALS_FULL_URI="
                    + shellQuoted(server.sessionUri(view.session().alias().value())));
        }
        out.flush();
        env.err()
                .println("rolehop: serving " + all.size() + " session(s), and any added later, at " + server.base()
                        + "/sessions/ALIAS; token in " + tokenFile + "; stop with Ctrl-C");
    }

    private static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
