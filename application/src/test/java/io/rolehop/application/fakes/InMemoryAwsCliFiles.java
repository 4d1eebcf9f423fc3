package io.rolehop.application.fakes;

import io.rolehop.application.port.out.AwsCliFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS CLI's files as botocore would read them, held in memory: profiles put in the config file
 * ({@link #config}) or the credentials file ({@link #credentials}), the latter's settings winning. Sections taken over
 * are rolehop's until given back.
 */
public final class InMemoryAwsCliFiles implements AwsCliFiles {
    private final Map<String, Map<String, String>> config = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> ssoSessions = new LinkedHashMap<>();
    private final Map<String, Section> current = new LinkedHashMap<>();
    private final Set<String> owned = new LinkedHashSet<>();

    /** Adds or replaces {@code profile} in the config file. */
    public synchronized InMemoryAwsCliFiles config(String profile, Map<String, String> settings) {
        config.put(profile, new LinkedHashMap<>(settings));
        current.put("CONFIG/" + profile, section(File.CONFIG, profile, settings));
        return this;
    }

    /** Adds or replaces {@code profile} in the credentials file. */
    public synchronized InMemoryAwsCliFiles credentials(String profile, Map<String, String> settings) {
        credentials.put(profile, new LinkedHashMap<>(settings));
        current.put("CREDENTIALS/" + profile, section(File.CREDENTIALS, profile, settings));
        return this;
    }

    public synchronized InMemoryAwsCliFiles ssoSession(String name, Map<String, String> settings) {
        ssoSessions.put(name, new LinkedHashMap<>(settings));
        return this;
    }

    /** The text of the section now under {@code file} and {@code profile}'s header. */
    public synchronized Optional<String> text(File file, String profile) {
        return Optional.ofNullable(current.get(file + "/" + profile)).map(Section::text);
    }

    @Override
    public synchronized Setup read() {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        config.forEach((name, settings) -> profiles.put(name, new LinkedHashMap<>(settings)));
        credentials.forEach((name, settings) ->
                profiles.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(settings));
        List<Section> sections = new ArrayList<>();
        current.values().stream().filter(s -> !owned.contains(s.profile())).forEach(sections::add);
        return new Setup(profiles, ssoSessions, sections, List.copyOf(owned));
    }

    @Override
    public synchronized void takeOver(Section original, Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        String key = original.file() + "/" + original.profile();
        if (!original.equals(current.get(key))) {
            throw new io.rolehop.application.OperationFailedException("changed since read: " + key);
        }
        current.put(key, section(original.file(), original.profile(), settings));
        (original.file() == File.CONFIG ? config : credentials).put(original.profile(), new LinkedHashMap<>(settings));
        owned.add(original.profile());
    }

    @Override
    public synchronized Optional<String> giveBack(Section original) {
        String key = original.file() + "/" + original.profile();
        current.put(key, original);
        owned.remove(original.profile());
        Map<String, String> settings = new LinkedHashMap<>();
        original.text().lines().skip(1).forEach(line -> {
            String[] kv = line.split(" = ", 2);
            settings.put(kv[0], kv[1]);
        });
        (original.file() == File.CONFIG ? config : credentials).put(original.profile(), settings);
        return Optional.empty();
    }

    @Override
    public Path location(File file) {
        return Path.of(file == File.CONFIG ? "/fake/config" : "/fake/credentials");
    }

    private static Section section(File file, String profile, Map<String, String> settings) {
        String header = file == File.CONFIG && !profile.equals("default") ? "profile " + profile : profile;
        StringBuilder text = new StringBuilder("[" + header + "]\n");
        settings.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        return new Section(file, header, profile, text.toString());
    }
}
