package io.rolehop.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rolehop.application.OperationFailedException;
import io.rolehop.application.port.out.AwsCliFiles;
import io.rolehop.testing.Botocore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's setup read as botocore reads it ({@code Session.full_config}, the oracle), over our own cases and the
 * profile files of the SDKs' parser tests; and taking a section over then giving it back leaves the file byte for
 * byte as it was.
 */
class IniAwsCliFilesTest {
    @TempDir
    Path dir;

    /** Pairs of (config, credentials) texts that say what a profile is. */
    private static List<String[]> ownCases() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"[default]\nregion = eu-west-1\n[profile default]\nregion = us-east-2\n", ""});
        cases.add(new String[] {"[profile default]\nregion = us-east-2\n[default]\nregion = eu-west-1\n", ""});
        cases.add(new String[] {
            "[profile a]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = b\nregion = r1\n",
            "[a]\nregion = r2\naws_access_key_id = K\n[profile c]\nx = 1\n[b]\naws_access_key_id = B\n"
        });
        cases.add(new String[] {
            "[profile  \"with space\"]\nx = 1\n[profile 'q']\ny = 2\n[profilez]\nz = 3\n"
                    + "[profile a b c]\nw = 4\n[other]\nv = 5\n",
            ""
        });
        cases.add(new String[] {
            "[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\n"
                    + "[profile s]\nsso_session = corp\nsso_account_id = 1\n",
            ""
        });
        cases.add(new String[] {
            "[DEFAULT]\nregion = ap-south-1\n[profile a]\nx = 1\n", "[DEFAULT]\noutput = json\n[a]\ny = 2\n"
        });
        cases.add(new String[] {"[profile n]\ns3 =\n  max_concurrent_requests = 20\nregion = r\n", ""});
        cases.add(new String[] {"[profile a]\nx = 1\n", "[a]\nx = 2\n"});
        return cases;
    }

    @Test
    void profilesAreWhatBotocoreMakesOfOurCases() throws Exception {
        List<String[]> cases = ownCases();
        List<Path[]> pairs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            pairs.add(write(
                    i,
                    cases.get(i)[0].getBytes(StandardCharsets.UTF_8),
                    cases.get(i)[1].getBytes(StandardCharsets.UTF_8)));
        }
        List<Botocore.ParseOutcome> oracle = Botocore.fullConfigEach(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            assertSameAsBotocore(
                    "case " + i + ": " + cases.get(i)[0] + " / " + cases.get(i)[1], pairs.get(i), oracle.get(i));
        }
    }

    @Test
    void profilesAreWhatBotocoreMakesOfTheSdkParserTestFiles() throws Exception {
        List<ProfileFilesCorpusTest.Input> corpus = ProfileFilesCorpusTest.corpus();
        List<Path[]> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        byte[] none = new byte[0];
        for (int i = 0; i < corpus.size(); i++) {
            pairs.add(write(2 * i, corpus.get(i).bytes(), none));
            names.add(corpus.get(i).name() + " as the config file");
            pairs.add(write(2 * i + 1, none, corpus.get(i).bytes()));
            names.add(corpus.get(i).name() + " as the credentials file");
        }
        List<Botocore.ParseOutcome> oracle = Botocore.fullConfigEach(pairs);
        int compared = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (oracle.get(i).parsed()) {
                assertSameAsBotocore(names.get(i), pairs.get(i), oracle.get(i));
                compared++;
            } else {
                Path[] pair = pairs.get(i);
                assertThrows(
                        OperationFailedException.class,
                        () -> new IniAwsCliFiles(pair[0], pair[1]).read(),
                        names.get(i) + ": botocore refuses it, "
                                + oracle.get(i).error().orElseThrow());
            }
        }
        assertTrue(compared > 100, "compared " + compared + " inputs");
    }

    @Test
    void aSectionTakenOverAndGivenBackIsTheFileByteForByte() throws Exception {
        String text = "# keys\r\n[a]\r\naws_access_key_id = AKIA1\r\naws_secret_access_key = s1\r\n; after a\r\n"
                + "\r\n[b]\r\naws_access_key_id = AKIA2\r\naws_secret_access_key = s2";
        Path[] pair = write(0, new byte[0], text.getBytes(StandardCharsets.UTF_8));
        IniAwsCliFiles files = new IniAwsCliFiles(pair[0], pair[1]);
        AwsCliFiles.Setup setup = files.read();
        AwsCliFiles.Section a = setup.sectionsOf("a").get(0);
        AwsCliFiles.Section b = setup.sectionsOf("b").get(0);
        files.takeOver(a, Map.of());
        files.takeOver(b, Map.of());
        String taken = Files.readString(pair[1]);
        assertFalse(taken.contains("s1") || taken.contains("s2"), taken);
        assertEquals(List.of("a", "b"), files.read().owned());
        Botocore.rawConfigParse(pair[1]);

        assertEquals(Optional.empty(), files.giveBack(b));
        assertEquals(Optional.empty(), files.giveBack(a));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(pair[1]));
        assertEquals(Optional.empty(), files.giveBack(a), "giving back twice changes nothing");
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(pair[1]));
    }

    @Test
    void aSectionChangedSinceItWasReadIsNotTakenOver() throws Exception {
        Path[] pair = write(0, "[profile a]\nregion = eu-west-1\n".getBytes(StandardCharsets.UTF_8), new byte[0]);
        IniAwsCliFiles files = new IniAwsCliFiles(pair[0], pair[1]);
        AwsCliFiles.Section a = files.read().sectionsOf("a").get(0);
        Files.writeString(pair[0], "[profile a]\nregion = us-east-2\n");
        assertThrows(OperationFailedException.class, () -> files.takeOver(a, Map.of("region", "eu-west-1")));
        assertEquals("[profile a]\nregion = us-east-2\n", Files.readString(pair[0]));
    }

    @Test
    void aSectionOfTheUsersUnderTheSameHeaderIsNotOverwrittenByGivingBack() throws Exception {
        Path[] pair = write(0, "[profile a]\nregion = eu-west-1\n".getBytes(StandardCharsets.UTF_8), new byte[0]);
        IniAwsCliFiles files = new IniAwsCliFiles(pair[0], pair[1]);
        AwsCliFiles.Section a = files.read().sectionsOf("a").get(0);
        files.takeOver(a, Map.of("region", "eu-west-1"));
        Files.writeString(pair[0], "[profile a]\nregion = ap-south-1\n");
        assertTrue(files.giveBack(a).orElseThrow().contains("someone else's"));
        assertEquals("[profile a]\nregion = ap-south-1\n", Files.readString(pair[0]));
    }

    private Path[] write(int n, byte[] config, byte[] credentials) throws Exception {
        Path configFile = dir.resolve("config-" + n);
        Path credentialsFile = dir.resolve("credentials-" + n);
        Files.write(configFile, config);
        Files.write(credentialsFile, credentials);
        return new Path[] {configFile, credentialsFile};
    }

    private static void assertSameAsBotocore(String name, Path[] pair, Botocore.ParseOutcome oracle) {
        Map<String, Map<String, Object>> expected = oracle.sections().orElseThrow();
        AwsCliFiles.Setup setup = new IniAwsCliFiles(pair[0], pair[1]).read();
        assertEquals(plain(expected.get("profiles")), setup.profiles(), name);
        assertEquals(plain(expected.get("sso_sessions")), setup.ssoSessions(), name);
    }

    /** Botocore's profiles without nested sub-sections (maps), which an import does not read. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> plain(Object profiles) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        ((Map<String, Object>) profiles).forEach((name, settings) -> {
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<String, Object>) settings).forEach((k, v) -> {
                if (v instanceof String s) {
                    values.put(k, s);
                }
            });
            out.put(name, values);
        });
        return out;
    }
}
