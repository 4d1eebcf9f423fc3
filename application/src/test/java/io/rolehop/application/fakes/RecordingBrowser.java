package io.rolehop.application.fakes;

import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.application.port.out.WebBrowser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link WebBrowser} that records what it was asked to open, and always finds a browser. */
public final class RecordingBrowser implements WebBrowser {
    /** One request to open a URL; {@code context} is empty for a URL opened as it is. */
    public record Opened(URI url, Optional<BrowserContext> context, Optional<String> command) {}

    private final List<Opened> opened = new ArrayList<>();

    @Override
    public synchronized boolean tryOpen(URI url, Optional<String> command) {
        opened.add(new Opened(url, Optional.empty(), command));
        return true;
    }

    @Override
    public synchronized void open(URI url, BrowserContext context, Optional<String> command) {
        opened.add(new Opened(url, Optional.of(context), command));
    }

    public synchronized List<Opened> opened() {
        return List.copyOf(opened);
    }
}
