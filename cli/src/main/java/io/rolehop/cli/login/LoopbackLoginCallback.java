package io.rolehop.cli.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.LoginCallback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The end of an authorization-code login: a listener on a free port of 127.0.0.1 (never another interface) that takes
 * the first request to {@code /oauth/callback}, answers the browser with a short page, and hands the query on.
 */
public final class LoopbackLoginCallback implements LoginCallback {
    static final String PATH = "/oauth/callback";

    @Override
    public Listening listen() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new OperationFailedException("could not listen on 127.0.0.1 for the login's answer: " + e.getMessage()
                    + "; use --use-device-code");
        }
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        server.createContext(PATH, exchange -> respond(exchange, answer));
        server.start();
        URI redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
        return new Listening() {
            @Override
            public URI redirectUri() {
                return redirect;
            }

            @Override
            public Optional<Map<String, String>> await(Duration timeout) {
                try {
                    return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                } catch (TimeoutException | ExecutionException e) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }

            @Override
            public void close() {
                server.stop(0);
            }
        };
    }

    private static void respond(HttpExchange exchange, CompletableFuture<Map<String, String>> answer)
            throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean first = answer.complete(query);
            byte[] page = ("<!doctype html><title>rolehop</title><p>"
                            + (first && query.containsKey("code")
                                    ? "rolehop is logged in. You can close this window."
                                    : "rolehop did not get a login here.")
                            + "</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
