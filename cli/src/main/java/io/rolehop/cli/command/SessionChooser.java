package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.ListSessionsUseCase;
import io.rolehop.application.port.in.SessionView;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.terminal.Picker;
import io.rolehop.domain.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session picked on the terminal where a command needs one and none was named ({@code session start} alone, the
 * assumer of a guided {@code session add}); without a terminal the command fails as a usage error (exit 2).
 */
final class SessionChooser {
    private final Provider<ListSessionsUseCase> sessions;
    private final CliEnvironment environment;

    @Inject
    SessionChooser(Provider<ListSessionsUseCase> sessions, CliEnvironment environment) {
        this.sessions = sessions;
        this.environment = environment;
    }

    /** Whether a picker can be shown here. */
    boolean interactive() {
        return environment.terminal().isPresent() && Picker.available();
    }

    /**
     * The id of the session the user picks under {@code title}.
     *
     * @param missing the usage error without a terminal, or when the user gives up
     */
    String choose(String title, String missing) {
        if (!interactive()) {
            throw new UsageException(missing);
        }
        List<Picker.Item> items = new ArrayList<>();
        for (SessionView view : sessions.get().list()) {
            Session s = view.session();
            items.add(new Picker.Item(
                    s.id().value(),
                    String.format(
                            "%-24s %-22s %-10s %s",
                            s.alias(),
                            s.method(),
                            s.status().toString().toLowerCase(java.util.Locale.ROOT),
                            s.profile())));
        }
        if (items.isEmpty()) {
            throw new UsageException("there are no sessions yet; add one with 'rolehop session add'");
        }
        Optional<String> picked = Picker.pick(title, items, 0);
        return picked.orElseThrow(() -> new UsageException("no session chosen; nothing done"));
    }
}
