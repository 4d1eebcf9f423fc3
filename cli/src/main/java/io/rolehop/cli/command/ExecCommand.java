package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.GenerateCredentialsCommand;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.ServeCredentialsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.CliState;
import io.rolehop.cli.server.CredentialServer;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.TemporaryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "exec",
        description = "Run a command with the session's credentials in its environment (AWS_ACCESS_KEY_ID, ...).",
        footer = {
            "",
            "Options go before SESSION; everything after the command's name is the command's own.",
            "SIGTERM, SIGHUP and SIGUSR1 are passed on to the command; SIGINT, which a terminal sends to the",
            "command itself, is left to it. rolehop exits with the command's code.",
            "",
            "Without a command, starts $SHELL (else /bin/sh) with the credentials; ROLEHOP_SESSION names the",
            "session, for a prompt. Leave it with 'exit'."
        })
final class ExecCommand implements Callable<Integer> {
    /** Set in the child's environment: tells a nested rolehop exec which session is in force. */
    static final String MARKER = "ROLEHOP_EXEC_SESSION";
    /** Set in the child's environment to the session's alias, for shell prompts (see docs/handing-out-credentials.md). */
    static final String SESSION_VARIABLE = "ROLEHOP_SESSION";
    /** Variables that would make AWS tools pick other credentials than the ones given. */
    static final List<String> OVERRIDING = List.of(
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN",
            "AWS_CREDENTIAL_EXPIRATION",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_ROLE_ARN",
            "AWS_ROLE_SESSION_NAME",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

    /** Signals passed on to the command as they came. */
    static final List<String> FORWARDED = List.of("TERM", "HUP", "USR1");
    /**
     * Signals the terminal already sends to the command itself; rolehop ignores them while it runs. (SIGQUIT is the
     * JVM's own, a thread dump, and SIGUSR2 is used by the JVM: neither can be taken over.)
     */
    static final List<String> LEFT_TO_THE_COMMAND = List.of("INT");

    private final Provider<GenerateCredentialsUseCase> generate;
    private final Provider<ListSessionsUseCase> sessions;
    private final CliEnvironment env;
    private final CliState state;
    private final Provider<ServeCredentialsUseCase> serve;

    @Parameters(index = "0", paramLabel = "SESSION", description = "Alias or id.")
    String session;

    @Parameters(
            index = "1..*",
            paramLabel = "COMMAND",
            arity = "0..*",
            description = "The command and its arguments; $SHELL when none is given.")
    List<String> command;

    @Option(names = "--force", description = "Run even inside another 'rolehop exec'.")
    boolean force;

    @Mixin
    MfaCodeOption mfa;

    @Option(
            names = "--server",
            description = "Give the command no keys but a credential server on 127.0.0.1 (the"
                    + " container credentials protocol) that refreshes them until the command ends.")
    boolean server;

    @Option(names = "--ec2-server", description = "Likewise, with the EC2 instance metadata protocol (IMDSv2).")
    boolean ec2Server;

    @Inject
    ExecCommand(
            Provider<GenerateCredentialsUseCase> generate,
            Provider<ListSessionsUseCase> sessions,
            CliEnvironment env,
            CliState state,
            Provider<ServeCredentialsUseCase> serve) {
        this.serve = serve;
        this.state = state;
        this.generate = generate;
        this.sessions = sessions;
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (server && ec2Server) {
            throw new UsageException("--server and --ec2-server exclude each other; choose one");
        }
        Optional<String> outer = env.get(MARKER);
        if (outer.isPresent() && !force) {
            throw new UsageException("already inside 'rolehop exec' for session '" + outer.get()
                    + "'; nesting would hide which credentials apply (use --force to nest anyway)");
        }
        // Every word after SESSION is the command's (stop-at-positional), so an optional '--' arrives here.
        List<String> command = this.command == null || this.command.isEmpty()
                ? List.of(shell())
                : "--".equals(this.command.get(0)) ? this.command.subList(1, this.command.size()) : this.command;
        if (command.isEmpty()) {
            throw new UsageException("no command to run after '--'; give one, e.g. 'rolehop exec " + session
                    + " -- aws sts get-caller-identity'");
        }
        Session target = find(session);
        TemporaryCredentials credentials = generate.get()
                .generate(
                        new GenerateCredentialsCommand(SessionRef.of(target.id().value()), mfa.code()));

        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> childEnv = builder.environment();
        childEnv.clear();
        childEnv.putAll(env.childEnvironment());
        OVERRIDING.forEach(childEnv::remove);
        childEnv.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        childEnv.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        childEnv.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        childEnv.put("AWS_CREDENTIAL_EXPIRATION", credentials.expiration().toString());
        childEnv.put("AWS_REGION", target.region().code());
        childEnv.put("AWS_DEFAULT_REGION", target.region().code());
        childEnv.put(MARKER, target.alias().value());
        childEnv.put(SESSION_VARIABLE, target.alias().value());
        CredentialServer local = server || ec2Server ? startServer(target) : null;
        if (local != null) {
            local.pointAt(childEnv);
        }
        boolean realStreams = env.in() == System.in;
        if (realStreams) {
            builder.inheritIO();
        }
        // The handlers go in before the command starts: a signal sent as soon as the command is up (a supervisor
        // that waits for its first output line) must not find the JVM's default action in their place.
        SignalForwarder signals = SignalForwarder.install();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            signals.restore();
            closeServer(local);
            env.err().println("rolehop: cannot run '" + command.get(0) + "': " + e.getMessage());
            return ExitCode.COMMAND_NOT_FOUND;
        }
        // Should the JVM shut down all the same (a signal no handler could take), the command goes with it.
        Thread forward = new Thread(
                () -> {
                    if (process.isAlive()) {
                        process.destroy();
                        try {
                            process.waitFor();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "rolehop-exec-signal");
        Runtime.getRuntime().addShutdownHook(forward);
        signals.attach(process);
        try {
            if (!realStreams) {
                Thread in = pump(env.in(), process.getOutputStream(), true);
                Thread out = pump(process.getInputStream(), env.out(), false);
                Thread err = pump(process.getErrorStream(), env.err(), false);
                int code = process.waitFor();
                out.join();
                err.join();
                in.interrupt();
                return code;
            }
            return process.waitFor();
        } finally {
            signals.restore();
            closeServer(local);
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it ends the child.
            }
        }
    }

    /**
     * A server for {@code target} alone. From now on nothing prompts on the terminal the command owns; an MFA code
     * given with --mfa-code served the first resolution only (it travels in that command's record).
     */
    private CredentialServer startServer(Session target) {
        state.setPromptsAllowed(false);
        try {
            return CredentialServer.forSession(
                    serve.get(),
                    target.alias().value(),
                    ec2Server ? CredentialServer.Protocol.EC2 : CredentialServer.Protocol.CONTAINER,
                    CredentialServer.newToken(),
                    env.clock(),
                    env.err());
        } catch (IOException e) {
            throw new io.rolehop.application.OperationFailedException(
                    "cannot start a credential server on 127.0.0.1: " + e.getMessage());
        }
    }

    private static void closeServer(CredentialServer local) {
        if (local != null) {
            local.close();
        }
    }

    /** The user's shell for an interactive session: {@code $SHELL} when set, else {@code /bin/sh}. */
    private String shell() {
        return env.get("SHELL").filter(s -> !s.isBlank()).orElse("/bin/sh");
    }

    private Session find(String aliasOrId) {
        return SessionRef.of(aliasOrId)
                .findIn(sessions.get().list().stream().map(SessionView::session).toList());
    }

    private static Thread pump(InputStream from, OutputStream to, boolean closeAfter) {
        Thread thread = new Thread(
                () -> {
                    try {
                        from.transferTo(to);
                        to.flush();
                        if (closeAfter) {
                            to.close();
                        }
                    } catch (IOException e) {
                        // The other side went away: nothing more to copy.
                    }
                },
                "rolehop-exec-pipe");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
