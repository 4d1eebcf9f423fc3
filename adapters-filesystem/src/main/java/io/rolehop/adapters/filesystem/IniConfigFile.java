package io.rolehop.adapters.filesystem;

import io.rolehop.application.port.out.ConfigFile;
import io.rolehop.domain.NamedProfile;
import io.rolehop.domain.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS shared config file, edited line by line: only sections marked {@code # managed by rolehop} are written or
 * removed; other sections, comments and nested sub-sections are kept byte for byte.
 */
public final class IniConfigFile implements ConfigFile {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final AwsSharedFile file;

    /** The file at {@code location} (usually {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}). */
    public IniConfigFile(Path location) {
        this(location, CrossProcessLock.DEFAULT_TIMEOUT);
    }

    /** Like {@link #IniConfigFile(Path)}, waiting at most {@code lockTimeout} for another writer. */
    public IniConfigFile(Path location, Duration lockTimeout) {
        this.file = new AwsSharedFile(Objects.requireNonNull(location, "location"), lockTimeout);
    }

    @Override
    public void checkWritable(NamedProfile profile, Map<String, String> settings, boolean force) {
        file.check(target(profile), validated(settings), force, true);
    }

    @Override
    public void write(NamedProfile profile, Map<String, String> settings, boolean force) {
        file.write(target(profile), validated(settings), force, true);
    }

    @Override
    public boolean remove(NamedProfile profile) {
        return file.remove(target(profile));
    }

    @Override
    public Optional<Map<String, String>> owned(NamedProfile profile) {
        return file.ownedSettings(target(profile));
    }

    /** Whether rolehop owns the profile's section in the file now. */
    public boolean owns(NamedProfile profile) {
        return file.owns(target(profile));
    }

    @Override
    public Optional<String> unreadable() {
        return file.unreadable();
    }

    @Override
    public Path location() {
        return file.location();
    }

    private static AwsSharedFile.Target target(NamedProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return new AwsSharedFile.Target(
                profile,
                profile.configSectionName(),
                header -> botocoreProfileName(header)
                        .filter(profile.name()::equals)
                        .isPresent());
    }

    /**
     * The profile botocore files a config section under: {@code default} for {@code [default]}; for a header that
     * starts with "profile", the second of exactly two shell-like words ({@code [profile dev]},
     * {@code [profile  "dev"]}); none otherwise.
     */
    static Optional<String> botocoreProfileName(String header) {
        if (header.equals("default")) {
            return Optional.of("default");
        }
        if (!header.startsWith("profile")) {
            return Optional.empty();
        }
        return shellWords(header).filter(words -> words.size() == 2).map(words -> words.get(1));
    }

    /** Python's {@code shlex.split} (POSIX mode, no comments); empty for an unbalanced quote. */
    static Optional<List<String>> shellWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && "\\\"".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 >= text.length()) {
                        return Optional.empty();
                    }
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (word != null) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }

    private static Map<String, String> validated(Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("a config section needs at least one setting");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("invalid config key '" + Text.printable(key) + "'");
            }
            if (value.isEmpty()
                    || !IniDocument.pyStrip(value).equals(value)
                    || value.chars().anyMatch(c -> c < ' ' || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)) {
                // Never quote the value: a config value may be sensitive (a command line with a token).
                throw new IllegalArgumentException("invalid value for config key '" + key
                        + "': it must be one line without leading or trailing white space");
            }
            copy.put(key, value);
        });
        return copy;
    }
}
