package io.rolehop.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.rolehop.application.ApplicationException;
import io.rolehop.application.InteractionRequiredException;
import io.rolehop.application.port.in.CheckSetupUseCase;
import io.rolehop.cli.env.CliEnvironment;
import io.rolehop.cli.env.LauncherLink;
import io.rolehop.cli.env.Launchers;
import io.rolehop.cli.env.SafePaths;
import io.rolehop.cli.env.StartupArchive;
import io.rolehop.cli.output.Output;
import io.rolehop.cli.plugin.PluginTrust;
import io.rolehop.cli.wiring.CliContext;
import io.rolehop.cli.wiring.SecretStores;
import io.rolehop.domain.DomainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "doctor",
        description = "Check that rolehop works from here: every credential_process line runs a"
                + " launcher that exists and answers, the launcher link under the rolehop home is not dangling, the secret"
                + " store opens (a locked encrypted file is reported, never asked for), the AWS files read, the plugin"
                + " directories are safe, rolehop is on PATH, and the start-up archive serves this directory. Exit 0 when"
                + " healthy, 1 with one line per problem.")
final class DoctorCommand implements Callable<Integer> {
    private static final String OK = "ok";
    private static final String NOTE = "note";
    private static final String PROBLEM = "problem";
    private static final String FIXED = "fixed";

    private final Provider<CheckSetupUseCase> setup;
    private final Provider<SecretStores> stores;
    private final CliContext context;
    private final Output out;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<Path, Optional<String>> launcherRuns = new HashMap<>();

    @Mixin
    OutputOption output;

    @Option(
            names = "--fix",
            description =
                    "Repair what can be repaired: point the launcher link at this launcher and"
                            + " rewrite stale credential_process lines to run it; make the start-up archive for this directory.")
    boolean fix;

    /** One check's outcome: ok, note (worth knowing, not wrong), problem, or fixed. */
    private record Finding(String check, String status, String subject, String detail) {}

    @Inject
    DoctorCommand(Provider<CheckSetupUseCase> setup, Provider<SecretStores> stores, CliContext context, Output out) {
        this.setup = setup;
        this.stores = stores;
        this.context = context;
        this.out = out;
    }

    @Override
    public Integer call() {
        CliEnvironment env = context.environment();
        checkHome(env);
        checkLink(env);
        checkLines(env);
        checkAwsFiles();
        checkSecretStore();
        checkPlugins(env);
        checkPath(env);
        checkStartupArchive(env);
        boolean healthy = findings.stream().noneMatch(f -> f.status().equals(PROBLEM));
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("healthy", healthy);
            json.put(
                    "checks",
                    findings.stream()
                            .map(f -> {
                                Map<String, Object> check = new LinkedHashMap<>();
                                check.put("check", f.check());
                                check.put("status", f.status());
                                check.put("subject", f.subject());
                                check.put("detail", f.detail());
                                return check;
                            })
                            .toList());
            out.json(json);
        } else {
            for (Finding f : findings) {
                out.line(f.status() + ": " + f.subject() + ": " + f.detail());
            }
            long problems =
                    findings.stream().filter(f -> f.status().equals(PROBLEM)).count();
            out.line(
                    healthy
                            ? "rolehop is healthy"
                            : problems + (problems == 1 ? " problem" : " problems") + " found"
                                    + (fix
                                            ? ""
                                            : "; 'rolehop doctor --fix' repairs launcher links and credential_process lines"));
        }
        return healthy ? ExitCode.OK : ExitCode.FAILED;
    }

    private void add(String check, String status, Object subject, String detail) {
        findings.add(new Finding(check, status, subject.toString(), detail));
    }

    private void checkHome(CliEnvironment env) {
        Path home = env.rolehopHome();
        Optional<String> problem =
                SafePaths.problemWithHome(home).or(() -> SafePaths.problemWith(home.resolve("workspace.json")));
        problem.ifPresentOrElse(
                p -> add("home", PROBLEM, home, p),
                () -> add(
                        "home",
                        OK,
                        home,
                        Files.exists(home) ? "belongs to you and no one else can write it" : "not created yet"));
    }

    /** The link credential_process lines name: present and dangling is a problem; --fix points it at this launcher. */
    private void checkLink(CliEnvironment env) {
        Path link = LauncherLink.location(env.rolehopHome());
        if (!Files.isSymbolicLink(link) && !Files.exists(link)) {
            add("launcher-link", OK, link, "not made yet (the first credential_process line makes it)");
            return;
        }
        Optional<String> problem = runs(link);
        if (problem.isPresent() && fix && env.launcher().isPresent() && Files.isSymbolicLink(link)) {
            try {
                LauncherLink.pointAt(env.rolehopHome(), env.launcher().get());
                launcherRuns.clear();
                Optional<String> after = runs(link);
                if (after.isEmpty()) {
                    add(
                            "launcher-link",
                            FIXED,
                            link,
                            "now points at " + env.launcher().get());
                    return;
                }
                problem = after;
            } catch (ApplicationException e) {
                problem = Optional.of(problem.get() + "; --fix could not re-point it: " + e.getMessage());
            }
        }
        problem.ifPresentOrElse(
                p -> add(
                        "launcher-link",
                        PROBLEM,
                        link,
                        p + (fix ? "" : "; run 'rolehop doctor" + " --fix' to point it at this launcher")),
                () -> add("launcher-link", OK, link, "runs " + target(link)));
    }

    private void checkLines(CliEnvironment env) {
        List<CheckSetupUseCase.CredentialProcessLine> lines;
        try {
            lines = setup.get().credentialProcessLines();
        } catch (ApplicationException | DomainException e) {
            add("workspace", PROBLEM, env.rolehopHome().resolve("workspace.json"), e.getMessage());
            return;
        }
        Path link = LauncherLink.location(env.rolehopHome());
        for (CheckSetupUseCase.CredentialProcessLine line : lines) {
            String subject = "profile " + line.profile();
            Optional<String> problem = problemWith(line, link);
            if (problem.isPresent() && fix) {
                try {
                    CheckSetupUseCase.CredentialProcessLine rewritten =
                            setup.get().rewrite(line.session());
                    launcherRuns.clear();
                    Optional<String> after = problemWith(rewritten, link);
                    if (after.isEmpty()) {
                        add(
                                "credential-process",
                                FIXED,
                                subject,
                                "session '" + line.session() + "' now runs "
                                        + rewritten.command().orElse(""));
                        continue;
                    }
                    problem = after;
                } catch (ApplicationException | DomainException e) {
                    problem = Optional.of(problem.get() + "; --fix could not rewrite it: " + e.getMessage());
                }
            }
            problem.ifPresentOrElse(
                    p -> add(
                            "credential-process",
                            PROBLEM,
                            subject,
                            "session '" + line.session() + "': " + p + (fix ? "" : "; run 'rolehop doctor --fix'")),
                    () -> add(
                            "credential-process",
                            OK,
                            subject,
                            "session '" + line.session() + "' runs "
                                    + line.command().orElse("")));
        }
    }

    private Optional<String> problemWith(CheckSetupUseCase.CredentialProcessLine line, Path link) {
        if (line.command().isEmpty()) {
            return Optional.of("the profile's credential_process line is gone from the config file");
        }
        Optional<Launchers.Split> split = Launchers.firstWord(line.command().get());
        if (split.isEmpty() || !split.get().rest().equals(line.arguments())) {
            return Optional.of("the line '" + line.command().get() + "' is not the one rolehop writes ('... "
                    + line.arguments() + "')");
        }
        Path launcher = Path.of(split.get().word());
        Optional<String> runs = runs(launcher);
        if (runs.isPresent()) {
            return Optional.of("its launcher " + launcher + " " + runs.get());
        }
        if (!launcher.equals(link)) {
            return Optional.of("it runs " + launcher + " directly, which breaks when that distribution moves or is"
                    + " upgraded; rolehop's lines run the link " + link);
        }
        return Optional.empty();
    }

    private Optional<String> runs(Path launcher) {
        return launcherRuns.computeIfAbsent(
                launcher, l -> Launchers.problemRunning(l, context.environment().env()));
    }

    private void checkAwsFiles() {
        CliEnvironment env = context.environment();
        List<CheckSetupUseCase.FileProblem> problems;
        try {
            problems = setup.get().awsFileProblems();
        } catch (ApplicationException | DomainException e) {
            add("aws-file", PROBLEM, env.rolehopHome(), e.getMessage());
            return;
        }
        for (Path file : List.of(env.credentialsFile(), env.configFile())) {
            Optional<CheckSetupUseCase.FileProblem> problem =
                    problems.stream().filter(p -> p.file().equals(file)).findFirst();
            problem.ifPresentOrElse(
                    p -> add("aws-file", PROBLEM, file, withoutPrefix(p.problem(), file + " ")),
                    () -> add(
                            "aws-file",
                            OK,
                            file,
                            Files.exists(file) ? "reads as the AWS CLI reads it" : "does not exist yet"));
        }
        problems.stream()
                .filter(p -> !List.of(env.credentialsFile(), env.configFile()).contains(p.file()))
                .forEach(p -> add("aws-file", PROBLEM, p.file(), p.problem()));
    }

    /** Opens the secret store without asking for anything: a locked encrypted file is a note, not a problem. */
    private void checkSecretStore() {
        String check = "secret-store";
        SecretStores secretStores;
        SecretStores.Selection selection;
        try {
            secretStores = stores.get();
            selection = secretStores.selection();
        } catch (ApplicationException | DomainException e) {
            add(check, PROBLEM, "secret store", e.getMessage());
            return;
        }
        String subject = "secret store " + selection.name();
        try {
            if (selection.name().equals(SecretStores.ENCRYPTED_FILE)) {
                Path vault = secretStores.encryptedFileVault().location();
                Optional<Instant> until = secretStores.encryptedFileVault().unlockedUntil();
                if (!Files.exists(vault)) {
                    add(check, OK, subject, "no secrets stored yet (" + vault + " is made with the first)");
                    return;
                }
                if (until.isEmpty()
                        && context.environment().get("ROLEHOP_VAULT_PASSPHRASE").isEmpty()) {
                    add(
                            check,
                            NOTE,
                            subject,
                            "locked: " + vault + " opens when a command needs it and asks for its"
                                    + " passphrase on the terminal; 'rolehop secrets unlock' keeps its key for this login");
                    return;
                }
                int count = secretStores
                        .open(SecretStores.ENCRYPTED_FILE)
                        .keys("session/")
                        .size();
                add(
                        check,
                        OK,
                        subject,
                        "opens (" + count + (count == 1 ? " secret" : " secrets")
                                + until.map(u -> ", unlocked until " + u).orElse(", with ROLEHOP_VAULT_PASSPHRASE")
                                + ")");
                return;
            }
            int count = secretStores.open(selection.name()).keys("session/").size();
            add(check, OK, subject, "opens (" + count + (count == 1 ? " secret)" : " secrets)"));
        } catch (InteractionRequiredException e) {
            add(check, NOTE, subject, "locked: " + e.getMessage());
        } catch (ApplicationException e) {
            add(check, PROBLEM, subject, e.getMessage());
        }
    }

    private void checkPlugins(CliEnvironment env) {
        List<Path> directories = context.pluginDirectories();
        boolean safe = true;
        for (Path path : concat(directories, env.rolehopHome().resolve("plugins.sha256"))) {
            Optional<String> problem = SafePaths.problemWith(path);
            if (problem.isPresent()) {
                add("plugins", PROBLEM, path, problem.get());
                safe = false;
            }
        }
        if (!safe) {
            return;
        }
        List<String> unreadable = new ArrayList<>();
        List<PluginTrust.Jar> jars = context.pluginTrust().survey(directories, unreadable::add);
        unreadable.forEach(w -> add("plugins", PROBLEM, "plugins", w));
        for (PluginTrust.Jar jar : jars) {
            switch (jar.state()) {
                case CHANGED:
                    add(
                            "plugins",
                            PROBLEM,
                            jar.path(),
                            "changed since it was trusted, so it is not loaded; trust it"
                                    + " again with 'rolehop plugins trust' if the change is yours");
                    break;
                case UNTRUSTED:
                    add("plugins", NOTE, jar.path(), "not trusted, so not loaded ('rolehop plugins trust' loads it)");
                    break;
                case MISSING:
                    add("plugins", NOTE, jar.path(), "trusted but no longer there");
                    break;
                default:
                    add("plugins", OK, jar.path(), "trusted and unchanged");
            }
        }
        add(
                "plugins",
                OK,
                String.join(", ", directories.stream().map(Path::toString).toList()),
                "safe: no other user can write them");
    }

    private void checkPath(CliEnvironment env) {
        Optional<Path> found = Launchers.onPath(env.env());
        found.ifPresentOrElse(
                p -> add("path", OK, "PATH", "rolehop is " + p),
                () -> add(
                        "path",
                        PROBLEM,
                        "PATH",
                        "no rolehop on PATH; add "
                                + env.launcher()
                                        .map(l -> l.getParent().toString())
                                        .orElse("the distribution's bin directory")
                                + " to PATH, or link bin/rolehop into a directory"
                                + " on it"));
    }

    /** The full command's class data sharing archive: missing or stale is a note (slower, not wrong). */
    private void checkStartupArchive(CliEnvironment env) {
        Optional<StartupArchive> archive = StartupArchive.of(env);
        if (archive.isEmpty()) {
            return;
        }
        Path path = archive.get().path();
        StartupArchive.State state = archive.get().state(env.env());
        if (state == StartupArchive.State.IN_USE) {
            add("startup-archive", OK, path, "in use");
            return;
        }
        String why = state == StartupArchive.State.MISSING
                ? "none for this directory"
                : "made for another directory, Java runtime or jars, so unused";
        if (!fix) {
            add(
                    "startup-archive",
                    NOTE,
                    path,
                    why + ": commands start slower; 'rolehop doctor --fix' makes it (rolehop runs for some seconds on"
                            + " made-up data)");
            return;
        }
        Optional<String> problem = archive.get().make(env.env());
        if (problem.isEmpty() && archive.get().state(env.env()) == StartupArchive.State.IN_USE) {
            add("startup-archive", FIXED, path, "made for this directory");
        } else {
            add(
                    "startup-archive",
                    NOTE,
                    path,
                    why + "; --fix could not make it: " + problem.orElse("the JVM does not map it"));
        }
    }

    private static String withoutPrefix(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static String target(Path link) {
        try {
            return Files.isSymbolicLink(link) ? link.toRealPath().toString() : link.toString();
        } catch (java.io.IOException e) {
            return link.toString();
        }
    }

    private static List<Path> concat(List<Path> first, Path last) {
        List<Path> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
