package io.rolehop.application.fakes;

import io.rolehop.application.port.out.BrowserContext;
import io.rolehop.application.port.out.WebBrowser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link WebBrowser} that records what it was asked to open. */
public final class RecordingBrowser implements WebBrowser {
    /** One request to open a URL. */
    public record Opened(URI url, BrowserContext context, Optional<String> command) {}

    private final List<Opened> opened = new ArrayList<>();

    @Override
    public synchronized void open(URI url, BrowserContext context, Optional<String> command) {
        opened.add(new Opened(url, context, command));
    }

    public synchronized List<Opened> opened() {
        return List.copyOf(opened);
    }
}
