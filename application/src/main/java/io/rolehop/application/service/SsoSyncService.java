package io.rolehop.application.service;

import io.rolehop.application.UsageException;
import io.rolehop.application.port.in.AddSessionCommand;
import io.rolehop.application.port.in.AddSessionUseCase;
import io.rolehop.application.port.in.DeleteSessionCommand;
import io.rolehop.application.port.in.DeleteSessionUseCase;
import io.rolehop.application.port.in.SsoSyncUseCase;
import io.rolehop.application.port.out.IdentityCenter;
import io.rolehop.application.port.out.Pause;
import io.rolehop.application.port.out.WorkspaceStore;
import io.rolehop.application.spi.IdentityCenterAccess;
import io.rolehop.domain.AccessMethodId;
import io.rolehop.domain.Alias;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Session;
import io.rolehop.domain.SessionRef;
import io.rolehop.domain.Workspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Lists every account and role the user is given at a start URL, through the portal's paged listings at a bounded
 * rate (retrying throttled calls with backoff), and makes the workspace hold one {@code aws-sso} session per
 * assignment: new ones added through the ordinary add path, existing ones left as they are, and with {@code prune}
 * those whose assignment is gone removed, unless other sessions assume from them.
 */
public final class SsoSyncService implements SsoSyncUseCase {
    /** At most ten portal calls a second, half the rate at which the portal starts throttling. */
    static final Duration SPACING = Duration.ofMillis(100);

    private record Assignment(String accountId, String accountName, String roleName) {
        String key() {
            return accountId + "/" + roleName;
        }
    }

    private final WorkspaceStore store;
    private final SsoTokens tokens;
    private final IdentityCenter identityCenter;
    private final Pause pause;
    private final AddSessionUseCase add;
    private final DeleteSessionUseCase delete;

    public SsoSyncService(
            WorkspaceStore store,
            SsoTokens tokens,
            IdentityCenter identityCenter,
            Pause pause,
            AddSessionUseCase add,
            DeleteSessionUseCase delete) {
        this.store = store;
        this.tokens = tokens;
        this.identityCenter = identityCenter;
        this.pause = pause;
        this.add = add;
        this.delete = delete;
    }

    @Override
    public Result sync(Command command) {
        checkTemplate(command.aliasTemplate(), "--alias-template", false);
        command.profileTemplate().ifPresent(t -> checkTemplate(t, "--profile-template", true));
        String token = tokens.accessToken(command.startUrl(), command.region());
        AtomicInteger calls = new AtomicInteger();
        PortalPacing pacing = new PortalPacing(pause, SPACING);
        List<Assignment> assignments = assignments(command, token, pacing, calls);

        Workspace workspace = store.load();
        Map<String, Session> existing = new LinkedHashMap<>();
        for (Session s : SsoLogoutService.ofStartUrl(workspace, command.startUrl())) {
            existing.put(
                    s.attribute(IdentityCenterAccess.ACCOUNT_ID).orElse("") + "/"
                            + s.attribute(IdentityCenterAccess.ROLE_NAME).orElse(""),
                    s);
        }
        List<Entry> entries = new ArrayList<>();
        for (Assignment a : assignments) {
            Session known = existing.remove(a.key());
            if (known != null) {
                entries.add(new Entry(
                        Action.UNCHANGED,
                        known.alias().value(),
                        a.accountId(),
                        a.accountName(),
                        a.roleName(),
                        Optional.of(known.profile().name()),
                        Optional.empty()));
                continue;
            }
            String alias = sanitise(fill(command.aliasTemplate(), a, ""), false);
            String profile = sanitise(fill(command.profileTemplate().orElse("{alias}"), a, alias), true);
            if (workspace.find(alias).isPresent()) {
                entries.add(new Entry(
                        Action.SKIPPED,
                        alias,
                        a.accountId(),
                        a.accountName(),
                        a.roleName(),
                        Optional.of(profile),
                        Optional.of("another session is called '" + alias
                                + "'; choose other aliases with --alias-template")));
                continue;
            }
            if (!command.dryRun()) {
                add.add(new AddSessionCommand(
                        AccessMethodId.of(IdentityCenterAccess.METHOD_ID),
                        Alias.of(alias),
                        Optional.of(NamedProfile.of(profile)),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of(
                                IdentityCenterAccess.START_URL, command.startUrl(),
                                IdentityCenterAccess.SSO_REGION,
                                        command.region().code(),
                                IdentityCenterAccess.ACCOUNT_ID, a.accountId(),
                                IdentityCenterAccess.ROLE_NAME, a.roleName())));
                workspace = store.load();
            }
            entries.add(new Entry(
                    Action.ADDED,
                    alias,
                    a.accountId(),
                    a.accountName(),
                    a.roleName(),
                    Optional.of(profile),
                    Optional.empty()));
        }
        for (Session gone : existing.values()) {
            String account = gone.attribute(IdentityCenterAccess.ACCOUNT_ID).orElse("");
            String role = gone.attribute(IdentityCenterAccess.ROLE_NAME).orElse("");
            List<Session> dependents = workspace.dependents(gone.id());
            if (!command.prune()) {
                entries.add(new Entry(
                        Action.KEPT,
                        gone.alias().value(),
                        account,
                        "",
                        role,
                        Optional.of(gone.profile().name()),
                        Optional.of("no longer assigned; --prune removes it")));
            } else if (!dependents.isEmpty()) {
                entries.add(new Entry(
                        Action.KEPT,
                        gone.alias().value(),
                        account,
                        "",
                        role,
                        Optional.of(gone.profile().name()),
                        Optional.of("no longer assigned, but "
                                + dependents.stream()
                                        .map(s -> "'" + s.alias().value() + "'")
                                        .collect(Collectors.joining(", "))
                                + " assume from it; delete them with 'rolehop session delete "
                                + gone.alias().value()
                                + " --cascade'")));
            } else {
                if (!command.dryRun()) {
                    delete.delete(
                            new DeleteSessionCommand(SessionRef.of(gone.id().value()), false));
                }
                entries.add(new Entry(
                        Action.REMOVED,
                        gone.alias().value(),
                        account,
                        "",
                        role,
                        Optional.of(gone.profile().name()),
                        Optional.of("no longer assigned")));
            }
        }
        return new Result(entries, calls.get());
    }

    private List<Assignment> assignments(Command command, String token, PortalPacing pacing, AtomicInteger calls) {
        List<IdentityCenter.Account> accounts = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            Optional<String> page = next;
            IdentityCenter.Page<IdentityCenter.Account> result =
                    pacing.call(counted(calls, () -> identityCenter.listAccounts(command.region(), token, page)));
            accounts.addAll(result.items());
            next = result.nextToken();
        } while (next.isPresent());
        List<Assignment> assignments = new ArrayList<>();
        for (IdentityCenter.Account account : accounts) {
            Optional<String> roleNext = Optional.empty();
            do {
                Optional<String> page = roleNext;
                IdentityCenter.Page<String> roles = pacing.call(counted(
                        calls, () -> identityCenter.listAccountRoles(command.region(), token, account.id(), page)));
                roles.items().forEach(r -> assignments.add(new Assignment(account.id(), account.name(), r)));
                roleNext = roles.nextToken();
            } while (roleNext.isPresent());
        }
        return assignments;
    }

    private static <T> Supplier<T> counted(AtomicInteger calls, Supplier<T> call) {
        return () -> {
            calls.incrementAndGet();
            return call.get();
        };
    }

    private static void checkTemplate(String template, String option, boolean mayNameAlias) {
        String rest = template.replace("{account_name}", "")
                .replace("{account_id}", "")
                .replace("{role_name}", "");
        if (mayNameAlias) {
            rest = rest.replace("{alias}", "");
        }
        if (rest.contains("{") || rest.contains("}")) {
            throw new UsageException(option + " '" + io.rolehop.domain.Text.printable(template) + "' has an unknown"
                    + " placeholder; use {account_name}, {account_id}, {role_name}"
                    + (mayNameAlias ? ", {alias}" : ""));
        }
        if (!template.contains("{role_name}") && !mayNameAlias) {
            throw new UsageException(option + " must contain {role_name} (and {account_name} or {account_id}), so"
                    + " that each role gets its own session");
        }
    }

    private static String fill(String template, Assignment a, String alias) {
        return template.replace("{account_name}", a.accountName())
                .replace("{account_id}", a.accountId())
                .replace("{role_name}", a.roleName())
                .replace("{alias}", alias);
    }

    /** Makes {@code value} a valid alias (or profile name): other characters become '-', at most 64. */
    static String sanitise(String value, boolean profile) {
        String allowed = profile ? "[^A-Za-z0-9._@+=-]" : "[^\\p{L}\\p{N}._@+=:/-]";
        String out = value.strip().replaceAll(allowed, "-").replaceAll("-{2,}", "-");
        out = out.replaceFirst(profile ? "^[^A-Za-z0-9]+" : "^[^\\p{L}\\p{N}]+", "");
        if (out.length() > 64) {
            out = out.substring(0, 64);
        }
        return out.isEmpty() ? "sso" : out;
    }
}
