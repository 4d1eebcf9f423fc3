package io.rolehop.adapters.filesystem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays macOS's {@code /usr/bin/security} for {@link MacOsKeychainSecretStore}: {@code add-generic-password},
 * {@code find-generic-password -w}, {@code delete-generic-password} and {@code dump-keychain}, given as arguments or,
 * with {@code -i}, as lines on stdin split by the same rules as Apple's {@code split_line} (quotes, backslash
 * escapes, lines of at most 4096 bytes). Exit codes and messages are Apple's: 44 for an item not found, 36 for a
 * locked keychain. Every command line it was given is recorded, so tests can prove no secret was an argument.
 */
final class FakeSecurityTool implements CommandRunner {
    static final String PROGRAM = "/usr/bin/security";
    private static final int MAX_LINE = 4096;

    /** (service, account) to password bytes. */
    private final Map<List<String>, byte[]> items = new LinkedHashMap<>();

    private final List<List<String>> argvs = new ArrayList<>();
    private final List<String> stdins = new ArrayList<>();
    private boolean locked;

    /** Makes every later command fail as a locked keychain with no way to ask does. */
    void lock() {
        locked = true;
    }

    /** Adds an item as another program might have. */
    void addRaw(String service, String account, byte[] password) {
        items.put(List.of(service, account), password);
    }

    /** Every argument list the tool was run with. */
    List<List<String>> argvs() {
        return List.copyOf(argvs);
    }

    /** Everything written to the tool's stdin. */
    List<String> stdins() {
        return List.copyOf(stdins);
    }

    int itemCount() {
        return items.size();
    }

    @Override
    public synchronized Result run(List<String> command, String stdin, Duration timeout) {
        argvs.add(List.copyOf(command));
        stdins.add(stdin);
        if (!command.get(0).equals(PROGRAM)) {
            return new Result(127, "", "sh: " + command.get(0) + ": not found\n");
        }
        List<String> args = command.subList(1, command.size());
        if (!args.isEmpty() && args.get(0).equals("-i")) {
            int result = 0;
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (String line : stdin.split("\n", -1)) {
                if (line.getBytes(StandardCharsets.UTF_8).length + 1 >= MAX_LINE) {
                    // Apple's readline cuts the line, so the command that runs is not the one sent.
                    return new Result(1, "", "security: line too long for interactive mode\n");
                }
                List<String> words = splitLine(line);
                if (words.isEmpty()) {
                    continue;
                }
                Result r = execute(words);
                out.append(r.stdout());
                err.append(r.stderr());
                if (r.exitCode() != 0) {
                    err.append(words.get(0))
                            .append(": returned ")
                            .append(r.exitCode())
                            .append('\n');
                }
                result = r.exitCode();
            }
            return new Result(result, out.toString(), err.toString());
        }
        return execute(args);
    }

    private Result execute(List<String> words) {
        if (locked) {
            return new Result(36, "", "security: SecKeychainItemCopyContent: User interaction is not allowed.\n");
        }
        Map<String, String> options = new LinkedHashMap<>();
        boolean update = false;
        boolean passwordOnly = false;
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-U" -> update = true;
                case "-s", "-a", "-l", "-w" -> {
                    if (words.get(0).startsWith("find") && words.get(i).equals("-w")) {
                        passwordOnly = true;
                    } else {
                        options.put(words.get(i), words.get(++i));
                    }
                }
                default -> {
                    return new Result(2, "", "security: unexpected argument " + words.get(i) + "\n");
                }
            }
        }
        List<String> id = List.of(options.getOrDefault("-s", ""), options.getOrDefault("-a", ""));
        switch (words.get(0)) {
            case "add-generic-password" -> {
                if (items.containsKey(id) && !update) {
                    return new Result(
                            45,
                            "",
                            "security: SecKeychainItemCreateFromContent (<default>): The specified"
                                    + " item already exists in the keychain.\n");
                }
                items.put(id, options.get("-w").getBytes(StandardCharsets.UTF_8));
                return new Result(0, "", "");
            }
            case "find-generic-password" -> {
                byte[] password = items.get(id);
                if (password == null) {
                    return new Result(
                            44,
                            "",
                            "security: SecKeychainSearchCopyNext: The specified item could not be"
                                    + " found in the keychain.\n");
                }
                return new Result(0, passwordOnly ? new String(password, StandardCharsets.UTF_8) + "\n" : "", "");
            }
            case "delete-generic-password" -> {
                if (items.remove(id) == null) {
                    return new Result(
                            44,
                            "",
                            "security: SecKeychainSearchCopyNext: The specified item could not be"
                                    + " found in the keychain.\n");
                }
                return new Result(0, "keychain: \"/Users/me/Library/Keychains/login.keychain-db\"\n", "");
            }
            case "dump-keychain" -> {
                StringBuilder out = new StringBuilder();
                items.forEach((key, password) -> out.append(
                                "keychain: \"/Users/me/Library/Keychains/login.keychain-db\"\n")
                        .append("version: 512\nclass: \"genp\"\nattributes:\n")
                        .append("    0x00000007 <blob>=")
                        .append(blob(key.get(0)))
                        .append('\n')
                        .append("    \"acct\"<blob>=")
                        .append(blob(key.get(1)))
                        .append('\n')
                        .append("    \"cdat\"<timedate>=0x32303234303130313030303030305A00  \"20240101000000Z\\000\"\n")
                        .append("    \"svce\"<blob>=")
                        .append(blob(key.get(0)))
                        .append('\n')
                        .append("    \"type\"<uint32>=<NULL>\n"));
                return new Result(0, out.toString(), "");
            }
            default -> {
                return new Result(1, "", "security: unknown command \"" + words.get(0) + "\"\n");
            }
        }
    }

    /** How {@code dump-keychain} shows a blob: quoted when printable, else hex followed by a quoted rendering. */
    private static String blob(String text) {
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        return printable
                ? "\"" + text + "\""
                : "0x" + HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8)) + "  \""
                        + text.replace("\"", "\\\"") + "\"";
    }

    /** Apple's {@code split_line}: blanks separate words; quotes group; a backslash takes the next char as is. */
    static List<String> splitLine(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int quote = 0;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (word == null) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                word = new StringBuilder();
                if (c == '"' || c == '\'') {
                    quote = c;
                    continue;
                }
                quote = 0;
            }
            if (escaped) {
                word.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (quote != 0 ? c == quote : Character.isWhitespace(c)) {
                words.add(word.toString());
                word = null;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
