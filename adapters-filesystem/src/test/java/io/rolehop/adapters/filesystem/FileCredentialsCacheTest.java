package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.credentials;
import static io.rolehop.adapters.filesystem.TestFiles.mode;
import static io.rolehop.adapters.filesystem.TestFiles.names;
import static io.rolehop.adapters.filesystem.TestFiles.read;
import static io.rolehop.adapters.filesystem.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialsCacheTest {
    private static final String KEY = "0b7c6a52-2c1e-4b5e-9d43-1f6f1c9a0a01.hop";

    @TempDir
    Path dir;

    private Path cacheDir() {
        return dir.resolve("home/cache");
    }

    @Test
    void roundTripsOneFilePerKey0600InADirectory0700() throws Exception {
        FileCredentialsCache cache = new FileCredentialsCache(cacheDir());
        TemporaryCredentials creds = credentials("D4");

        cache.put(KEY, creds);

        assertEquals(Optional.of(creds), new FileCredentialsCache(cacheDir()).get(KEY));
        Path file = cacheDir().resolve(KEY + ".json");
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(cacheDir()));
        assertEquals("rwx------", mode(dir.resolve("home")));
        assertEquals(
                Map.of(
                        "AccessKeyId",
                        creds.accessKeyId(),
                        "SecretAccessKey",
                        creds.secretAccessKey(),
                        "SessionToken",
                        creds.sessionToken(),
                        "Expiration",
                        "2030-01-02T03:04:05Z"),
                new ObjectMapper().readValue(file.toFile(), Map.class));
    }

    @Test
    void overwritesAndEvicts() {
        FileCredentialsCache cache = new FileCredentialsCache(cacheDir());
        cache.put(KEY, credentials("D4"));
        cache.put(KEY, credentials("E5"));

        assertEquals(Optional.of(credentials("E5")), cache.get(KEY));
        cache.evict(KEY);
        assertEquals(Optional.empty(), cache.get(KEY));
        cache.evict(KEY);
        assertEquals(List.of(), names(cacheDir()));
    }

    @Test
    void aMissingEntryOrDirectoryIsAMiss() {
        assertEquals(Optional.empty(), new FileCredentialsCache(cacheDir()).get(KEY));
        assertFalse(Files.exists(cacheDir()));
    }

    @Test
    void aCorruptEntryIsAMissAndIsDeleted() {
        FileCredentialsCache cache = new FileCredentialsCache(cacheDir());
        List<String> corrupt = List.of(
                "{\"AccessKeyId\": \"ASIA",
                "",
                "[]",
                "{\"AccessKeyId\": \"not a key\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\","
                        + " \"Expiration\": \"2030-01-02T03:04:05Z\"}",
                "{\"AccessKeyId\": \"ASIATESTKEY00000D4\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\","
                        + " \"Expiration\": \"tomorrow\"}",
                "{\"AccessKeyId\": \"ASIATESTKEY00000D4\", \"SecretAccessKey\": \"s\", \"SessionToken\": \"t\"}",
                "{\"AccessKeyId\": \"ASIATESTKEY00000D4\", \"SecretAccessKey\": 5, \"SessionToken\": \"t\","
                        + " \"Expiration\": \"2030-01-02T03:04:05Z\"} trailing");
        for (String text : corrupt) {
            Path file = cacheDir().resolve(KEY + ".json");
            write(file, text);
            assertEquals(Optional.empty(), cache.get(KEY), text);
            assertFalse(Files.exists(file), text);
        }
    }

    @Test
    void keysAreValidatedSoTheyCannotEscapeTheDirectory() {
        FileCredentialsCache cache = new FileCredentialsCache(cacheDir());
        for (String bad : List.of("../escape", "a/b", "", "x".repeat(129), "spa ce", "nul\u0000")) {
            assertThrows(IllegalArgumentException.class, () -> cache.get(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> cache.put(bad, credentials("D4")), bad);
            assertThrows(IllegalArgumentException.class, () -> cache.evict(bad), bad);
        }
        cache.put("..", credentials("D4"));
        assertEquals(Optional.of(credentials("D4")), cache.get(".."));
        assertTrue(read(cacheDir().resolve("...json")).contains("ASIATESTKEY00000D4"));
    }
}
