package io.rolehop.cli.login;

import io.rolehop.application.port.out.LoginBrowser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens a URL with a browser command: the one given ({@code --browser}), else {@code ROLEHOP_BROWSER}, else each
 * command of {@code BROWSER} (colon-separated), else {@code xdg-open} where a display is set, or {@code open} on
 * macOS. A command is split on spaces; {@code %s} in it stands for the URL, which is otherwise the last argument. The
 * browser's output goes nowhere: stdout may carry a JSON document (see docs/user-guide/aws-sso.md).
 */
public final class ProcessLoginBrowser implements LoginBrowser {
    private final Map<String, String> environment;

    public ProcessLoginBrowser(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public boolean open(URI url, Optional<String> command) {
        for (String candidate : candidates(command)) {
            List<String> words = new ArrayList<>(List.of(candidate.strip().split("\\s+")));
            if (words.isEmpty() || words.get(0).isEmpty()) {
                continue;
            }
            Optional<Path> program = find(words.get(0));
            if (program.isEmpty()) {
                continue;
            }
            words.set(0, program.get().toString());
            if (words.contains("%s")) {
                words.replaceAll(w -> w.equals("%s") ? url.toString() : w);
            } else {
                words.add(url.toString());
            }
            if (start(words)) {
                return true;
            }
        }
        return false;
    }

    List<String> candidates(Optional<String> command) {
        if (command.isPresent()) {
            return List.of(command.get());
        }
        List<String> out = new ArrayList<>();
        value("ROLEHOP_BROWSER").ifPresent(out::add);
        value("BROWSER").ifPresent(b -> out.addAll(List.of(b.split(":"))));
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac")) {
            out.add("open");
        } else if (value("DISPLAY").isPresent() || value("WAYLAND_DISPLAY").isPresent()) {
            out.add("xdg-open");
        }
        return out;
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    private Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : value("PATH").orElse("/usr/local/bin:/usr/bin:/bin").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path path = Path.of(dir, program);
                if (Files.isExecutable(path) && !Files.isDirectory(path)) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts the browser; one that fails at once (no display, say) did not open anything. */
    private boolean start(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
