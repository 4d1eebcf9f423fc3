package io.rolehop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads AWS shared files with botocore's own parser, the independent judge of what rolehop writes. Runs
 * {@code python3 -c} and fails loudly (an {@link AssertionError}) when python3 or botocore is missing.
 */
public final class Botocore {
    private static final long TIMEOUT_SECONDS = 60;

    // Prints one JSON document: {"ok": ...} or {"error": "..."}; exit 3 means botocore could not be imported.
    private static final String SCRIPT = String.join(
            "\n",
            "import json, sys",
            "try:",
            "    import botocore.configloader, botocore.session, botocore.exceptions",
            "except ImportError as e:",
            "    print('botocore is not importable: %s' % e, file=sys.stderr)",
            "    sys.exit(3)",
            "mode = sys.argv[1]",
            "try:",
            "    if mode == 'raw':",
            "        out = {'ok': botocore.configloader.raw_config_parse(sys.argv[2])}",
            "    elif mode == 'profile':",
            "        s = botocore.session.Session(profile=sys.argv[2])",
            "        c = s.get_credentials()",
            "        f = c.get_frozen_credentials() if c is not None else None",
            "        out = {'ok': {",
            "            'region': s.get_config_variable('region'),",
            "            'aws_access_key_id': f.access_key if f else None,",
            "            'aws_secret_access_key': f.secret_key if f else None,",
            "            'aws_session_token': f.token if f else None}}",
            "    elif mode == 'each':",
            "        results = []",
            "        for path in sys.argv[2:]:",
            "            try:",
            "                results.append({'ok': botocore.configloader.raw_config_parse(path)})",
            "            except botocore.exceptions.BotoCoreError as e:",
            "                results.append({'error': '%s: %s' % (type(e).__name__, e)})",
            "        out = {'ok': results}",
            "    elif mode == 'profiles':",
            "        import os",
            "        results = []",
            "        for i in range(2, len(sys.argv), 2):",
            "            os.environ['AWS_CONFIG_FILE'] = sys.argv[i]",
            "            os.environ['AWS_SHARED_CREDENTIALS_FILE'] = sys.argv[i + 1]",
            "            try:",
            "                fc = botocore.session.Session().full_config",
            "                results.append({'ok': {'profiles': fc.get('profiles', {}),",
            "                    'sso_sessions': fc.get('sso_sessions', {})}})",
            "            except botocore.exceptions.BotoCoreError as e:",
            "                results.append({'error': '%s: %s' % (type(e).__name__, e)})",
            "        out = {'ok': results}",
            "    else:",
            "        raise SystemExit('unknown mode ' + mode)",
            "except botocore.exceptions.BotoCoreError as e:",
            "    out = {'error': '%s: %s' % (type(e).__name__, e)}",
            "print(json.dumps(out))",
            "");

    private Botocore() {}

    /** What botocore resolves for one profile; empty where it finds nothing. */
    public record ResolvedProfile(
            Optional<String> accessKeyId,
            Optional<String> secretAccessKey,
            Optional<String> sessionToken,
            Optional<String> region) {

        public ResolvedProfile {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String toString() {
            return "ResolvedProfile[accessKeyId=" + accessKeyId + ", secretAccessKey="
                    + secretAccessKey.map(s -> "****") + ", sessionToken=" + sessionToken.map(s -> "****") + ", region="
                    + region + "]";
        }
    }

    /**
     * {@code botocore.configloader.raw_config_parse(file)}: section name to settings, in file order. A nested
     * sub-section ({@code s3 =} followed by indented keys) is a {@code Map<String, String>}, any other value a
     * {@code String}.
     *
     * @throws AssertionError if botocore refuses the file, or python3/botocore is missing
     */
    public static Map<String, Map<String, Object>> rawConfigParse(Path file) {
        Object result = run(Map.of(), "raw", file.toAbsolutePath().toString());
        if (result instanceof String error) {
            throw new AssertionError("botocore cannot parse " + file + ": " + error);
        }
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        asMap(result).forEach((name, section) -> sections.put(name, asMap(section)));
        return sections;
    }

    /** What botocore made of one file: its sections as {@link #rawConfigParse} gives them, or its error. */
    public record ParseOutcome(Optional<Map<String, Map<String, Object>>> sections, Optional<String> error) {
        public ParseOutcome {
            Objects.requireNonNull(sections, "sections");
            Objects.requireNonNull(error, "error");
            if (sections.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("either sections or an error");
            }
        }

        public boolean parsed() {
            return sections.isPresent();
        }
    }

    /**
     * {@link #rawConfigParse} of many files in one python3 run, for tests that check hundreds of files: each file's
     * sections or botocore's error, in the order given.
     *
     * @throws AssertionError if python3/botocore is missing, or botocore fails otherwise than by refusing a file
     */
    public static List<ParseOutcome> rawConfigParseEach(List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("each"));
        files.forEach(f -> args.add(f.toAbsolutePath().toString()));
        Object result = run(Map.of(), args.toArray(String[]::new));
        return outcomes(result, files.size());
    }

    /** Each answer of a many-files run: its parts as maps, or its error. */
    private static List<ParseOutcome> outcomes(Object result, int expected) {
        if (!(result instanceof List<?> list) || list.size() != expected) {
            throw new AssertionError("unexpected answer from botocore: " + result);
        }
        List<ParseOutcome> outcomes = new ArrayList<>();
        for (Object one : list) {
            Map<String, Object> answer = asMap(one);
            if (answer.containsKey("error")) {
                outcomes.add(new ParseOutcome(Optional.empty(), Optional.of(String.valueOf(answer.get("error")))));
            } else {
                Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
                asMap(answer.get("ok")).forEach((name, part) -> parts.put(name, asMap(part)));
                outcomes.add(new ParseOutcome(Optional.of(parts), Optional.empty()));
            }
        }
        return outcomes;
    }

    /**
     * What botocore's {@code Session.full_config} makes of each pair of files (config, credentials), in one python3
     * run: {@code "profiles"} (profile name to settings, credentials winning over config) and {@code "sso_sessions"},
     * nested sub-sections as maps; or botocore's error for the pair.
     *
     * @throws AssertionError if python3/botocore is missing, or botocore fails otherwise than by refusing a file
     */
    public static List<ParseOutcome> fullConfigEach(List<Path[]> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of("profiles"));
        pairs.forEach(pair -> {
            args.add(pair[0].toAbsolutePath().toString());
            args.add(pair[1].toAbsolutePath().toString());
        });
        Object result = run(Map.of(), args.toArray(String[]::new));
        return outcomes(result, pairs.size());
    }

    /** Botocore's error for {@code file}, or empty when botocore parses it. */
    public static Optional<String> parseError(Path file) {
        Object result = run(Map.of(), "raw", file.toAbsolutePath().toString());
        return result instanceof String error ? Optional.of(error) : Optional.empty();
    }

    /**
     * Resolves {@code profile} as an SDK would, with {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}
     * pointing at the given files and every other {@code AWS_*} variable of this process removed.
     *
     * @throws AssertionError if botocore fails (unknown profile, unparseable file), or python3/botocore is missing
     */
    public static ResolvedProfile resolveProfile(Path configFile, Path credentialsFile, String profile) {
        Map<String, String> env = Map.of(
                "AWS_CONFIG_FILE", configFile.toAbsolutePath().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentialsFile.toAbsolutePath().toString(),
                // Keep botocore from waiting on an instance metadata service when a profile has no keys.
                "AWS_EC2_METADATA_DISABLED", "true");
        Object result = run(env, "profile", profile);
        if (result instanceof String error) {
            throw new AssertionError("botocore cannot resolve profile '" + profile + "': " + error);
        }
        Map<String, Object> values = asMap(result);
        return new ResolvedProfile(
                optionalString(values.get("aws_access_key_id")),
                optionalString(values.get("aws_secret_access_key")),
                optionalString(values.get("aws_session_token")),
                optionalString(values.get("region")));
    }

    /** Returns the "ok" value, or the "error" message as a String. */
    private static Object run(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", SCRIPT));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "python3 is needed to check files with botocore, and could not be started: " + e.getMessage(), e);
        }
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("python3 with botocore did not finish within " + TIMEOUT_SECONDS + " s");
            }
            int exit = process.exitValue();
            if (exit == 3) {
                throw new AssertionError("botocore is needed for this test (pip install botocore): " + stderr.join());
            }
            if (exit != 0) {
                throw new AssertionError("python3 with botocore failed (exit " + exit + "): " + stderr.join());
            }
            Map<String, Object> answer = asMap(new Json(stdout.join().strip()).parse());
            if (answer.containsKey("error")) {
                return String.valueOf(answer.get("error"));
            }
            return answer.get("ok");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for python3", e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> asMap(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("unexpected answer from botocore: " + value);
        }
        return (Map<String, V>) value;
    }

    private static Optional<String> optionalString(Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** Just enough JSON to read what Python's {@code json.dumps} prints: objects, arrays, strings, literals. */
    private static final class Json {
        private final String text;
        private int pos;

        Json(String text) {
            this.text = text;
        }

        Object parse() {
            Object value = value();
            skipSpace();
            if (pos != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    return literal();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private Object literal() {
            int start = pos;
            while (pos < text.length() && ",}] \n\r\t".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String word = text.substring(start, pos);
            switch (word) {
                case "null":
                    return null;
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                default:
                    if (word.isEmpty()) {
                        throw error("unexpected character");
                    }
                    return new java.math.BigDecimal(word);
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private AssertionError error(String what) {
            return new AssertionError("unexpected answer from python3 (" + what + " at " + pos + "): " + text);
        }
    }
}
