package io.rolehop.adapters.filesystem.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The vault payload codec reads what earlier versions wrote with Jackson, and writes what any JSON reader reads. */
class VaultPayloadTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TRICKY = new TreeMap<>(Map.of(
            "session/1/secretAccessKey", "wJalr/XUtn+FEMI\"quoted\"\\back",
            "session/2/secretAccessKey", "ünïcode \u2028 line\nbreak\ttab\u0001\u007f 😀",
            "", "empty key",
            "k", ""));

    @Test
    void readsWhatJacksonWrote() throws Exception {
        assertEquals(TRICKY, VaultPayload.decode(JSON.writeValueAsBytes(TRICKY)));
        assertEquals(
                Map.of("a", "b", "c", "d"),
                VaultPayload.decode(" {\n \"a\" : \"b\" ,\t\"c\":\"\\u0064\"}\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWhatJacksonReads() throws Exception {
        assertEquals(
                TRICKY,
                JSON.readValue(
                        VaultPayload.encode(TRICKY),
                        JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class)));
        assertEquals("{}", new String(VaultPayload.encode(Map.of()), StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnythingButAnObjectOfStringsWithoutQuotingIt() {
        for (String bad : new String[] {
            "",
            "[]",
            "{\"a\":1}",
            "{\"a\":\"secret-value\"",
            "{\"a\":\"x\"} x",
            "{\"a\":\"\\u00g1\"}",
            "{\"a\":\"\\u\u0661\u0661\u0661\u0661\"}",
            "{\"a\" \"b\"}",
            "{\"a\":\"b\",}",
            "{\"a\":\"raw\nline\"}",
            "{'a':'b'}"
        }) {
            VaultFormatException e = assertThrows(
                    VaultFormatException.class, () -> VaultPayload.decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertEquals(VaultFormatException.Reason.DAMAGED, e.reason(), bad);
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
        assertThrows(VaultFormatException.class, () -> VaultPayload.decode(new byte[] {'{', '"', (byte) 0xff, '"'}));
    }

    @Test
    void refusesALoneSurrogateRatherThanChangingTheSecret() {
        assertThrows(IllegalArgumentException.class, () -> VaultPayload.encode(Map.of("k", "half \ud800 pair")));
    }
}
