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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link WebBrowser} that starts a browser command line (docs/user-guide/console.md#which-browser).
 *
 * <p>The command is the one given for the run ({@code --browser}), else {@code ROLEHOP_BROWSER}, else
 * {@code BROWSER} (its first entry, when it lists several separated by colons), else a default for the context:
 * {@code xdg-open} ({@code open} on macOS) for a plain one, {@code firefox} for a Firefox container, the first
 * Chromium-family browser on the {@code PATH} for a Chromium profile. The command is split at white space; the URL
 * replaces a {@code %s} word, or is appended. For a Firefox container the URL becomes an {@code ext+container:} URL
 * (the "Open external links in a container" extension opens it); for a Chromium profile
 * {@code --user-data-dir=$ROLEHOP_HOME/browser-profiles/<session id>} is passed before the URL.
 *
 * <p>The browser is started with its output discarded and not waited for, except to notice a command that fails at
 * once. No message holds the URL.
 */
public final class CommandLineBrowser implements WebBrowser {
    /** Chromium-family browsers looked for on the PATH for a per-session profile, in this order. */
    static final List<String> CHROMIUM_FAMILY = List.of(
            "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "brave-browser", "microsoft-edge");
    /** How long to watch for a browser command that fails at once (xdg-open finding no browser). */
    static final java.time.Duration QUICK_FAILURE = java.time.Duration.ofSeconds(1);

    private final Map<String, String> environment;
    private final Path rolehopHome;
    private final boolean macOs;
    private final java.time.Duration quickFailure;

    /**
     * @param environment the process environment, for {@code ROLEHOP_BROWSER}, {@code BROWSER} and {@code PATH}
     * @param rolehopHome the rolehop home, under which Chromium profiles are kept
     * @param macOs whether rolehop runs on macOS (where {@code open} starts applications)
     */
    public CommandLineBrowser(Map<String, String> environment, Path rolehopHome, boolean macOs) {
        this(environment, rolehopHome, macOs, QUICK_FAILURE);
    }

    /** With {@code quickFailure} as the time a failing browser command is given to exit. */
    CommandLineBrowser(
            Map<String, String> environment, Path rolehopHome, boolean macOs, java.time.Duration quickFailure) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.rolehopHome = Objects.requireNonNull(rolehopHome, "rolehopHome");
        this.macOs = macOs;
        this.quickFailure = Objects.requireNonNull(quickFailure, "quickFailure");
    }

    @Override
    public void open(URI url, BrowserContext context, Optional<String> command) {
        List<String> words = command(context, command);
        List<String> arguments = arguments(words, url, context);
        ProcessBuilder builder = new ProcessBuilder(arguments)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OperationFailedException("could not start the browser '" + Text.printable(words.get(0))
                    + "'; give one with --browser CMD or ROLEHOP_BROWSER, or print the URL with --print");
        }
        try {
            if (process.waitFor(quickFailure.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
                throw new OperationFailedException("the browser '" + Text.printable(words.get(0)) + "' failed (exit "
                        + process.exitValue() + "); give another with --browser CMD or ROLEHOP_BROWSER, or print the"
                        + " URL with --print");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line's words, before the URL is placed. */
    List<String> command(BrowserContext context, Optional<String> given) {
        Optional<String> configured = given.or(() -> variable("ROLEHOP_BROWSER"))
                .or(() -> variable("BROWSER").map(value -> value.split(":")[0]));
        if (configured.isPresent()) {
            List<String> words = Arrays.stream(configured.get().strip().split("\\s+"))
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (words.isEmpty()) {
                throw new UsageException("the browser command is empty; give one with --browser CMD");
            }
            return words;
        }
        return switch (context.kind()) {
            case PLAIN -> List.of(macOs ? "open" : "xdg-open");
            case FIREFOX_CONTAINER -> macOs ? List.of("open", "-a", "Firefox") : List.of("firefox");
            case CHROMIUM_PROFILE ->
                macOs
                        ? List.of("open", "-na", "Google Chrome", "--args")
                        : List.of(
                                onPath(CHROMIUM_FAMILY)
                                        .orElseThrow(
                                                () -> new OperationFailedException(
                                                        "no Chromium-family"
                                                                + " browser (" + String.join(", ", CHROMIUM_FAMILY)
                                                                + ") is on the PATH for the"
                                                                + " console's chromium-profile context; give one with --browser CMD or ROLEHOP_BROWSER")));
        };
    }

    /** The full argument list: the command's words, the context's flag, and the URL in the context's form. */
    List<String> arguments(List<String> words, URI url, BrowserContext context) {
        String target = switch (context.kind()) {
            case PLAIN, CHROMIUM_PROFILE -> url.toString();
            case FIREFOX_CONTAINER -> containerUrl(url, context);
        };
        List<String> extra = context.kind() == BrowserContext.Kind.CHROMIUM_PROFILE
                ? List.of("--user-data-dir=" + profileDirectory(context))
                : List.of();
        List<String> arguments = new ArrayList<>();
        boolean placed = false;
        for (String word : words) {
            if (word.equals("%s")) {
                arguments.addAll(extra);
                arguments.add(target);
                placed = true;
            } else {
                arguments.add(word);
            }
        }
        if (!placed) {
            arguments.addAll(extra);
            arguments.add(target);
        }
        return arguments;
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

    private Optional<String> onPath(List<String> names) {
        String path = environment.getOrDefault("PATH", "");
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
                    // The absolute path: the process is started with rolehop's own PATH, which may differ.
                    return Optional.of(Path.of(directory, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
