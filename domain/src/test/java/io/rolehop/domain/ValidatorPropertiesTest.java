package io.rolehop.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rolehop.testing.seeds.FixedSeedOnCi;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of every parser and validator of the domain: generated valid values parse and round-trip their parts;
 * any text either parses or fails with an {@link InvalidValueException} whose message is one line and names the
 * field; nothing else is ever thrown.
 */
@AddLifecycleHook(FixedSeedOnCi.class)
class ValidatorPropertiesTest {
    private static final String ROLE_NAME_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+=,.@-";
    private static final String PROFILE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._@+-";
    /** Characters that break INI, JSON, shells and terminals, plus the pieces of valid values. */
    private static final String HOSTILE = "[]\n\r\t =:;#\"'\\/\u0000\u0007\u001b\u007f\u0085\u2028\u2029\u200b\u202e"
            + "\ufeffé日Ж٣-_.@+,arn:aws-cniam:role/0123456789";

    private static final Map<String, AtomicInteger[]> COUNTS = new ConcurrentHashMap<>();

    // ---- role ARN ----

    @Property(tries = 1000)
    void everyGeneratedRoleArnParsesAndRoundTripsItsParts(@ForAll("roleArnParts") String[] parts) {
        String value = "arn:" + parts[0] + ":iam::" + parts[1] + ":role" + parts[2] + parts[3];
        RoleArn arn = RoleArn.of(value);
        assertEquals(value, arn.value());
        assertEquals(Partition.fromId(parts[0]), arn.partition());
        assertEquals(parts[1], arn.account().value());
        assertEquals(parts[2], arn.path());
        assertEquals(parts[3], arn.roleName());
        count("role ARN (generated valid)", true);
    }

    @Property(tries = 2000)
    void anyTextIsARoleArnOrARefusalNamingIt(@ForAll("roleArnCandidates") String value) {
        check("role ARN", value, RoleArn::of, "role ARN", arn -> {
            assertTrue(arn.account().value().matches("[0-9]{12}"));
            assertTrue(arn.path().startsWith("/") && arn.path().endsWith("/"), arn.path());
            assertTrue(arn.roleName().matches("[\\w+=,.@-]{1,64}"), arn.roleName());
            assertEquals(
                    value,
                    "arn:" + arn.partition().id() + ":iam::" + arn.account() + ":role" + arn.path() + arn.roleName());
        });
    }

    // ---- role session name ----

    @Property(tries = 1000)
    void anyTextIsARoleSessionNameOrARefusalNamingIt(@ForAll("sessionNameCandidates") String value) {
        check(
                "role session name",
                value,
                RoleSessionName::of,
                "role session name",
                name -> assertTrue(value.matches("[\\w+=,.@-]{2,64}"), value));
    }

    @Property(tries = 1000)
    void aNameDerivedFromAnyAliasIsAValidSessionName(@ForAll("aliases") String alias) {
        RoleSessionName derived = RoleSessionName.derivedFrom(Alias.of(alias));
        assertTrue(derived.value().matches("rolehop-[\\w+=,.@-]{1,56}"), derived.value());
        assertEquals(derived, RoleSessionName.of(derived.value()));
        count("role session name derived from an alias", true);
    }

    // ---- alias ----

    @Property(tries = 1000)
    void everyGeneratedAliasParses(@ForAll("aliases") String value) {
        assertEquals(value, Alias.of(value).value());
        count("alias (generated valid)", true);
    }

    @Property(tries = 1000)
    void anyTextIsAnAliasOrARefusalNamingIt(@ForAll("aliasCandidates") String value) {
        check("alias", value, Alias::of, "alias", alias -> {
            assertFalse(value.isEmpty() || value.length() > 128 || value.endsWith(" "), value);
            assertTrue(value.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '[' || c == ']'), value);
        });
    }

    // ---- region ----

    @Property(tries = 1000)
    void everyGeneratedRegionParsesIntoItsPartition(@ForAll("regions") String value) {
        Region region = Region.of(value);
        Partition expected = value.startsWith("cn-")
                ? Partition.AWS_CN
                : value.startsWith("us-gov-") ? Partition.AWS_US_GOV : Partition.AWS;
        assertEquals(expected, region.partition());
        count("region (generated valid)", true);
    }

    @Property(tries = 1000)
    void anyTextIsARegionOrARefusalNamingIt(@ForAll("regionCandidates") String value) {
        check("region", value, Region::of, "region", region -> assertTrue(value.matches("[a-z0-9-]{6,}"), value));
    }

    // ---- named profile ----

    @Property(tries = 1000)
    void everyGeneratedProfileNameParsesAndCannotInjectIniSyntax(@ForAll("profileNames") String value) {
        NamedProfile profile = NamedProfile.of(value);
        assertEquals(value.equals("default") ? "default" : "profile " + value, profile.configSectionName());
        count("profile name (generated valid)", true);
    }

    @Property(tries = 1000)
    void anyTextIsAProfileNameOrARefusalNamingIt(@ForAll("profileCandidates") String value) {
        check("profile name", value, NamedProfile::of, "profile name", profile -> {
            // Whatever is accepted can never open a section, start a comment or end a line in an INI file.
            assertTrue(value.chars().noneMatch(c -> "[]#; \t\r\n\"'\\".indexOf(c) >= 0 || c < 0x20 || c > 0x7e), value);
        });
    }

    // ---- durations ----

    @Property(tries = 500)
    void everyDurationInRangeParsesAndTheChainedCapIsOneHour(
            @ForAll @IntRange(min = SessionDuration.MINIMUM, max = SessionDuration.MAXIMUM) int seconds,
            @ForAll("padding") String pad) {
        SessionDuration duration = SessionDuration.parse(pad + seconds + pad);
        assertEquals(seconds, duration.seconds());
        assertEquals(duration, duration.checkFor(false));
        if (seconds <= SessionDuration.CHAINED_MAXIMUM) {
            assertEquals(duration, duration.checkFor(true));
        } else {
            InvalidValueException e = expectRefusal(() -> duration.checkFor(true));
            assertOneLineNaming(e.getMessage(), "duration");
            assertTrue(e.getMessage().contains("3600"), e.getMessage());
        }
        count("duration (generated valid)", true);
    }

    @Property(tries = 500)
    void everyNumberOutsideTheRangeIsRefused(@ForAll int seconds) {
        if (seconds >= SessionDuration.MINIMUM && seconds <= SessionDuration.MAXIMUM) {
            return;
        }
        check(
                "duration out of range",
                String.valueOf(seconds),
                SessionDuration::parse,
                "duration",
                d -> fail("accepted " + seconds));
    }

    @Property(tries = 1000)
    void anyTextIsADurationOrARefusalNamingIt(@ForAll("durationCandidates") String value) {
        check("duration", value, SessionDuration::parse, "duration", d -> {
            assertTrue(value.strip().matches("[0-9]{1,9}"), value);
            assertEquals(Integer.parseInt(value.strip()), d.seconds());
        });
    }

    // ---- account id, partition ----

    @Property(tries = 500)
    void anyTextIsAnAccountIdOrARefusalNamingIt(@ForAll("accountCandidates") String value) {
        check("account id", value, AccountId::new, "account id", id -> assertTrue(value.matches("[0-9]{12}"), value));
    }

    @Property(tries = 300)
    void anyTextIsAPartitionOrARefusalNamingIt(@ForAll("hostile") String value) {
        check("partition", value, Partition::fromId, "partition", p -> assertEquals(value, p.id()));
    }

    // ---- the quoting helper every message relies on ----

    @Property(tries = 1000)
    void printableTextIsOneShortLineWhateverTheInput(@ForAll("hostile") String value) {
        String printable = Text.printable(value);
        assertOneLine(printable);
        assertTrue(printable.length() <= 90, printable.length() + " characters");
        count("Text.printable", true);
    }

    @AfterContainer
    static void printFigures() {
        int accepted = 0;
        int refused = 0;
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, AtomicInteger[]> e : new TreeMap<>(COUNTS).entrySet()) {
            accepted += e.getValue()[0].get();
            refused += e.getValue()[1].get();
            detail.append("\n  ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue()[0].get())
                    .append(" accepted, ")
                    .append(e.getValue()[1].get())
                    .append(" refused");
        }
        System.out.println("reliability: domain validator properties: " + (accepted + refused) + " generated inputs, "
                + accepted + " accepted, " + refused + " refused with a one-line InvalidValueException naming the"
                + " field, 0 other exceptions" + detail);
    }

    // ---- generators ----

    @Provide
    Arbitrary<String[]> roleArnParts() {
        Arbitrary<String> partition = Arbitraries.of("aws", "aws-cn", "aws-us-gov");
        Arbitrary<String> account = Arbitraries.strings().numeric().ofLength(12);
        Arbitrary<String> segment = Arbitraries.strings()
                .withCharRange('!', '~')
                .excludeChars('/')
                .ofMinLength(1)
                .ofMaxLength(20);
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.just("/"),
                segment.list().ofMinSize(1).ofMaxSize(5).map(s -> "/" + String.join("/", s) + "/"));
        Arbitrary<String> name =
                Arbitraries.strings().withChars(ROLE_NAME_CHARS).ofMinLength(1).ofMaxLength(64);
        return Combinators.combine(partition, account, path, name).as((p, a, pa, n) -> new String[] {p, a, pa, n});
    }

    @Provide
    Arbitrary<String> roleArnCandidates() {
        Arbitrary<String> valid = roleArnParts().map(p -> "arn:" + p[0] + ":iam::" + p[1] + ":role" + p[2] + p[3]);
        return candidates(valid);
    }

    @Provide
    Arbitrary<String> sessionNameCandidates() {
        return candidates(
                Arbitraries.strings().withChars(ROLE_NAME_CHARS).ofMinLength(2).ofMaxLength(64));
    }

    @Provide
    Arbitrary<String> aliases() {
        Arbitrary<Character> first = Arbitraries.chars().with("aZ9éßЖ日٣".toCharArray());
        Arbitrary<String> rest = Arbitraries.strings()
                .withChars("aZ9éßЖ日٣ ._@+=:/-".toCharArray())
                .ofMaxLength(63)
                .filter(s -> !s.endsWith(" "));
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Provide
    Arbitrary<String> aliasCandidates() {
        return candidates(aliases());
    }

    @Provide
    Arbitrary<String> regions() {
        Arbitrary<String> area = Arbitraries.strings().withCharRange('a', 'z').ofLength(2);
        Arbitrary<String> kind = Arbitraries.of("", "-gov", "-iso", "-isob", "-isof");
        Arbitrary<String> direction =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 99);
        return Combinators.combine(area, kind, direction, number).as((a, k, d, n) -> a + k + "-" + d + "-" + n);
    }

    @Provide
    Arbitrary<String> regionCandidates() {
        return candidates(Arbitraries.oneOf(regions(), Arbitraries.of("us-east-1", "cn-north-1", "us-gov-west-1")));
    }

    @Provide
    Arbitrary<String> profileNames() {
        Arbitrary<Character> first = Arbitraries.chars().with("abcXYZ0189".toCharArray());
        Arbitrary<String> rest = Arbitraries.strings().withChars(PROFILE_CHARS).ofMaxLength(63);
        return Arbitraries.oneOf(
                Arbitraries.just("default"), Combinators.combine(first, rest).as((f, r) -> f + r));
    }

    @Provide
    Arbitrary<String> profileCandidates() {
        return candidates(profileNames());
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.of("", " ", "\t", "  ");
    }

    @Provide
    Arbitrary<String> durationCandidates() {
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.integers()
                        .between(SessionDuration.MINIMUM, SessionDuration.MAXIMUM)
                        .map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20));
        return candidates(numbers);
    }

    @Provide
    Arbitrary<String> accountCandidates() {
        return candidates(Arbitraries.strings().numeric().ofLength(12));
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars(HOSTILE).ofMaxLength(120),
                Arbitraries.strings().withChars(HOSTILE).ofMinLength(1000).ofMaxLength(5000));
    }

    /** Valid values, valid values with one hostile edit, and hostile text. */
    private Arbitrary<String> candidates(Arbitrary<String> valid) {
        Arbitrary<String> edited = Combinators.combine(
                        valid,
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.chars().with(HOSTILE.toCharArray()),
                        Arbitraries.of(Edit.values()))
                .as((v, at, c, edit) -> edit.apply(v, at, c));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, valid),
                net.jqwik.api.Tuple.of(5, edited),
                net.jqwik.api.Tuple.of(3, hostile()));
    }

    private enum Edit {
        INSERT,
        REPLACE,
        DELETE,
        TRUNCATE,
        DOUBLE;

        String apply(String value, int at, char c) {
            if (value.isEmpty()) {
                return String.valueOf(c);
            }
            int i = at % value.length();
            return switch (this) {
                case INSERT -> value.substring(0, i) + c + value.substring(i);
                case REPLACE -> value.substring(0, i) + c + value.substring(i + 1);
                case DELETE -> value.substring(0, i) + value.substring(i + 1);
                case TRUNCATE -> value.substring(0, i);
                case DOUBLE -> value + c + value;
            };
        }
    }

    // ---- checks ----

    private static <T> void check(
            String what,
            String value,
            Function<String, T> parser,
            String field,
            java.util.function.Consumer<T> whenAccepted) {
        T parsed;
        try {
            parsed = parser.apply(value);
        } catch (InvalidValueException e) {
            assertOneLineNaming(e.getMessage(), field);
            count(what, false);
            return;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(
                    what + " threw " + e.getClass().getName() + " for '" + Text.printable(value)
                            + "' instead of an InvalidValueException",
                    e);
        }
        whenAccepted.accept(parsed);
        count(what, true);
    }

    private static InvalidValueException expectRefusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidValueException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidValueException");
    }

    static void assertOneLineNaming(String message, String field) {
        assertOneLine(message);
        assertTrue(
                message.toLowerCase(Locale.ROOT).contains(field.toLowerCase(Locale.ROOT)),
                "the message does not name the " + field + ": " + message);
    }

    /** No character any reader (a terminal, Python's splitlines, Java's lines) would break a line at or act on. */
    static void assertOneLine(String message) {
        assertTrue(message != null, "no message");
        String bad = message.codePoints()
                .filter(c -> Character.isISOControl(c)
                        || c == 0x2028
                        || c == 0x2029
                        || Character.getType(c) == Character.FORMAT)
                .mapToObj(c -> String.format("U+%04X", c))
                .collect(Collectors.joining(","));
        assertTrue(bad.isEmpty(), "the message holds " + bad + ": " + Text.printable(message));
    }

    private static void count(String what, boolean accepted) {
        COUNTS
                .computeIfAbsent(what, k -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()})[
                accepted ? 0 : 1]
                .incrementAndGet();
    }
}
