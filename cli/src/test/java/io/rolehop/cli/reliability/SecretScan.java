package io.rolehop.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secrets a test knows of (long-term keys it created, and every secret access key and session token rolehop
 * wrote to the AWS credentials file or its cache), checked against everything the processes printed.
 */
final class SecretScan {
    private static final Pattern IN_INI = Pattern.compile("(?m)^(?:aws_secret_access_key|aws_session_token) = (\\S+)");
    private static final Pattern IN_JSON = Pattern.compile("\"(?:SecretAccessKey|SessionToken)\"\\s*:\\s*\"([^\"]+)\"");

    private final Set<String> secrets = new LinkedHashSet<>();

    SecretScan add(String secret) {
        secrets.add(secret);
        return this;
    }

    /** Harvests the secrets in a credentials file and in the JSON files of a cache directory. */
    SecretScan harvest(Path credentialsFile, Path cacheDirectory) {
        try {
            if (Files.exists(credentialsFile)) {
                collect(IN_INI.matcher(Files.readString(credentialsFile)));
            }
            if (Files.isDirectory(cacheDirectory)) {
                try (Stream<Path> files = Files.list(cacheDirectory)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".json")).toList()) {
                        collect(IN_JSON.matcher(Files.readString(f)));
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(Matcher m) {
        while (m.find()) {
            secrets.add(m.group(1));
        }
    }

    int size() {
        return secrets.size();
    }

    /** The secrets that appear in {@code text}, shown only by their length. */
    List<String> leaksIn(String text) {
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            if (secret.length() >= 8 && text.contains(secret)) {
                leaks.add("a secret of " + secret.length() + " characters");
            }
        }
        return leaks;
    }
}
