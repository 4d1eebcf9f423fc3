package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.TemporaryCredentials;
import io.rolehop.testing.Botocore;
import io.rolehop.testing.Botocore.ParseOutcome;
import io.rolehop.testing.seeds.FixedSeedOnCi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The AWS shared files against botocore, the reader that matters: generated files full of INI traps (indented
 * headers, nested sub-sections, odd white space, line separators, duplicate names, [DEFAULT], stray brackets) are
 * read by {@link IniDocument} exactly as botocore reads them; and a write either refuses the file unchanged, with
 * one line naming the file, or leaves a file botocore reads as before plus the profile.
 */
@AddLifecycleHook(FixedSeedOnCi.class)
class IniFilesPropertiesTest {
    private static final NamedProfile PROFILE = NamedProfile.of("rolehop-prop");
    private static final TemporaryCredentials CREDENTIALS = new TemporaryCredentials(
            "ASIAPROPERTYTEST0001",
            "prop/secret+wJalrXUtnFEMI",
            "prop-token-FwoGZXIvYXdzEBYaDH",
            Instant.parse("2030-01-02T03:04:05Z"));
    // Python's str.splitlines() breaks at these (botocore splits nested sub-sections with it).
    private static final String PY_LINE_BREAKS = "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";
    private static final String ODD_SPACE = " \t\u00a0\u3000\u2028\u0085\u000b\u000c\u001c";
    private static final Map<String, AtomicInteger> FIGURES = new LinkedHashMap<>();

    // ---- IniDocument reads what botocore reads ----

    // Few tries of many files each: edge cases (a list of one repeated simplest file) would waste a try.
    @Property(tries = 3, edgeCases = EdgeCasesMode.NONE)
    void iniDocumentAcceptsAndReadsExactlyWhatBotocoreDoes(@ForAll @Size(300) List<@From("iniTexts") String> texts)
            throws IOException {
        Path dir = Files.createTempDirectory("ini-differential");
        try {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                files.add(write(dir.resolve("f" + i), texts.get(i)));
            }
            List<ParseOutcome> botocore = Botocore.rawConfigParseEach(files);
            List<String> disagreements = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                IniDocument document = IniDocument.parse(texts.get(i));
                ParseOutcome theirs = botocore.get(i);
                if (document.problem().isEmpty() && !theirs.parsed()) {
                    disagreements.add("rolehop reads what botocore refuses ("
                            + theirs.error().orElseThrow() + "): " + escaped(texts.get(i)));
                } else if (document.problem().isPresent() && theirs.parsed()) {
                    // Stricter than botocore is safe (the file is left alone), but must stay rare: counted.
                    figure("files rolehop refuses though botocore reads them").incrementAndGet();
                } else if (theirs.parsed()
                        && !botocoreView(document).equals(theirs.sections().orElseThrow())) {
                    disagreements.add("rolehop reads " + botocoreView(document) + " where botocore reads "
                            + theirs.sections().orElseThrow() + ": " + escaped(texts.get(i)));
                } else {
                    figure(theirs.parsed() ? "files both read alike" : "files both refuse")
                            .incrementAndGet();
                }
            }
            assertTrue(
                    disagreements.isEmpty(),
                    disagreements.size() + " disagreements with botocore, e.g.\n"
                            + String.join("\n", disagreements.subList(0, Math.min(5, disagreements.size()))));
        } finally {
            deleteTree(dir);
        }
    }

    // ---- writes on arbitrary files ----

    @Property(tries = 2, edgeCases = EdgeCasesMode.NONE)
    void aWriteRefusesAFileUnchangedOrLeavesEverySectionBotocoreReadAsItWas(
            @ForAll @Size(150) List<@From("iniTexts") String> texts) throws IOException {
        Path dir = Files.createTempDirectory("ini-writes");
        try {
            List<Path> checked = new ArrayList<>();
            List<Runnable> checks = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                boolean config = i % 2 == 1;
                Path file = write(dir.resolve((config ? "config" : "credentials") + i), texts.get(i));
                Path before = write(dir.resolve("before" + i), texts.get(i));
                byte[] original = Files.readAllBytes(file);
                try {
                    if (config) {
                        new IniConfigFile(file).write(PROFILE, Map.of("region", "eu-west-3"), false);
                    } else {
                        new IniCredentialsFile(file).write(PROFILE, CREDENTIALS, false);
                    }
                } catch (OperationFailedException e) {
                    String message = e.getMessage();
                    assertTrue(
                            message.startsWith(file.toString()) || message.contains(" in " + file + " "),
                            "the message does not name the file: " + message);
                    assertEquals(1, message.lines().count(), message);
                    assertArrayEquals(original, Files.readAllBytes(file), "a refused file was changed: " + message);
                    figure(message.contains(" line ") ? "writes refused, naming the line" : "writes refused (conflict)")
                            .incrementAndGet();
                    continue;
                }
                int at = checked.size();
                checked.add(before);
                checked.add(file);
                // An owned section is rewritten under its own header's spelling; a new one gets rolehop's.
                String header = IniDocument.parse(texts.get(i)).sections().stream()
                        .filter(s -> s.owned()
                                && (config
                                        ? IniConfigFile.botocoreProfileName(s.name())
                                                .equals(Optional.of(PROFILE.name()))
                                        : s.name().equals(PROFILE.name())))
                        .map(IniDocument.Section::name)
                        .findFirst()
                        .orElse(config ? PROFILE.configSectionName() : PROFILE.name());
                Map<String, Object> expected = config
                        ? Map.of("region", "eu-west-3")
                        : Map.of(
                                "aws_access_key_id",
                                CREDENTIALS.accessKeyId(),
                                "aws_secret_access_key",
                                CREDENTIALS.secretAccessKey(),
                                "aws_session_token",
                                CREDENTIALS.sessionToken());
                String text = texts.get(i);
                checks.add(() -> {
                    List<ParseOutcome> outcomes = lastOutcomes;
                    ParseOutcome was = outcomes.get(at);
                    ParseOutcome now = outcomes.get(at + 1);
                    assertTrue(was.parsed(), "rolehop rewrote a file botocore could not read: " + escaped(text));
                    assertTrue(
                            now.parsed(),
                            "rolehop left a file botocore cannot read ("
                                    + now.error().orElse("") + ") from: " + escaped(text));
                    Map<String, Map<String, Object>> others =
                            new LinkedHashMap<>(now.sections().orElseThrow());
                    Map<String, Object> written = others.remove(header);
                    Map<String, Map<String, Object>> wasOthers =
                            new LinkedHashMap<>(was.sections().orElseThrow());
                    wasOthers.remove(header);
                    assertEquals(wasOthers, others, "other sections changed in: " + escaped(text));
                    // [DEFAULT] keys show up in every section; only the written keys must read as written.
                    expected.forEach((k, v) -> assertEquals(v, written.get(k), k + " in " + escaped(text)));
                });
            }
            lastOutcomes = Botocore.rawConfigParseEach(checked);
            checks.forEach(Runnable::run);
            figure("writes done, botocore reads the result").addAndGet(checks.size());
        } finally {
            deleteTree(dir);
        }
    }

    // Found by the property above: rewriting rolehop's own section once respelled its header, which botocore's
    // raw reader (and any tool keyed on the section name) sees as one section gone and another new.
    @Example
    void rewritingAnOwnedSectionKeepsTheSpellingOfItsHeader() throws IOException {
        Path dir = Files.createTempDirectory("ini-owned-header");
        try {
            String text = "[profile  \"rolehop-prop\"]\r" + IniDocument.OWNERSHIP_MARKER + "\r\n";
            Path file = write(dir.resolve("config"), text);
            Path before = write(dir.resolve("before"), text);
            new IniConfigFile(file).write(PROFILE, Map.of("region", "eu-west-3"), false);
            List<ParseOutcome> outcomes = Botocore.rawConfigParseEach(List.of(before, file));
            assertEquals(
                    outcomes.get(0).sections().orElseThrow().keySet(),
                    outcomes.get(1).sections().orElseThrow().keySet(),
                    "sections botocore reads, from " + escaped(text) + " to " + escaped(Files.readString(file)));
            assertEquals(
                    "eu-west-3",
                    outcomes.get(1)
                            .sections()
                            .orElseThrow()
                            .get("profile  \"rolehop-prop\"")
                            .get("region"));
        } finally {
            deleteTree(dir);
        }
    }

    private List<ParseOutcome> lastOutcomes = List.of();

    @AfterContainer
    static void printFigures() {
        System.out.println("reliability: AWS file properties vs botocore: "
                + FIGURES.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                + "; 0 files read differently, 0 unreadable files rewritten");
    }

    // ---- botocore's view of what IniDocument read ----

    /** What {@code botocore.configloader.raw_config_parse} returns, computed from IniDocument's sections. */
    static Map<String, Map<String, Object>> botocoreView(IniDocument document) {
        Map<String, String> defaults = new HashMap<>();
        document.sections().stream()
                .filter(s -> s.name().equals(IniDocument.PYTHON_DEFAULT_SECTION))
                .forEach(s -> defaults.putAll(s.values()));
        Map<String, Map<String, Object>> view = new LinkedHashMap<>();
        for (IniDocument.Section section : document.sections()) {
            if (section.name().equals(IniDocument.PYTHON_DEFAULT_SECTION)) {
                continue;
            }
            Map<String, String> merged = new HashMap<>(defaults);
            merged.putAll(section.values());
            Map<String, Object> values = new HashMap<>();
            merged.forEach((k, v) -> values.put(k, v.startsWith("\n") ? nested(v) : v));
            view.put(section.name(), values);
        }
        return view;
    }

    private static Map<String, String> nested(String value) {
        Map<String, String> out = new HashMap<>();
        for (String line : pySplitLines(value)) {
            String stripped = IniDocument.pyStrip(line);
            if (stripped.isEmpty()) {
                continue;
            }
            int eq = stripped.indexOf('=');
            out.put(IniDocument.pyStrip(stripped.substring(0, eq)), IniDocument.pyStrip(stripped.substring(eq + 1)));
        }
        return out;
    }

    private static List<String> pySplitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (PY_LINE_BREAKS.indexOf(c) >= 0) {
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> iniTexts() {
        Arbitrary<String> indent = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("")),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withChars(ODD_SPACE)
                                .ofMinLength(1)
                                .ofMaxLength(3)));
        Arbitrary<String> sectionName = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "default",
                                "profile dev",
                                "DEFAULT",
                                "dev",
                                "rolehop-prop",
                                "profile rolehop-prop",
                                "profile  \"rolehop-prop\"",
                                "profile rolehop-prop extra")),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withChars("abcXYZ019 _-.[]=:#;\t\u00a0é\u2028")
                                .ofMinLength(0)
                                .ofMaxLength(12)));
        Arbitrary<String> header = Combinators.combine(
                        indent, sectionName, Arbitraries.of("", "", "", " ", " x", "]", " # c", "\u00a0"))
                .as((i, n, t) -> i + "[" + n + "]" + t);
        Arbitrary<String> key = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of("aws_access_key_id", "region", "s3", "k", "K", "Region", "aws_session_token")),
                Tuple.of(
                        1,
                        Arbitraries.strings().withChars("abcK_-. 0\u00a0\t[#;é").ofMaxLength(8)));
        Arbitrary<String> separator = Arbitraries.of("=", " = ", ":", " : ", "\t=\t", "= ", " =", "=\u00a0", "\u00a0=");
        Arbitrary<String> value = Arbitraries.strings()
                .withChars("=:#;[] abcXYZ0é\t\u00a0\u2028\u0085\u000b\u000c\u001c\u200b")
                .ofMaxLength(12);
        Arbitrary<String> option =
                Combinators.combine(indent, key, separator, value).as((i, k, s, v) -> i + k + s + v);
        Arbitrary<String> comment = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(IniDocument.OWNERSHIP_MARKER)),
                Tuple.of(
                        3,
                        Combinators.combine(indent, Arbitraries.of("#", ";"), value)
                                .as((i, c, v) -> i + c + v)));
        Arbitrary<String> blank =
                Arbitraries.of("", "", " ", "\t", "\u00a0", "\u3000", "\u000b", "\u000c", "\u001c", "\u2028", "\u0085");
        Arbitrary<String> continuation = Combinators.combine(
                        Arbitraries.of("  ", "\t", " ", "\u00a0", "    "), Arbitraries.oneOf(option, value))
                .as((i, v) -> i + v);
        Arbitrary<String> garbage = Arbitraries.strings()
                .withCharRange('\u0000', '\ud7ff')
                .excludeChars('\n', '\r')
                .ofMinLength(1)
                .ofMaxLength(10);
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(3, header),
                Tuple.of(7, option),
                Tuple.of(2, comment),
                Tuple.of(2, blank),
                Tuple.of(3, continuation),
                Tuple.of(1, garbage));
        Arbitrary<String> ending = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("\n")),
                Tuple.of(1, Arbitraries.just("\r\n")),
                Tuple.of(1, Arbitraries.just("\r")));
        Arbitrary<String> terminated = Combinators.combine(line, ending).as((l, e) -> l + e);
        return Combinators.combine(
                        header,
                        terminated.list().ofMaxSize(16),
                        Arbitraries.integers().between(0, 9))
                .as((first, lines, dice) -> {
                    String body = String.join("", lines);
                    String text = (dice < 8 ? first + "\n" : "") + body;
                    // Now and then the last line has no terminator.
                    return dice == 9 && text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                });
    }

    // ---- helpers ----

    /** The whole text, every character outside printable ASCII escaped, to reproduce a disagreement. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars()
                .forEach(c -> out.append(
                        c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
                                ? String.valueOf((char) c)
                                : String.format("\\u%04x", c)));
        return out.append('"').toString();
    }

    private static synchronized AtomicInteger figure(String name) {
        return FIGURES.computeIfAbsent(name, k -> new AtomicInteger());
    }

    private static Path write(Path file, String text) {
        try {
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
