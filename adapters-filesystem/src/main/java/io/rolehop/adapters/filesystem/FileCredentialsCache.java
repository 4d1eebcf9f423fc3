package io.rolehop.adapters.filesystem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.CredentialsCache;
import io.rolehop.domain.DomainException;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.domain.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Temporary credentials cached one small JSON file per key ({@code <dir>/<key>.json}, mode 0600, directory 0700), as
 * botocore keeps {@code ~/.aws/cli/cache}. Reads are one small file and no lock; writes are atomic renames. An entry
 * that cannot be read is a miss, and a corrupt one is deleted.
 *
 * <p>Entry format: {@code {"AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ..., "Expiration":
 * "<ISO-8601 UTC>"}}.
 */
public final class FileCredentialsCache implements CredentialsCache {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final JsonFactory json = new JsonFactory();

    /** Entries in {@code directory}, e.g. {@code $ROLEHOP_HOME/cache}; created (0700) on the first write. */
    public FileCredentialsCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public Optional<TemporaryCredentials> get(String key) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file)) {
            // Missing, or not a regular file (a FIFO would block the read): a miss; a put refuses what is not regular.
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // Missing or unreadable: a miss; the caller fetches fresh credentials and puts them again.
            return Optional.empty();
        }
        Optional<TemporaryCredentials> credentials = decode(bytes);
        if (credentials.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // The next put replaces it anyway.
            }
        }
        return credentials;
    }

    @Override
    public void put(String key, TemporaryCredentials credentials) {
        Path file = fileOf(key);
        Objects.requireNonNull(credentials, "credentials");
        AtomicFiles.replace(file, encode(credentials), AtomicFiles.Mode.PRIVATE);
    }

    @Override
    public void evict(String key) {
        Path file = fileOf(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw AtomicFiles.failure("cannot remove the cached credentials " + file, e);
        }
    }

    /** Where the entries are. */
    public Path directory() {
        return directory;
    }

    private Path fileOf(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "invalid cache key '" + Text.printable(key) + "': use 1 to 128 letters, digits and ._-");
        }
        // The suffix keeps "." and ".." from naming a directory.
        return directory.resolve(key + SUFFIX);
    }

    private byte[] encode(TemporaryCredentials credentials) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("AccessKeyId", credentials.accessKeyId());
            g.writeStringField("SecretAccessKey", credentials.secretAccessKey());
            g.writeStringField("SessionToken", credentials.sessionToken());
            g.writeStringField("Expiration", credentials.expiration().toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new OperationFailedException("cannot encode cached credentials for " + directory, e);
        }
        return out.toByteArray();
    }

    private Optional<TemporaryCredentials> decode(byte[] bytes) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = json.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    return Optional.empty();
                }
                fields.put(name, p.getText());
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return Optional.empty();
            }
            String expiration = fields.get("Expiration");
            if (expiration == null) {
                return Optional.empty();
            }
            // The record validates the other three (missing, malformed); a failure is a corrupt entry.
            return Optional.of(new TemporaryCredentials(
                    fields.get("AccessKeyId"),
                    fields.get("SecretAccessKey"),
                    fields.get("SessionToken"),
                    Instant.parse(expiration)));
        } catch (IOException | DomainException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
