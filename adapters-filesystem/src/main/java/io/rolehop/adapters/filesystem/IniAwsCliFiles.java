package io.rolehop.adapters.filesystem;

import io.rolehop.application.OperationFailedException;
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
 * The AWS CLI's config and credentials files read as botocore reads them ({@code Session.full_config}): config
 * sections {@code [profile NAME]} and {@code [default]} are profiles, later ones winning, {@code [sso-session NAME]}
 * sections are SSO sessions; every section of the credentials file is a profile of that bare name, whose keys win
 * over the config file's; Python's {@code [DEFAULT]} section lends its keys to every section of its file.
 */
public final class IniAwsCliFiles implements AwsCliFiles {
    private final AwsSharedFile config;
    private final AwsSharedFile credentials;

    public IniAwsCliFiles(Path configFile, Path credentialsFile) {
        this.config =
                new AwsSharedFile(Objects.requireNonNull(configFile, "configFile"), CrossProcessLock.DEFAULT_TIMEOUT);
        this.credentials = new AwsSharedFile(
                Objects.requireNonNull(credentialsFile, "credentialsFile"), CrossProcessLock.DEFAULT_TIMEOUT);
    }

    @Override
    public Setup read() {
        Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
        Map<String, Map<String, String>> ssoSessions = new LinkedHashMap<>();
        List<AwsCliFiles.Section> sections = new ArrayList<>();
        Set<String> owned = new LinkedHashSet<>();
        Optional<IniDocument> configDocument = config.document();
        configDocument.ifPresent(document -> {
            Map<String, String> defaults = pythonDefaults(document);
            for (IniDocument.Section section : document.sections()) {
                Optional<String> profile = IniConfigFile.botocoreProfileName(section.name());
                if (profile.isPresent()) {
                    profiles.put(profile.get(), plainSettings(defaults, section.values()));
                    sections.add(section(File.CONFIG, document, section, profile.get()));
                    if (section.owned()) {
                        owned.add(profile.get());
                    }
                } else if (section.name().startsWith("sso-session")) {
                    IniConfigFile.shellWords(section.name())
                            .filter(words -> words.size() == 2)
                            .ifPresent(
                                    words -> ssoSessions.put(words.get(1), plainSettings(defaults, section.values())));
                }
            }
        });
        credentials.document().ifPresent(document -> {
            Map<String, String> defaults = pythonDefaults(document);
            for (IniDocument.Section section : document.sections()) {
                if (section.name().equals(IniDocument.PYTHON_DEFAULT_SECTION)) {
                    continue;
                }
                profiles.computeIfAbsent(section.name(), name -> new LinkedHashMap<>())
                        .putAll(plainSettings(defaults, section.values()));
                sections.add(section(File.CREDENTIALS, document, section, section.name()));
                if (section.owned()) {
                    owned.add(section.name());
                }
            }
        });
        return new Setup(profiles, ssoSessions, sections, List.copyOf(owned));
    }

    @Override
    public void takeOver(AwsCliFiles.Section original, Map<String, String> settings) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(settings, "settings");
        file(original.file()).edit(document -> {
            IniDocument.Section section = find(document, original.header())
                    .filter(s -> !s.owned() && document.text(s).equals(original.text()))
                    .orElseThrow(() -> new OperationFailedException("profile '" + original.profile() + "' in "
                            + location(original.file()) + " changed while rolehop was taking it over; run the"
                            + " command again"));
            return document.replace(
                    section,
                    document.block(original.header(), IniDocument.OWNERSHIP_MARKER, settings, Optional.empty()));
        });
    }

    @Override
    public Optional<String> giveBack(AwsCliFiles.Section original) {
        Objects.requireNonNull(original, "original");
        String[] refusal = new String[1];
        AwsSharedFile file = file(original.file());
        file.edit(document -> {
            Optional<IniDocument.Section> now = find(document, original.header());
            if (now.isPresent() && !now.get().owned()) {
                if (document.text(now.get()).equals(original.text())) {
                    return document.render();
                }
                refusal[0] = "profile '" + original.profile() + "' in " + file.location()
                        + " is someone else's section now; it was left as it is";
                return document.render();
            }
            if (now.isPresent()) {
                return document.restore(now.get(), original.text());
            }
            String text = document.render();
            StringBuilder out = new StringBuilder(text);
            if (!text.isEmpty()) {
                if (!text.endsWith("\n") && !text.endsWith("\r")) {
                    out.append(document.newline());
                }
                out.append(document.newline());
            }
            out.append(original.text());
            if (!original.text().endsWith("\n") && !original.text().endsWith("\r")) {
                out.append(document.newline());
            }
            return out.toString();
        });
        return Optional.ofNullable(refusal[0]);
    }

    @Override
    public Path location(File file) {
        return file(file).location();
    }

    private AwsSharedFile file(File file) {
        return file == File.CONFIG ? config : credentials;
    }

    private static Optional<IniDocument.Section> find(IniDocument document, String header) {
        return document.sections().stream().filter(s -> s.name().equals(header)).findFirst();
    }

    private static AwsCliFiles.Section section(
            File file, IniDocument document, IniDocument.Section section, String profile) {
        return new AwsCliFiles.Section(file, section.name(), profile, document.text(section));
    }

    /** Python's configparser lends the keys of {@code [DEFAULT]} to every other section of the file. */
    private static Map<String, String> pythonDefaults(IniDocument document) {
        return document.sections().stream()
                .filter(s -> s.name().equals(IniDocument.PYTHON_DEFAULT_SECTION))
                .reduce((first, second) -> second)
                .map(IniDocument.Section::values)
                .orElse(Map.of());
    }

    /** The section's settings over the defaults, in file order, without nested sub-sections (botocore's dicts). */
    private static Map<String, String> plainSettings(Map<String, String> defaults, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        defaults.forEach((k, v) -> {
            if (!v.startsWith("\n")) {
                out.put(k, v);
            }
        });
        values.forEach((k, v) -> {
            if (v.startsWith("\n")) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
