package io.rolehop.example.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.domain.AwsCredentials;
import io.rolehop.domain.LongTermCredentials;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.seeds.FixedSeedOnCi;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeExample;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Properties of the plugin's {@code credential_process} parser: it round-trips every valid document, whatever the key
 * order, white space, escapes and extra keys; any other text fails with its own exception, on one line, quoting no
 * value.
 */
@AddLifecycleHook(FixedSeedOnCi.class)
class CredentialProcessOutputPropertiesTest {
    private static final Instant DEFAULT = Instant.parse("2030-01-01T00:00:00Z");
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "+/=!#$%&'()*,-.:;<>?@[]^_`{|}~\"\\é日€\u00a0";
    /** Pieces of JSON and of the format, and characters that break parsers and terminals. */
    private static final List<String> TOKENS = List.of(
            "{",
            "}",
            "[",
            "]",
            "\"",
            ":",
            ",",
            " ",
            "\n",
            "\\",
            "\\u",
            "\\u00",
            "\\uZZZZ",
            "\\x",
            "\"Version\"",
            "\"AccessKeyId\"",
            "\"SecretAccessKey\"",
            "\"SessionToken\"",
            "\"Expiration\"",
            "1",
            "-",
            "1e",
            "1.5",
            "-0",
            "١",
            "99999999999999999999",
            "true",
            "null",
            "fals",
            "\"ASIAEXAMPLEEXAMPLE12\"",
            "\"2031-02-03T04:05:06Z\"",
            "\u0000",
            "\u001b[2J",
            "\u2028",
            "\ud800",
            "é");

    private static final AtomicInteger PARSED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger ROUND_TRIPS = new AtomicInteger();

    /** A valid document and what it must parse to. */
    record Document(
            String text,
            String accessKeyId,
            String secret,
            Optional<String> token,
            Optional<Instant> expires,
            List<String> values) {}

    private int parsedBefore;

    @BeforeTry
    @BeforeExample
    void rememberCounts() {
        parsedBefore = PARSED.get();
    }

    @Property(tries = 1000)
    void everyValidDocumentRoundTrips(@ForAll("documents") Document document) {
        AwsCredentials parsed = CredentialProcessOutput.parse(document.text(), DEFAULT);
        assertEquals(document.accessKeyId(), parsed.accessKeyId());
        assertEquals(document.secret(), parsed.secretAccessKey());
        if (document.token().isPresent()) {
            TemporaryCredentials t = assertInstanceOf(TemporaryCredentials.class, parsed, document.text());
            assertEquals(document.token().get(), t.sessionToken());
            assertEquals(document.expires().orElse(DEFAULT), t.expiration());
        } else {
            assertInstanceOf(LongTermCredentials.class, parsed, document.text());
        }
        if (document.secret().length() >= 12) {
            assertFalse(parsed.toString().contains(document.secret()), "toString shows the secret");
        }
        ROUND_TRIPS.incrementAndGet();
    }

    @Property(tries = 2000)
    void anyTextParsesOrFailsWithItsOwnOneLineException(@ForAll("garbage") String text) {
        outcome(text, List.of());
    }

    @Property(tries = 2000)
    void aDamagedDocumentNeverQuotesAnyOfItsValues(@ForAll("damaged") Tuple.Tuple2<String, List<String>> damaged) {
        outcome(damaged.get1(), damaged.get2());
    }

    @Example
    void digitsAreAsciiOnlyAsJsonSays() {
        // Long.parseLong reads "١" (ARABIC-INDIC DIGIT ONE) as 1; JSON does not.
        outcome("{\"Version\":\u0661,\"AccessKeyId\":\"AKIAEXAMPLEEXAMPLE12\",\"SecretAccessKey\":\"x\"}", List.of());
        assertEquals(0, PARSED.get() - parsedBefore, "a non-ASCII digit was read as a number");
    }

    @Example
    void aLongDuplicatedKeyWithALineBreakStaysOnOneLine() {
        String key = "k".repeat(38) + "\\n\\u2028[evil]";
        outcome("{\"" + key + "\":1,\"" + key + "\":1}", List.of());
    }

    @AfterContainer
    static void printFigures() {
        System.out.println("reliability: credential_process parser properties: " + ROUND_TRIPS.get()
                + " generated valid documents round-tripped; " + (PARSED.get() + REFUSED.get())
                + " arbitrary or damaged outputs: " + PARSED.get() + " parsed, " + REFUSED.get()
                + " refused with a one-line InvalidOutputException quoting no value, 0 other exceptions");
    }

    private static void outcome(String text, List<String> values) {
        try {
            CredentialProcessOutput.parse(text, DEFAULT);
            PARSED.incrementAndGet();
        } catch (CredentialProcessOutput.InvalidOutputException e) {
            String message = e.getMessage();
            assertTrue(message != null && !message.isBlank(), "empty message");
            String bad = message.codePoints()
                    .filter(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)
                    .mapToObj(c -> String.format("U+%04X", c))
                    .collect(Collectors.joining(","));
            assertTrue(bad.isEmpty(), "the message holds " + bad);
            for (String value : values) {
                for (int i = 0; i + 8 <= value.length(); i++) {
                    String piece = value.substring(i, i + 8);
                    assertFalse(message.contains(piece), "the message quotes a value (" + piece + "): " + message);
                }
            }
            REFUSED.incrementAndGet();
        } catch (RuntimeException | Error e) {
            throw new AssertionError("parse threw " + e.getClass().getName() + " instead of InvalidOutputException", e);
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<String> keyId = Arbitraries.strings()
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .ofMinLength(16)
                .ofMaxLength(128);
        Arbitrary<String> secret =
                Arbitraries.strings().withChars(SECRET_CHARS).ofMinLength(1).ofMaxLength(80);
        Arbitrary<Optional<String>> token = Arbitraries.strings()
                .withChars(SECRET_CHARS)
                .ofMinLength(1)
                .ofMaxLength(400)
                .optional(0.7);
        Arbitrary<Optional<Instant>> expires = Arbitraries.longs()
                .between(946_684_800L, 4_102_444_800L)
                .map(Instant::ofEpochSecond)
                .optional(0.8);
        return Combinators.combine(keyId, secret, token, expires, Arbitraries.longs())
                .as(CredentialProcessOutputPropertiesTest::document);
    }

    @Provide
    Arbitrary<String> garbage() {
        Arbitrary<String> tokens = Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(200)),
                Tuple.of(5, tokens),
                Tuple.of(2, damaged().map(Tuple.Tuple2::get1)));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<String>>> damaged() {
        return Combinators.combine(
                        documents(),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.of(TOKENS),
                        Arbitraries.integers().between(0, 3))
                .as((d, at, token, how) -> {
                    String text = d.text();
                    int i = at % (text.length() + 1);
                    String damagedText = switch (how) {
                        case 0 -> text.substring(0, i) + token + text.substring(i);
                        case 1 -> text.substring(0, i);
                        case 2 ->
                            i < text.length() ? text.substring(0, i) + token + text.substring(i + 1) : text + token;
                        default -> text.substring(0, i) + text.substring(Math.min(text.length(), i + 1 + at % 7));
                    };
                    return Tuple.of(damagedText, d.values());
                });
    }

    private static Document document(
            String keyId, String secret, Optional<String> token, Optional<Instant> expires, long seed) {
        Random random = new Random(seed);
        List<String> members = new ArrayList<>();
        members.add(member("Version", random.nextBoolean() ? "1" : "1", random));
        members.add(member("AccessKeyId", string(keyId, random), random));
        members.add(member("SecretAccessKey", string(secret, random), random));
        token.ifPresent(t -> members.add(member("SessionToken", string(t, random), random)));
        if (token.isPresent()) {
            expires.ifPresent(e -> members.add(member("Expiration", string(timestamp(e, random), random), random)));
        } else if (random.nextInt(4) == 0) {
            members.add(member("SessionToken", "\"\"", random));
        }
        // Keys the format does not know are ignored.
        String[] extras = {"null", "true", "false", "0", "-12.5e3", "\"note\"", "\"\""};
        for (int i = random.nextInt(3); i > 0; i--) {
            members.add(member("Extra" + i, extras[random.nextInt(extras.length)], random));
        }
        Collections.shuffle(members, random);
        String text = space(random) + "{" + String.join(",", members) + space(random) + "}" + space(random);
        List<String> values = new ArrayList<>(List.of(keyId, secret));
        token.ifPresent(values::add);
        return new Document(
                text, keyId, secret, token, token.isPresent() ? expires : Optional.empty(), List.copyOf(values));
    }

    private static String member(String key, String value, Random random) {
        return space(random) + "\"" + key + "\"" + space(random) + ":" + space(random) + value;
    }

    private static String timestamp(Instant instant, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> instant.toString();
            case 1 -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(2)));
            default ->
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHoursMinutes(-5, -30)));
        };
    }

    /** A JSON string of {@code value}, each character written plainly or escaped as the dice say. */
    private static String string(String value, Random random) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append(random.nextBoolean() ? "\\" + c : String.format("\\u%04x", (int) c));
            } else if (c == '/' && random.nextBoolean()) {
                out.append("\\/");
            } else if (random.nextInt(8) == 0) {
                out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String space(Random random) {
        String[] choices = {"", "", " ", "\n", "\t", "\r\n  "};
        return choices[random.nextInt(choices.length)];
    }
}
