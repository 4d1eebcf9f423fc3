package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.ProfilesUseCase;
import io.rolehop.cli.completion.CompletionScripts;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.wiring.CliContext;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "completion",
        description = "Print the shell completion script for bash, zsh or fish.",
        footer = {
            "",
            "bash: source <(rolehop completion bash)",
            "zsh:  source <(rolehop completion zsh)",
            "fish: rolehop completion fish | source"
        })
final class CompletionCommand implements Callable<Integer> {
    private final CliContext context;
    private final Output out;
    private final Provider<ListSessionsUseCase> sessions;
    private final Provider<ProfilesUseCase> profiles;

    @Parameters(
            arity = "0..1",
            paramLabel = "SHELL",
            completionCandidates = Shells.class,
            description = "bash, zsh or fish.")
    String shell;

    /** What the scripts call as TAB is pressed: one value per line, from the workspace alone. */
    @Option(names = "--candidates", hidden = true, paramLabel = "KIND")
    String candidates;

    /** The context builds the whole command tree and lists the access methods, as the plugin commands do. */
    @Inject
    CompletionCommand(
            CliContext context,
            Output out,
            Provider<ListSessionsUseCase> sessions,
            Provider<ProfilesUseCase> profiles) {
        this.context = context;
        this.out = out;
        this.sessions = sessions;
        this.profiles = profiles;
    }

    @Override
    public Integer call() {
        if (candidates != null) {
            candidates(candidates).forEach(out::line);
            return 0;
        }
        if (shell == null || !CompletionScripts.SHELLS.contains(shell)) {
            throw new UsageException((shell == null ? "no shell given" : "no completion for the shell '" + shell + "'")
                    + "; name one of bash, zsh or fish, e.g. 'rolehop completion bash'");
        }
        // The whole tree, with each access method's subcommand of 'session add' and its options.
        CommandLine tree = Commands.whole(context);
        out.line(CompletionScripts.script(shell, tree));
        return 0;
    }

    private List<String> candidates(String kind) {
        return switch (kind) {
            case "sessions" ->
                sessions.get().list().stream()
                        .map(s -> s.session().alias().value())
                        .toList();
            case "profiles" ->
                profiles.get().list().stream().map(p -> p.profile().name()).toList();
            case "methods" ->
                context.accessMethods().stream()
                        .map(found -> found.method().id())
                        .toList();
            default -> List.of();
        };
    }

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CompletionScripts.SHELLS.iterator();
        }
    }
}
