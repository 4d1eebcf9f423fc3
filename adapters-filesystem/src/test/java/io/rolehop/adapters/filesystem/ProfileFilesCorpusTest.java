package io.rolehop.adapters.filesystem;

import static io.rolehop.adapters.filesystem.TestFiles.bytes;
import static io.rolehop.adapters.filesystem.TestFiles.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolehop.application.OperationFailedException;
import io.rolehop.domain.NamedProfile;
import io.rolehop.testing.Botocore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile files of the AWS SDKs' own parser tests (see src/test/resources/profile-files/README.md), with botocore
 * as the oracle: every input botocore parses, rolehop edits as the credentials file and as the config file (a start
 * writes its section, a stop removes it), botocore reads every other section unchanged while rolehop's is there, and
 * after the stop the file is the input byte for byte; every input botocore refuses, rolehop refuses to rewrite.
 */
class ProfileFilesCorpusTest {
    private static final NamedProfile OURS = NamedProfile.of("rolehop-corpus-check");

    /** Edge cases of our own, for what the suites do not hold: line endings and blank lines at the very end. */
    private static final Map<String, String> OWN_CASES = ownCases();

    /** One input: where it comes from, and its bytes. */
    record Input(String name, byte[] bytes) {}

    /** One way of editing a file: as the credentials file or as the config file. */
    private record Kind(String name, String section, Function<Path, Editor> editor) {}

    private interface Editor {
        void start();

        boolean stop();
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("credentials", OURS.name(), file -> new Editor() {
                private final IniCredentialsFile credentials = new IniCredentialsFile(file);

                @Override
                public void start() {
                    credentials.write(OURS, credentials("C"), false);
                }

                @Override
                public boolean stop() {
                    return credentials.remove(OURS);
                }
            }),
            new Kind("config", "profile " + OURS.name(), file -> new Editor() {
                private final IniConfigFile config = new IniConfigFile(file);

                @Override
                public void start() {
                    config.write(OURS, Map.of("region", "eu-west-3", "output", "json"), false);
                }

                @Override
                public boolean stop() {
                    return config.remove(OURS);
                }
            }));

    static List<Input> corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCorpus() {
        corpus = corpus();
    }

    private static Map<String, String> ownCases() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a blank last line", "[a]\nx = 1\n\n");
        cases.put("a whitespace-only last line", "[a]\nx = 1\n \t\n");
        cases.put("a whitespace-only last line without a line ending", "[a]\nx = 1\n  ");
        cases.put("several blank lines at the end", "[a]\nx = 1\n\n\n\n");
        cases.put("a single line ending", "\n");
        cases.put("a comment without a line ending", "# only a comment");
        cases.put("Windows line endings and a blank last line", "[a]\r\nx = 1\r\n\r\n");
        cases.put("Windows line endings without a last one", "[a]\r\nx = 1");
        cases.put("old Mac line endings", "[a]\rx = 1\r");
        cases.put("a nested sub-section last, without a line ending", "[a]\ns3 =\n  max_queue_size = 10");
        cases.put("a comment after the last header", "[a]\nx = 1\n\n[b] ; team b\ny = 2\n");
        return cases;
    }

    static List<Input> corpus() {
        Path root;
        try {
            root = Path.of(
                    ProfileFilesCorpusTest.class.getResource("/profile-files").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Input> inputs = new ArrayList<>();
        try {
            JsonNode suite = new ObjectMapper()
                    .readTree(
                            root.resolve("smithy-rs/profile-parser-tests.json").toFile());
            for (JsonNode test : suite.get("tests")) {
                for (String file : List.of("configFile", "credentialsFile")) {
                    if (test.get("input").has(file)) {
                        inputs.add(new Input(
                                "smithy-rs '" + test.get("name").asText() + "' " + file,
                                test.get("input").get(file).asText().getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            for (String suiteDir : List.of("botocore", "java-sdk-v2")) {
                try (Stream<Path> files = Files.list(root.resolve(suiteDir))) {
                    for (Path file : files.sorted().toList()) {
                        inputs.add(new Input(suiteDir + " " + file.getFileName(), Files.readAllBytes(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OWN_CASES.forEach(
                (name, text) -> inputs.add(new Input("rolehop: " + name, text.getBytes(StandardCharsets.UTF_8))));
        return inputs;
    }

    /** Botocore's verdict on each input, in corpus order. */
    private List<Botocore.ParseOutcome> botocoreOnInputs() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Path file = dir.resolve("inputs/" + i);
            Files.createDirectories(file.getParent());
            Files.write(file, corpus.get(i).bytes());
            files.add(file);
        }
        return Botocore.rawConfigParseEach(files);
    }

    @Test
    void everyFileBotocoreReadsIsEditedAndGivenBackByteForByte() throws IOException {
        List<Botocore.ParseOutcome> verdicts = botocoreOnInputs();
        List<String> failures = new ArrayList<>();
        List<Path> during = new ArrayList<>();
        List<String> duringOf = new ArrayList<>();
        List<Map<String, Map<String, Object>>> expected = new ArrayList<>();
        int parsed = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Input input = corpus.get(i);
            if (!verdicts.get(i).parsed()) {
                continue;
            }
            parsed++;
            for (Kind kind : KINDS) {
                String what = input.name() + " as the " + kind.name() + " file";
                Path file = dir.resolve(kind.name() + "/" + i + "/file");
                Files.createDirectories(file.getParent());
                Files.write(file, input.bytes());
                Editor editor = kind.editor().apply(file);
                try {
                    editor.start();
                } catch (OperationFailedException e) {
                    failures.add(what + ": refused: " + e.getMessage());
                    continue;
                }
                Path copy = dir.resolve(kind.name() + "/" + i + "/during");
                Files.write(copy, bytes(file));
                during.add(copy);
                duringOf.add(what);
                expected.add(verdicts.get(i).sections().orElseThrow());
                if (!editor.stop()) {
                    failures.add(what + ": the stop found no section of rolehop's");
                }
                byte[] after = bytes(file);
                if (!Arrays.equals(input.bytes(), after)) {
                    failures.add(what + ": not byte for byte after the stop: " + quoted(input.bytes()) + " became "
                            + quoted(after));
                }
            }
        }
        List<Botocore.ParseOutcome> whileStarted = Botocore.rawConfigParseEach(during);
        for (int j = 0; j < during.size(); j++) {
            Botocore.ParseOutcome outcome = whileStarted.get(j);
            if (!outcome.parsed()) {
                failures.add(duringOf.get(j) + ": botocore cannot parse the file while rolehop's section is in it: "
                        + outcome.error().orElseThrow());
                continue;
            }
            Map<String, Map<String, Object>> sections =
                    new LinkedHashMap<>(outcome.sections().orElseThrow());
            Map<String, Object> ours =
                    sections.remove(duringOf.get(j).endsWith("config file") ? "profile " + OURS.name() : OURS.name());
            if (ours == null || ours.isEmpty()) {
                failures.add(duringOf.get(j) + ": botocore does not see rolehop's section");
            }
            if (!sections.equals(expected.get(j))) {
                failures.add(duringOf.get(j) + ": botocore reads other sections differently while rolehop's is"
                        + " there: " + expected.get(j) + " became " + sections);
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " failures on the " + parsed + " of " + corpus.size()
                        + " inputs that botocore parses:\n" + String.join("\n", failures));
        // The suites' cases that rolehop used to refuse are among those botocore parses, so they were edited above.
        Set<String> parsedNames = parsedNames(verdicts);
        assertTrue(parsedNames.contains("smithy-rs 'Comment characters adjacent to profile decls' configFile"));
        assertTrue(parsedNames.contains("smithy-rs 'Semicolon sign comments are ignored.' configFile"));
        assertTrue(parsedNames.contains("rolehop: a whitespace-only last line without a line ending"));
    }

    @Test
    void everyFileBotocoreRefusesIsLeftAlone() throws IOException {
        List<Botocore.ParseOutcome> verdicts = botocoreOnInputs();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Input input = corpus.get(i);
            if (verdicts.get(i).parsed()) {
                continue;
            }
            refused++;
            for (Kind kind : KINDS) {
                Path file = dir.resolve(kind.name() + "/" + i + "/file");
                Files.createDirectories(file.getParent());
                Files.write(file, input.bytes());
                try {
                    kind.editor().apply(file).start();
                    failures.add(input.name() + " as the " + kind.name() + " file: botocore refuses it ("
                            + verdicts.get(i).error().orElseThrow() + ") but rolehop rewrote it");
                } catch (OperationFailedException e) {
                    if (!Arrays.equals(input.bytes(), bytes(file))) {
                        failures.add(input.name() + ": changed although refused");
                    }
                }
            }
        }
        assertTrue(refused > 0, "the suites hold files botocore refuses");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Set<String> parsedNames(List<Botocore.ParseOutcome> verdicts) {
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (verdicts.get(i).parsed()) {
                names.add(corpus.get(i).name());
            }
        }
        return names;
    }

    private static String quoted(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8)
                .chars()
                .mapToObj(c -> c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.valueOf((char) c))
                .collect(Collectors.joining("", "\"", "\""));
    }

    @Test
    void theCorpusHoldsEveryCaseOfTheSuites() {
        // 64 tests of smithy-rs, four with both files; four files of botocore; nine of the Java SDK; our own.
        assertEquals(68 + 4 + 9 + OWN_CASES.size(), corpus.size());
    }
}
