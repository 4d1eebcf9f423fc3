package io.rolehop.cli.browser;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.UsageException;
import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.application.port.out.WebBrowser;
import io.rolehop.domain.Text;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link WebBrowser} that starts a browser command line, for {@code sso login} and {@code console} alike
 * (docs/user-guide/console.md#which-browser).
 *
 * <p>The command is the one given for the run ({@code --browser}), and then only that one. Otherwise the candidates
 * are, in order: {@code ROLEHOP_BROWSER}, each entry of {@code BROWSER} (colon-separated), then the default for the
 * context: {@code xdg-open} where a display is set ({@code DISPLAY} or {@code WAYLAND_DISPLAY}) or {@code open} on
 * macOS for a plain one, {@code firefox} for a Firefox container, the first Chromium-family browser on the
 * {@code PATH} for a Chromium profile. The first candidate that starts opens the URL; one whose program is not on the
 * {@code PATH}, or that exits with an error within {@link #QUICK_FAILURE}, gives way to the next.
 *
 * <p>A command is split at white space; in each word {@code %s} stands for the URL, {@code %%} for {@code %} and
 * {@code %c} for {@code :}; without any {@code %s} the URL is appended. For a Firefox container the URL becomes an
 * {@code ext+container:} URL (the "Open external links in a container" extension opens it); for a Chromium profile
 * {@code --user-data-dir=$ROLEHOP_HOME/browser-profiles/<session id>} is passed just before the URL.
 *
 * <p>The browser runs in rolehop's environment, with its output discarded (stdout may carry a JSON document) and is
 * not waited for, except to notice a command that fails at once. No message holds the URL.
 */
public final class CommandLineBrowser implements WebBrowser {
    /** Chromium-family browsers looked for on the PATH for a per-session profile, in this order. */
    static final List<String> CHROMIUM_FAMILY = List.of(
            "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "brave-browser", "microsoft-edge");
    /** How long to watch for a browser command that fails at once (xdg-open finding no browser). */
    static final Duration QUICK_FAILURE = Duration.ofSeconds(1);
    /** Where programs are looked for when the environment has no PATH. */
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Map<String, String> environment;
    private final Path rolehopHome;
    private final boolean macOs;
    private final Duration quickFailure;

    /**
     * @param environment the process environment: {@code ROLEHOP_BROWSER}, {@code BROWSER}, the display and
     *     {@code PATH} are read from it, and the browser runs in it
     * @param rolehopHome the rolehop home, under which Chromium profiles are kept
     * @param macOs whether rolehop runs on macOS (where {@code open} starts applications)
     */
    public CommandLineBrowser(Map<String, String> environment, Path rolehopHome, boolean macOs) {
        this(environment, rolehopHome, macOs, QUICK_FAILURE);
    }

    /** With {@code quickFailure} as the time a failing browser command is given to exit. */
    CommandLineBrowser(Map<String, String> environment, Path rolehopHome, boolean macOs, Duration quickFailure) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.rolehopHome = Objects.requireNonNull(rolehopHome, "rolehopHome");
        this.macOs = macOs;
        this.quickFailure = Objects.requireNonNull(quickFailure, "quickFailure");
    }

    @Override
    public boolean tryOpen(URI url, Optional<String> command) {
        return start(url, Optional.empty(), command).isEmpty();
    }

    @Override
    public void open(URI url, BrowserContext context, Optional<String> command) {
        start(url, Optional.of(context), command).ifPresent(notStarted -> {
            throw new OperationFailedException("could not start a browser (" + notStarted
                    + "); give one with --browser CMD or ROLEHOP_BROWSER, or print the URL with --print");
        });
    }

    /**
     * Tries each candidate until one starts.
     *
     * @return empty once a browser started, else why none did (each attempt, never the URL)
     */
    private Optional<String> start(URI url, Optional<BrowserContext> context, Optional<String> command) {
        List<String> notApplicable = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (Candidate candidate : candidates(context, command, notApplicable)) {
            Optional<String> failure = start(candidate, url, context);
            if (failure.isEmpty()) {
                return Optional.empty();
            }
            notStarted.add(failure.get());
        }
        notStarted.addAll(notApplicable);
        return Optional.of(String.join(", ", notStarted));
    }

    /** A browser command line, split into words. */
    record Candidate(List<String> words) {
        /** The program as the user wrote it, safe to show. */
        String name() {
            return "'" + Text.printable(words.get(0)) + "'";
        }
    }

    /**
     * The commands to try, in order; a default that does not apply here adds why to {@code notApplicable}.
     *
     * @throws UsageException when the command given for the run is empty
     */
    List<Candidate> candidates(Optional<BrowserContext> context, Optional<String> given, List<String> notApplicable) {
        if (given.isPresent()) {
            return List.of(split(given.get())
                    .orElseThrow(
                            () -> new UsageException("the browser command is empty; give one with --browser CMD")));
        }
        List<Candidate> candidates = new ArrayList<>();
        variable("ROLEHOP_BROWSER").flatMap(CommandLineBrowser::split).ifPresent(candidates::add);
        variable("BROWSER")
                .ifPresent(list -> Arrays.stream(list.split(":"))
                        .map(CommandLineBrowser::split)
                        .flatMap(Optional::stream)
                        .forEach(candidates::add));
        BrowserContext.Kind kind = context.map(BrowserContext::kind).orElse(BrowserContext.Kind.PLAIN);
        switch (kind) {
            case PLAIN -> {
                if (macOs) {
                    candidates.add(new Candidate(List.of("open")));
                } else if (variable("DISPLAY").isPresent()
                        || variable("WAYLAND_DISPLAY").isPresent()) {
                    candidates.add(new Candidate(List.of("xdg-open")));
                } else {
                    notApplicable.add("no DISPLAY or WAYLAND_DISPLAY for xdg-open");
                }
            }
            case FIREFOX_CONTAINER ->
                candidates.add(new Candidate(macOs ? List.of("open", "-a", "Firefox") : List.of("firefox")));
            case CHROMIUM_PROFILE -> {
                if (macOs) {
                    candidates.add(new Candidate(List.of("open", "-na", "Google Chrome", "--args")));
                } else {
                    Optional<Path> chromium = CHROMIUM_FAMILY.stream()
                            .flatMap(n -> find(n).stream())
                            .findFirst();
                    chromium.ifPresentOrElse(
                            found -> candidates.add(new Candidate(List.of(found.toString()))),
                            () -> notApplicable.add("no Chromium-family browser (" + String.join(", ", CHROMIUM_FAMILY)
                                    + ") is on the PATH for the console's chromium-profile context"));
                }
            }
        }
        return candidates;
    }

    private static Optional<Candidate> split(String command) {
        List<String> words = Arrays.stream(command.strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        return words.isEmpty() ? Optional.empty() : Optional.of(new Candidate(words));
    }

    /** Starts {@code candidate}; empty when it started, else why not. */
    private Optional<String> start(Candidate candidate, URI url, Optional<BrowserContext> context) {
        Optional<Path> program = find(candidate.words().get(0));
        if (program.isEmpty()) {
            return Optional.of(candidate.name() + " was not found");
        }
        List<String> arguments = arguments(candidate.words(), url, context);
        arguments.set(0, program.get().toString());
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.of(candidate.name() + " could not be started");
        }
        try {
            if (process.waitFor(quickFailure.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
                return Optional.of(candidate.name() + " failed (exit " + process.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * The full argument list: the command's words with the URL in the context's form placed, and the context's flag
     * just before the word that holds it.
     */
    List<String> arguments(List<String> words, URI url, Optional<BrowserContext> context) {
        String target = context.filter(c -> c.kind() == BrowserContext.Kind.FIREFOX_CONTAINER)
                .map(c -> containerUrl(url, c))
                .orElse(url.toString());
        List<String> extra = context.filter(c -> c.kind() == BrowserContext.Kind.CHROMIUM_PROFILE)
                .map(c -> List.of("--user-data-dir=" + profileDirectory(c)))
                .orElse(List.of());
        List<String> arguments = new ArrayList<>();
        boolean placed = false;
        for (String word : words) {
            if (!placed && holdsUrl(word)) {
                arguments.addAll(extra);
                placed = true;
            }
            arguments.add(expand(word, target));
        }
        if (!placed) {
            arguments.addAll(extra);
            arguments.add(target);
        }
        return arguments;
    }

    /** Whether {@code word} has a {@code %s} (not one escaped as {@code %%s}). */
    private static boolean holdsUrl(String word) {
        return !expand(word, "").equals(expand(word, "u"));
    }

    /** {@code word} with {@code %s} replaced by {@code url}, {@code %%} by {@code %} and {@code %c} by {@code :}. */
    static String expand(String word, String url) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            if (c == '%' && (next == 's' || next == '%' || next == 'c')) {
                out.append(next == 's' ? url : next == '%' ? "%" : ":");
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The URL that opens {@code url} in the container named after the session, made by the extension when it does
     * not exist yet.
     */
    static String containerUrl(URI url, BrowserContext context) {
        return "ext+container:name=" + URLEncoder.encode(context.name().value(), StandardCharsets.UTF_8) + "&url="
                + URLEncoder.encode(url.toString(), StandardCharsets.UTF_8);
    }

    /** {@code $ROLEHOP_HOME/browser-profiles/<session id>}, made private (0700) when missing. */
    Path profileDirectory(BrowserContext context) {
        Path directory = rolehopHome
                .resolve("browser-profiles")
                .resolve(context.session().value());
        try {
            Path parent = directory.getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(
                        parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.isDirectory(directory)) {
                Files.createDirectory(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new OperationFailedException("could not make the browser profile directory " + directory + ": "
                    + e.getMessage() + "; check the permissions of " + rolehopHome);
        }
        return directory;
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The program to run: a path as it is, a name looked up on the environment's {@code PATH} (the absolute path: the
     * JVM would search its own).
     */
    private Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return runnable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String directory : variable("PATH").orElse(DEFAULT_PATH).split(File.pathSeparator)) {
            if (!directory.isEmpty() && runnable(Path.of(directory, program))) {
                return Optional.of(Path.of(directory, program));
            }
        }
        return Optional.empty();
    }

    private static boolean runnable(Path path) {
        return Files.isExecutable(path) && !Files.isDirectory(path);
    }
}
