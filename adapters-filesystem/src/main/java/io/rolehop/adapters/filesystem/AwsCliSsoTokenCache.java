package io.rolehop.adapters.filesystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolehop.application.port.out.AwsCliTokenCache;
import io.rolehop.domain.Region;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The AWS CLI v2's IAM Identity Center token cache, {@code ~/.aws/sso/cache/<SHA-1 of the start URL>.json}, with its
 * fields ({@code startUrl}, {@code region}, {@code accessToken}, {@code expiresAt}, {@code refreshToken},
 * {@code clientId}, {@code clientSecret}, {@code registrationExpiresAt}), replaced atomically with mode 0600 (see
 * docs/user-guide/aws-sso.md).
 */
public final class AwsCliSsoTokenCache implements AwsCliTokenCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;

    /** @param home the user's home directory */
    public AwsCliSsoTokenCache(Path home) {
        this.directory = home.resolve(".aws").resolve("sso").resolve("cache");
    }

    Path file(String startUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(startUrl.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Entry> read(String startUrl) {
        Path file = file(startUrl);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (!startUrl.equals(text(root, "startUrl").orElse(startUrl))) {
                return Optional.empty();
            }
            return Optional.of(new Entry(
                    startUrl,
                    Region.of(text(root, "region").orElseThrow()),
                    text(root, "accessToken").orElseThrow(),
                    instant(text(root, "expiresAt").orElseThrow()),
                    text(root, "refreshToken"),
                    text(root, "clientId"),
                    text(root, "clientSecret"),
                    text(root, "registrationExpiresAt").map(AwsCliSsoTokenCache::instant)));
        } catch (IOException | RuntimeException e) {
            // A file another tool left half-written or in another shape is no token: a login replaces it.
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.asText().isEmpty()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    /** The AWS CLI writes {@code 2024-01-01T00:00:00Z}, older versions {@code 2024-01-01T00:00:00UTC}. */
    private static Instant instant(String value) {
        return Instant.parse(value.endsWith("UTC") ? value.substring(0, value.length() - 3) + "Z" : value);
    }

    @Override
    public void write(Entry entry) {
        ObjectNode root = JSON.createObjectNode();
        root.put("startUrl", entry.startUrl());
        root.put("region", entry.region().code());
        root.put("accessToken", entry.accessToken());
        root.put("expiresAt", format(entry.expiresAt()));
        entry.refreshToken().ifPresent(v -> root.put("refreshToken", v));
        entry.clientId().ifPresent(v -> root.put("clientId", v));
        entry.clientSecret().ifPresent(v -> root.put("clientSecret", v));
        entry.registrationExpiresAt().ifPresent(v -> root.put("registrationExpiresAt", format(v)));
        try {
            AtomicFiles.replace(file(entry.startUrl()), JSON.writeValueAsBytes(root), AtomicFiles.Mode.PRIVATE);
        } catch (IOException e) {
            throw AtomicFiles.failure("cannot write the AWS CLI's token cache", e);
        }
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public boolean delete(String startUrl) {
        Path file = file(startUrl);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        AtomicFiles.delete(file);
        return true;
    }
}
