package io.rolehop.application.port.in;

import io.rolehop.domain.Region;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Makes one {@code aws-sso} session per account and role the user is given at a start URL. */
public interface SsoSyncUseCase {

    /** The alias template used when none is given. */
    String DEFAULT_ALIAS_TEMPLATE = "{account_name}-{role_name}";

    /**
     * @param aliasTemplate with {@code {account_name}}, {@code {account_id}}, {@code {role_name}}
     * @param profileTemplate the same placeholders and {@code {alias}}; empty to let add choose
     * @param prune remove sessions of this start URL whose assignment is gone (never one others assume from)
     * @param dryRun say what would change, change nothing
     */
    record Command(
            String startUrl,
            Region region,
            String aliasTemplate,
            Optional<String> profileTemplate,
            boolean prune,
            boolean dryRun) {
        public Command {
            Objects.requireNonNull(startUrl, "startUrl");
            io.rolehop.domain.StartUrl.of(startUrl);
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(aliasTemplate, "aliasTemplate");
            Objects.requireNonNull(profileTemplate, "profileTemplate");
        }
    }

    /** What happened to one assignment or session. */
    enum Action {
        ADDED,
        UNCHANGED,
        REMOVED,
        KEPT,
        SKIPPED
    }

    /** One line of the outcome; {@code note} says why for KEPT and SKIPPED. */
    record Entry(
            Action action,
            String alias,
            String accountId,
            String accountName,
            String roleName,
            Optional<String> profile,
            Optional<String> note) {}

    /** Every entry, and how many portal calls the sync made (throttled attempts included). */
    record Result(List<Entry> entries, int portalCalls) {
        public Result {
            entries = List.copyOf(entries);
        }
    }

    Result sync(Command command);
}
