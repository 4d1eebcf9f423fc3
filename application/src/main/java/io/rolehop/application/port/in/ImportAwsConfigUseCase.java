package io.rolehop.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the AWS CLI's profiles into sessions (see docs/user-guide/migrating.md, "From the AWS CLI"): static keys
 * become IAM user sessions, {@code role_arn} with {@code source_profile} role-chained sessions assumed from the
 * imported source, IAM Identity Center profiles {@code aws-sso} sessions when that access method is installed. What
 * cannot be imported is reported with the reason. Importing only reads the AWS files and is idempotent; adopting
 * takes the profiles over, and {@link #restore} gives them back.
 */
public interface ImportAwsConfigUseCase {

    /**
     * @param profiles the profiles to import, with the sources their chains need; empty for all
     * @param adopt take the profiles over: rolehop's sessions write to the profiles' own names, the original sections
     *     are kept in the secret store, and the plain-text keys leave the credentials file
     * @param dryRun only plan: nothing is written anywhere
     */
    record Command(List<String> profiles, boolean adopt, boolean dryRun) {
        public Command {
            profiles = List.copyOf(Objects.requireNonNull(profiles, "profiles"));
        }
    }

    /** What happens to one profile. */
    enum Action {
        ADD("add"),
        UPDATE("update"),
        UNCHANGED("unchanged"),
        SKIP("skip");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One profile of the plan.
     *
     * @param profile the AWS CLI profile
     * @param action what happens to it
     * @param alias the session's alias (not for a skipped profile)
     * @param method the access method's id
     * @param assumer the alias of the session it is assumed from
     * @param target the named profile the session writes to
     * @param detail why it is skipped, or what changed; may be empty
     */
    record Item(
            String profile,
            Action action,
            Optional<String> alias,
            Optional<String> method,
            Optional<String> assumer,
            Optional<String> target,
            String detail) {
        public Item {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(assumer, "assumer");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The items, sources before the sessions assumed from them, then the skipped profiles. */
    record Plan(List<Item> items, boolean adopted) {
        public Plan {
            items = List.copyOf(Objects.requireNonNull(items, "items"));
        }
    }

    /** One profile given back by {@link #restore}, or left alone with the reason. */
    record Restored(String profile, boolean restored, String detail) {
        public Restored {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Plans the import and, unless a dry run, carries it out. */
    Plan importProfiles(Command command);

    /**
     * Puts back, byte for byte, every section an adoption took over; the sessions stay and move to profiles that do
     * not collide with the restored ones.
     */
    List<Restored> restore();
}
