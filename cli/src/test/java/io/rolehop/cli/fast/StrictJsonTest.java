package io.rolehop.cli.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The warm path's JSON reader accepts nothing Jackson (configured as the workspace store is) refuses, and agrees. */
class StrictJsonTest {
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "\"x\"",
                "0",
                "-0",
                "12",
                "-12",
                "1.5",
                "1e3",
                "1E-3",
                "-0.0e+1",
                "true",
                "false",
                "null",
                " \t\r\n{ \"a\" : [ 1 , 2 , { } ] } \n",
                "{\"a\":\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"}",
                "{\"é\":\"ü€😀\"}",
                "[[[[[]]]]]",
                "{\"a\":null,\"b\":true}",
                "\"\\ud83d\\ude00\"",
                "123456789012345678",
            })
    void acceptsWhatJacksonAcceptsAndReadsTheSame(String document) throws Exception {
        assertSame(document);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{",
                "}",
                "[1,]",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "{a:1}",
                "{'a':1}",
                "[01]",
                "[1.]",
                "[.5]",
                "[1e]",
                "[+1]",
                "[NaN]",
                "[Infinity]",
                "[tru]",
                "[nul]",
                "\"a",
                "\"\\x\"",
                "\"\\u12\"",
                "\"\\u12g4\"",
                "{} {}",
                "{}x",
                "[1] 2",
                "{\"a\":1,\"a\":2}",
                "\"tab\tinside\"",
                "\"line\nbreak\"",
                "// c\n{}",
                "/* c */ {}",
                "\uFEFF{}",
                "[1 2]",
                "{\"a\":1 \"b\":2}",
            })
    void refusesWhatIsNotStrictJson(String document) {
        assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse(document.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesWhatIsNotUtf8() {
        assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse(new byte[] {'"', (byte) 0xC3, '"'}));
        assertThrows(StrictJson.Malformed.class, () -> StrictJson.parse(new byte[] {'"', (byte) 0xFF, '"'}));
    }

    @Test
    void refusesDeepNestingAndLongIntegers() {
        assertThrows(
                StrictJson.Malformed.class,
                () -> StrictJson.parse(("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                StrictJson.Malformed.class,
                () -> StrictJson.parse("12345678901234567890".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void neverAcceptsWhatJacksonRefusesOnMutatedDocuments() throws Exception {
        // Random edits of a workspace-like document: wherever the strict reader accepts, Jackson agrees.
        String seed = "{\"schemaVersion\":1,\"a\":[\"x\\\"y\",-1.5e3,true,null],\"b\":{\"c\":\"\\u00e9\"}}";
        String alphabet = "{}[]\",:\\ -+.eE0123456789tfnul\u00e9x\t\n";
        Random random = new Random(20261128);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder doc = new StringBuilder(seed);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(doc.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> doc.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < doc.length()) {
                            doc.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < doc.length()) {
                            doc.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            if (parse(doc.toString()).isPresent()) {
                accepted++;
                assertSame(doc.toString());
            }
        }
        assertFalse(accepted == 0, "no mutated document was accepted: the test proves nothing");
    }

    private static Optional<Object> parse(String document) {
        try {
            return Optional.of(StrictJson.parse(document.getBytes(StandardCharsets.UTF_8)));
        } catch (StrictJson.Malformed e) {
            return Optional.empty();
        }
    }

    private static void assertSame(String document) throws IOException, StrictJson.Malformed {
        Object strict = StrictJson.parse(document.getBytes(StandardCharsets.UTF_8));
        JsonNode jackson;
        try {
            jackson = JACKSON.readTree(document.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new AssertionError("accepted, but Jackson refuses " + document + ": " + e.getOriginalMessage(), e);
        }
        assertEquals(plain(jackson), normal(strict), document);
    }

    /** The strict reader's tree with fractions as doubles, as Jackson reads them by default. */
    private static Object normal(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normal(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StrictJsonTest::normal).toList();
        }
        if (value instanceof StrictJson.Fraction fraction) {
            return Double.parseDouble(fraction.text());
        }
        return value;
    }

    /** Jackson's tree in the strict reader's terms. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(element -> out.add(plain(element)));
            return out;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return StrictJson.NULL;
    }
}
