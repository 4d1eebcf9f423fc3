package io.rolehop.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What an import did, or with a dry run would do: one entry per session found in the foreign setup.
 *
 * @param dryRun whether nothing was changed
 */
public record ImportReport(boolean dryRun, List<Entry> entries) {
    public ImportReport {
        entries = List.copyOf(entries);
    }

    /** What happened to one session. */
    public enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED,
        SKIPPED
    }

    /**
     * @param source the session's name in the foreign setup
     * @param alias the rolehop alias it has or would have; empty when skipped before one was chosen
     * @param outcome what was done
     * @param detail one line: the method and profile, why it was skipped, or what the user still has to do
     */
    public record Entry(String source, String alias, Outcome outcome, String detail) {
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
