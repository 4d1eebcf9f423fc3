package io.rolehop.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every long-term secret the tests create, and everything every rolehop run of the tests printed: the ledger that
 * proves, class by class over the whole suite, that no secret reaches rolehop's output.
 *
 * <p>{@link MotoServer} registers the secret key of every IAM user it creates (a long-term secret: rolehop hands
 * out temporary credentials only, so it must never print one); the test harnesses record each run's standard
 * output and error. As a JUnit extension (registered for every test class by auto-detection, see the test module's
 * {@code junit-platform.properties}), it fails a test class after its last test if a transcript recorded during the
 * class holds a registered secret, naming the run but never the secret.
 */
public final class SecretLedger implements AfterAllCallback {
    private static final Set<String> SECRETS = new LinkedHashSet<>();
    private static final List<String[]> TRANSCRIPTS = new ArrayList<>();
    private static long scanned;

    /** Registers {@code value} as a secret that no rolehop output may contain. */
    public static synchronized void secret(String value) {
        if (Objects.requireNonNull(value, "value").length() >= 8) {
            SECRETS.add(value);
        }
    }

    /** Records what the rolehop run {@code label} (its command line) printed. */
    public static synchronized void transcript(String label, String output) {
        TRANSCRIPTS.add(
                new String[] {Objects.requireNonNull(label, "label"), Objects.requireNonNull(output, "output")});
    }

    /** The runs recorded since the last check whose output holds a registered secret; forgets the transcripts. */
    static synchronized List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        for (String[] t : TRANSCRIPTS) {
            for (String secret : SECRETS) {
                if (t[1].contains(secret)) {
                    leaks.add(t[0] + " printed the secret of length " + secret.length() + " starting "
                            + secret.substring(0, 2) + "...");
                }
            }
        }
        scanned += TRANSCRIPTS.size();
        TRANSCRIPTS.clear();
        return leaks;
    }

    /** How many transcripts were checked so far in this JVM, and against how many secrets. */
    public static synchronized String figures() {
        return scanned + " rolehop runs' output checked against " + SECRETS.size() + " long-term secrets";
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = leaks();
        System.out.println(
                "secret ledger: after " + context.getDisplayName() + ", " + figures() + ", " + leaks.size() + " leaks");
        if (!leaks.isEmpty()) {
            throw new AssertionError("a secret reached rolehop's output in " + context.getDisplayName() + ": " + leaks);
        }
    }
}
