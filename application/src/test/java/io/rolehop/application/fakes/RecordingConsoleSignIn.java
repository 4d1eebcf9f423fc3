package io.rolehop.application.fakes;

import io.rolehop.application.port.out.ConsoleSignIn;
import io.rolehop.application.port.out.SignInRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConsoleSignIn} that records each request and answers a URL naming the credentials' access key id, so that
 * a test can tell which credentials a URL was made from.
 */
public final class RecordingConsoleSignIn implements ConsoleSignIn {
    private final List<SignInRequest> requests = new ArrayList<>();

    @Override
    public synchronized URI signInUrl(SignInRequest request) {
        requests.add(request);
        return URI.create("https://signin.example/federation?Action=login&For="
                + request.credentials().accessKeyId());
    }

    public synchronized List<SignInRequest> requests() {
        return List.copyOf(requests);
    }
}
