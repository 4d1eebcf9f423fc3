package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionTree;
import io.rolehop.cli.output.Output;
import io.rolehop.domain.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "tree", description = "Show the assumer forest: each chain root with the sessions assumed from it.")
final class SessionTreeCommand implements Callable<Integer> {
    private final Provider<ListSessionsUseCase> sessions;
    private final Output out;

    @Mixin
    OutputOption output;

    @Inject
    SessionTreeCommand(Provider<ListSessionsUseCase> sessions, Output out) {
        this.sessions = sessions;
        this.out = out;
    }

    @Override
    public Integer call() {
        List<SessionTree> forest = sessions.get().tree();
        if (output.json()) {
            out.json(forest.stream().map(Views::json).toList());
            return ExitCode.OK;
        }
        if (forest.isEmpty()) {
            out.line("No sessions yet.");
        }
        for (SessionTree root : forest) {
            draw(root, "", "", "");
        }
        return ExitCode.OK;
    }

    private void draw(SessionTree node, String lead, String branch, String childLead) {
        Session s = node.session().session();
        out.line(lead + branch + s.alias() + "  [" + s.method() + ", profile " + s.profile() + ", "
                + s.status().label() + "]");
        List<SessionTree> children = node.dependents();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            draw(children.get(i), lead + childLead, last ? "└── " : "├── ", last ? "    " : "│   ");
        }
    }
}
