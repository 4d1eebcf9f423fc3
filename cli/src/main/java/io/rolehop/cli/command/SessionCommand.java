package io.rolehop.cli.command;

import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.in.GenerateCredentialsUseCase;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.LogoutSessionUseCase;
import io.rolehop.application.port.in.RotateAccessKeyUseCase;
import io.rolehop.application.port.in.SessionTree;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.application.port.in.StartResult;
import io.rolehop.application.port.in.StartSessionCommand;
import io.rolehop.application.port.in.StartSessionUseCase;
import io.rolehop.application.port.in.StopSessionUseCase;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.DeliveryMode;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.TemporaryCredentials;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "session",
        description = "Add, start, stop and inspect sessions.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            SessionAddCommand.class,
            SessionCommand.ListCommand.class,
            SessionCommand.TreeCommand.class,
            SessionCommand.StartCommand.class,
            SessionCommand.StopCommand.class,
            SessionCommand.DeleteCommand.class,
            SessionCommand.LogoutCommand.class,
            SessionCommand.RotateKeysCommand.class,
            SessionEditCommand.class,
            SessionCommand.CurrentCommand.class,
            SessionCommand.GenerateCommand.class
        })
final class SessionCommand {

    @Command(name = "list", description = "List the sessions: id, alias, method, profile, region, status, assumer, expiry.")
    static final class ListCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<SessionView> sessions = context.get(ListSessionsUseCase.class).list();
            print(context, output, sessions);
            return 0;
        }
    }

    static void print(CliContext context, OutputOption output, List<SessionView> sessions) {
        Output out = new Output(context.environment().out());
        if (output.json()) {
            out.json(sessions.stream().map(Views::json).toList());
        } else if (sessions.isEmpty()) {
            out.line("No sessions yet. Add one with 'rolehop session add aws-iam-user --alias NAME --access-key-id ID'.");
        } else {
            out.table(Views.HEADERS, sessions.stream().map(Views::row).toList());
        }
    }

    @Command(name = "tree", description = "Show the assumer forest: each chain root with the sessions assumed from it.")
    static final class TreeCommand implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        OutputOption output;

        TreeCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<SessionTree> forest = context.get(ListSessionsUseCase.class).tree();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(forest.stream().map(Views::json).toList());
                return 0;
            }
            if (forest.isEmpty()) {
                out.line("No sessions yet.");
            }
            for (SessionTree root : forest) {
                draw(out, root, "", "", "");
            }
            return 0;
        }

        private static void draw(Output out, SessionTree node, String lead, String branch, String childLead) {
            Session s = node.session().session();
            out.line(lead + branch + s.alias() + "  [" + s.method() + ", profile " + s.profile() + ", "
                    + s.status().label() + "]");
            List<SessionTree> children = node.dependents();
            for (int i = 0; i < children.size(); i++) {
                boolean last = i == children.size() - 1;
                draw(out, children.get(i), lead + childLead, last ? "└── " : "├── ", last ? "    " : "│   ");
            }
        }
    }

    @Command(name = "start", description = "Resolve the session's chain and write its credentials to its named profile.")
    static final class StartCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "SESSION", description = "Alias or id.")
        String session;

        @Option(names = "--mfa-code", paramLabel = "CODE", description = "The current code of the chain root's MFA device.")
        String mfaCode;

        @Option(names = "--force", description = "Replace a profile section rolehop does not own (backed up first).")
        boolean force;

        @Option(names = "--mode", paramLabel = "MODE",
                description = "file: write keys to the credentials file; credential-process: write a credential_process "
                        + "line to the config file so tools ask rolehop for fresh credentials. Kept for later starts. "
                        + "Default: the session's mode (a new session gets the workspace setting default-mode).")
        String mode;

        @Mixin
        OutputOption output;

        StartCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.state().setMfaCode(Optional.ofNullable(mfaCode));
            StartResult result = context.get(StartSessionUseCase.class).start(new StartSessionCommand(session, force,
                    Optional.ofNullable(mode).map(DeliveryMode::parse)));
            Session s = result.session();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
                json.put("alias", s.alias().value());
                json.put("id", s.id().value());
                json.put("profile", s.profile().name());
                json.put("changed", result.changed());
                json.put("mode", s.mode().label());
                json.put("expiration", s.expiration().map(Object::toString).orElse(null));
                json.put("stopped", result.stopped().stream().map(x -> x.alias().value()).toList());
                out.json(json);
                return 0;
            }
            for (Session stopped : result.stopped()) {
                out.line("stopped '" + stopped.alias() + "' (it was active on profile " + stopped.profile() + ")");
            }
            String until = s.expiration().map(Object::toString).orElse("?");
            out.line(result.changed()
                    ? "started '" + s.alias() + "' on profile " + s.profile()
                            + (s.mode() == DeliveryMode.CREDENTIAL_PROCESS ? " (credential_process)" : "")
                            + ", valid until " + until
                    : "'" + s.alias() + "' is already active on profile " + s.profile() + ", valid until " + until);
            return 0;
        }
    }

    @Command(name = "stop", description = "Remove the session's credentials from its named profile.")
    static final class StopCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "SESSION", description = "Alias or id.")
        String session;

        StopCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            boolean changed = context.get(StopSessionUseCase.class).stop(session);
            new Output(context.environment().out()).line(changed ? "stopped '" + session + "'" : "'" + session + "' was not active");
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a session, its secrets and cached credentials.")
    static final class DeleteCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "SESSION", description = "Alias or id.")
        String session;

        @Option(names = "--cascade", description = "Also delete the sessions assumed from this one, at any depth.")
        boolean cascade;

        DeleteCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Session> deleted = context.get(DeleteSessionUseCase.class).delete(session, cascade);
            Output out = new Output(context.environment().out());
            deleted.forEach(s -> out.line("deleted '" + s.alias() + "'"));
            return 0;
        }
    }

    @Command(name = "logout", description = "Forget every cached credential of the session and of the sessions"
            + " assumed from it, its MFA session token included: the next start calls STS and asks for a code again.")
    static final class LogoutCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "SESSION", description = "Alias or id.")
        String session;

        LogoutCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<Session> forgotten = context.get(LogoutSessionUseCase.class).logout(session);
            Output out = new Output(context.environment().out());
            forgotten.forEach(s -> out.line("forgot the cached credentials of '" + s.alias() + "'"
                    + (s.isActive() ? " (profile " + s.profile() + " keeps its credentials until they expire;"
                            + " 'rolehop session stop' removes them)" : "")));
            return 0;
        }
    }

    @Command(name = "rotate-keys", description = "Replace the IAM user's access key with a new one and delete the old"
            + " one; the session keeps a working key whatever fails.")
    static final class RotateKeysCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "SESSION", description = "Alias or id of an aws-iam-user session.")
        String session;

        @Option(names = "--mfa-code", paramLabel = "CODE", description = "The current code of the user's MFA device.")
        String mfaCode;

        @Mixin
        OutputOption output;

        RotateKeysCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.state().setMfaCode(Optional.ofNullable(mfaCode));
            RotateAccessKeyUseCase.Rotated rotated = context.get(RotateAccessKeyUseCase.class).rotate(session);
            Session s = rotated.session();
            Output out = new Output(context.environment().out());
            if (output.json()) {
                java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
                json.put("alias", s.alias().value());
                json.put("id", s.id().value());
                json.put("oldAccessKeyId", rotated.oldAccessKeyId());
                json.put("newAccessKeyId", rotated.newAccessKeyId());
                json.put("forgotten", rotated.forgotten().stream().map(x -> x.alias().value()).toList());
                out.json(json);
                return 0;
            }
            out.table(List.of("SESSION", "OLD ACCESS KEY ID", "NEW ACCESS KEY ID", "STATUS"),
                    List.of(List.of(s.alias().value(), rotated.oldAccessKeyId(), rotated.newAccessKeyId(),
                            "old key deleted")));
            return 0;
        }
    }

    @Command(name = "current", description = "Show the active sessions, or the one on a profile.")
    static final class CurrentCommand implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--profile", paramLabel = "PROFILE", description = "Only the session active on this profile.")
        String profile;

        @Mixin
        OutputOption output;

        CurrentCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Optional<NamedProfile> filter = Optional.ofNullable(profile).map(NamedProfile::stored);
            List<SessionView> active = context.get(ListSessionsUseCase.class).current(filter);
            Output out = new Output(context.environment().out());
            if (output.json()) {
                out.json(active.stream().map(Views::json).toList());
            } else if (active.isEmpty()) {
                out.line(filter.map(p -> "No session is active on profile " + p + ".").orElse("No session is active."));
            } else {
                out.table(Views.HEADERS, active.stream().map(Views::row).toList());
            }
            return 0;
        }
    }

    @Command(name = "generate",
            description = "Print the session's credentials as credential_process JSON (Version 1), refreshing them if needed.")
    static final class GenerateCommand implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "SESSION", description = "Alias or id.")
        String session;

        @Option(names = "--mfa-code", paramLabel = "CODE", description = "The current code of the chain root's MFA device.")
        String mfaCode;

        GenerateCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            context.state().setMfaCode(Optional.ofNullable(mfaCode));
            TemporaryCredentials c = context.get(GenerateCredentialsUseCase.class).generate(session);
            context.environment().out().println(CredentialProcessJson.of(c));
            return 0;
        }
    }
}
