package io.rolehop.cli.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.adapters.filesystem.FileCredentialsCache;
import io.rolehop.domain.TemporaryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The warm path reads a cache entry as {@link FileCredentialsCache} does, or not at all. */
class CacheEntryReaderTest {
    private static final String OK =
            "\"AccessKeyId\":\"ASIAWARMPATH00000001\",\"SecretAccessKey\":\"s3cr/t+\"," + "\"SessionToken\":\"t0k/n=\"";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00Z\"}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00.123456789Z\"}",
                " {" + OK + ",\"Expiration\":\"2026-11-28T11:00:00Z\",\"Extra\":\"kept\"}\n",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00+01:00\"}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00\"}",
                "{" + OK + ",\"Expiration\":\"2026-02-30T11:00:00Z\"}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:60Z\"}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00Z\",\"Extra\":1}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00Z\",\"Extra\":null}",
                "{" + OK + "}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00Z\"} {}",
                "{" + OK + ",\"Expiration\":\"2026-11-28T11:00:00Z\",\"AccessKeyId\":\"ASIAWARMPATH00000002\"}",
                "{\"AccessKeyId\":\"asia-lower\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2026-11-28T11:00:00Z\"}",
                "{\"AccessKeyId\":\"ASIAWARMPATH00000001\",\"SecretAccessKey\":\"with space\",\"SessionToken\":\"t\",\"Expiration\":\"2026-11-28T11:00:00Z\"}",
                "[]",
                "",
                "null",
                "{",
            })
    void readsAsTheFileCacheDoesOrNotAtAll(String entry) throws Exception {
        byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
        Optional<TemporaryCredentials> warm = CacheEntryReader.read(bytes);
        Files.write(dir.resolve("key.json"), bytes);
        Optional<TemporaryCredentials> cached = new FileCredentialsCache(dir).get("key");
        if (warm.isPresent()) {
            assertEquals(cached, warm, entry);
        } else {
            assertTrue(
                    cached.isEmpty() || entry.contains("ASIAWARMPATH00000002"),
                    "the file cache reads what the warm path refuses: " + entry);
        }
    }
}
