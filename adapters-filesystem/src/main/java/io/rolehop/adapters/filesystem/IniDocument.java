package io.rolehop.adapters.filesystem;

import io.rolehop.domain.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS shared file as lines, classified exactly as botocore's parser (Python's {@code RawConfigParser} in strict
 * mode, then botocore's nested sub-section rule) classifies them, so that an edit can touch a few lines and keep
 * every other byte. Immutable; the edit methods return the new text.
 */
final class IniDocument {
    static final String OWNERSHIP_MARKER = "# managed by rolehop";
    /**
     * The marker of a section appended to a file whose last line had no line ending: removing the section ends that
     * line as it was, without one. See docs/handing-out-credentials.md.
     */
    static final String OWNERSHIP_MARKER_ENDED_LINE = OWNERSHIP_MARKER + " (it ended the line above)";
    /**
     * Starts the comment, right after the ownership marker, that holds the text of a section rolehop replaced with
     * {@code --force} (Base64 of its exact bytes), to be put back when rolehop removes its own section.
     */
    static final String DISPLACED_PREFIX = "# replaced with --force; rolehop puts it back on stop: ";

    // Python's configparser: SECTCRE is matched at the start of the stripped line, OPTCRE likewise.
    private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)", Pattern.DOTALL);
    // Where str.splitlines() breaks a line besides \n and \r.
    private static final Pattern PY_EXTRA_LINE_BREAKS =
            Pattern.compile("[\\x0b\\x0c\\x1c-\\x1e\\x85\\x{2028}\\x{2029}]");
    // configparser keeps the [DEFAULT] section apart: its keys apply to every other section.
    static final String PYTHON_DEFAULT_SECTION = "DEFAULT";

    enum Kind {
        BLANK,
        COMMENT,
        HEADER,
        OPTION,
        CONTINUATION,
        INVALID
    }

    /** One line: its text without the terminator, the terminator ("" on a last line without one), its kind. */
    record Line(String text, String terminator, Kind kind, String name, String value) {}

    /** Where and why the file is not what botocore accepts. Never holds the line's text (it may be a secret). */
    record Problem(int lineNumber, String reason) {}

    /**
     * A section: header at index {@code header}; its own lines end at {@code lastContent} (the last setting line,
     * or the ownership marker); {@code end} is the index of the next header or the line count.
     */
    record Section(String name, int header, int lastContent, int end, boolean owned, Map<String, String> values) {
        int lineNumber() {
            return header + 1;
        }
    }

    private final List<Line> lines;
    private final List<Section> sections;
    private final Optional<Problem> problem;
    private final String newline;

    private IniDocument(List<Line> lines, List<Section> sections, Optional<Problem> problem, String newline) {
        this.lines = lines;
        this.sections = sections;
        this.problem = problem;
        this.newline = newline;
    }

    static IniDocument parse(String text) {
        List<String[]> raw = split(text);
        List<Line> lines = new ArrayList<>(raw.size());
        Problem problem = null;
        String newline = raw.stream()
                .map(r -> r[1])
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElse("\n");

        // The state of configparser's _read loop.
        boolean inSection = false;
        String sectionName = null;
        String optionName = null;
        boolean optionValueEmpty = false;
        int indentLevel = 0;
        Set<String> sectionsSeen = new HashSet<>();
        Set<String> optionsSeen = new HashSet<>();

        for (int i = 0; i < raw.size(); i++) {
            String text0 = raw.get(i)[0];
            String terminator = raw.get(i)[1];
            int lineNumber = i + 1;
            String stripped = pyStrip(text0);
            Kind kind;
            String name = null;
            String value = null;
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                kind = Kind.COMMENT;
            } else if (stripped.isEmpty()) {
                kind = Kind.BLANK;
            } else {
                int indent = indentOf(text0);
                if (inSection && optionName != null && !optionName.isEmpty() && indent > indentLevel) {
                    kind = Kind.CONTINUATION;
                    value = stripped;
                    if (optionValueEmpty && !nestedSettingsAreKeyValue(stripped) && problem == null) {
                        problem = new Problem(
                                lineNumber,
                                "a nested setting under '" + Text.printable(optionName) + "' is not 'key = value'");
                    }
                } else {
                    indentLevel = indent;
                    Matcher header = SECTION.matcher(stripped);
                    if (header.lookingAt()) {
                        kind = Kind.HEADER;
                        name = header.group(1);
                        if (!name.equals(PYTHON_DEFAULT_SECTION) && !sectionsSeen.add(name) && problem == null) {
                            problem = new Problem(
                                    lineNumber, "section [" + Text.printable(name) + "] appears a second time");
                        }
                        inSection = true;
                        sectionName = name;
                        optionName = null;
                    } else if (!inSection) {
                        kind = Kind.INVALID;
                        if (problem == null) {
                            problem = new Problem(lineNumber, "a setting or text before the first [section] header");
                        }
                    } else {
                        Matcher option = OPTION.matcher(stripped);
                        if (option.matches()) {
                            kind = Kind.OPTION;
                            name = pyRstrip(option.group(1)).toLowerCase(java.util.Locale.ROOT);
                            value = pyStrip(option.group(3));
                            if (name.isEmpty() && problem == null) {
                                problem = new Problem(
                                        lineNumber, "a setting with no name before '" + option.group(2) + "'");
                            } else if (!optionsSeen.add(sectionName + "\u0000" + name) && problem == null) {
                                problem = new Problem(
                                        lineNumber,
                                        "setting '" + Text.printable(name) + "' appears a second time in section ["
                                                + Text.printable(sectionName) + "]");
                            }
                            optionName = name;
                            optionValueEmpty = value.isEmpty();
                        } else {
                            kind = Kind.INVALID;
                            if (problem == null) {
                                problem = new Problem(
                                        lineNumber,
                                        "neither a comment, a [section] header, a"
                                                + " 'key = value' setting nor an indented continuation");
                            }
                        }
                    }
                }
            }
            lines.add(new Line(text0, terminator, kind, name, value));
        }
        return new IniDocument(List.copyOf(lines), sectionsOf(lines), Optional.ofNullable(problem), newline);
    }

    /**
     * Whether every piece of a nested sub-section line is {@code key = value}, as botocore's {@code _parse_nested}
     * requires: it splits the value with Python's {@code str.splitlines()}, which also breaks at U+000B, U+000C,
     * U+001C to U+001E, U+0085, U+2028 and U+2029, so one line of the file can hold several nested settings.
     */
    private static boolean nestedSettingsAreKeyValue(String line) {
        for (String piece : PY_EXTRA_LINE_BREAKS.split(line, -1)) {
            if (!pyStrip(piece).isEmpty() && piece.indexOf('=') < 0) {
                return false;
            }
        }
        return true;
    }

    /** Splits like Python's universal newlines (\r\n, \n, \r), keeping each terminator. */
    private static List<String[]> split(String text) {
        List<String[]> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                out.add(new String[] {text.substring(start, i), text.substring(i, end)});
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            out.add(new String[] {text.substring(start), ""});
        }
        return out;
    }

    private static List<Section> sectionsOf(List<Line> lines) {
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() != Kind.HEADER) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && lines.get(end).kind() != Kind.HEADER) {
                end++;
            }
            boolean owned = i + 1 < end
                    && lines.get(i + 1).kind() == Kind.COMMENT
                    && isOwnershipMarker(lines.get(i + 1).text());
            int lastContent = owned ? i + 1 : i;
            if (owned && i + 2 < end && isDisplaced(lines.get(i + 2))) {
                lastContent = i + 2;
            }
            Map<String, List<String>> parts = new LinkedHashMap<>();
            String current = null;
            for (int j = i + 1; j < end; j++) {
                Line line = lines.get(j);
                switch (line.kind()) {
                    case OPTION -> {
                        current = line.name();
                        parts.put(current, new ArrayList<>(List.of(line.value())));
                        lastContent = j;
                    }
                    case CONTINUATION -> {
                        if (current != null) {
                            parts.get(current).add(line.value());
                        }
                        lastContent = j;
                    }
                    case BLANK -> {
                        // configparser keeps blank lines inside a value, then strips them from its end.
                        if (current != null) {
                            parts.get(current).add("");
                        }
                    }
                    default -> {
                        // Comments are not part of any value.
                    }
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            parts.forEach((k, v) -> values.put(k, pyRstrip(String.join("\n", v))));
            out.add(new Section(lines.get(i).name(), i, lastContent, end, owned, Map.copyOf(values)));
        }
        return List.copyOf(out);
    }

    Optional<Problem> problem() {
        return problem;
    }

    List<Section> sections() {
        return sections;
    }

    /** The settings of {@code section} as botocore reads them, in the order of the file. */
    Map<String, String> settingsInOrder(Section section) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (int i = section.header() + 1; i < section.end(); i++) {
            Line line = lines.get(i);
            if (line.kind() == Kind.OPTION) {
                ordered.put(line.name(), section.values().get(line.name()));
            }
        }
        return ordered;
    }

    /** The line ending the file already uses (its first one), or \n. */
    String newline() {
        return newline;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.text()).append(line.terminator());
        }
        return out.toString();
    }

    private static boolean isOwnershipMarker(String line) {
        String stripped = pyStrip(line);
        return stripped.equals(OWNERSHIP_MARKER) || stripped.equals(OWNERSHIP_MARKER_ENDED_LINE);
    }

    /** The ownership marker line of an owned {@code section}, as the file has it. */
    String marker(Section section) {
        if (!section.owned()) {
            throw new IllegalArgumentException("section [" + section.name() + "] is not owned");
        }
        return pyStrip(lines.get(section.header() + 1).text());
    }

    /**
     * The lines of an owned section: header, ownership {@code marker}, the text of a section it replaced with
     * {@code --force} ({@code displaced}, Base64 of its exact bytes, to be put back later), settings.
     */
    List<String> block(String sectionName, String marker, Map<String, String> settings, Optional<String> displaced) {
        List<String> block = new ArrayList<>();
        block.add("[" + sectionName + "]");
        block.add(marker);
        displaced.ifPresent(text -> block.add(
                DISPLACED_PREFIX + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
        settings.forEach((k, v) -> block.add(k + " = " + v));
        return block;
    }

    /** The exact text of {@code section}'s own lines, header to last setting, line endings included. */
    String text(Section section) {
        StringBuilder out = new StringBuilder();
        appendLines(out, section.header(), section.lastContent() + 1);
        return out.toString();
    }

    /** The text of the section an owned section replaced, if it keeps one. */
    Optional<String> displaced(Section section) {
        if (!section.owned()
                || section.lastContent() < section.header() + 2
                || !isDisplaced(lines.get(section.header() + 2))) {
            return Optional.empty();
        }
        String encoded = pyStrip(lines.get(section.header() + 2).text()).substring(DISPLACED_PREFIX.length());
        try {
            return Optional.of(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The text with {@code section}'s own lines replaced by {@code text}, byte for byte. */
    String restore(Section section, String text) {
        StringBuilder out = new StringBuilder();
        appendLines(out, 0, section.header());
        out.append(text);
        appendLines(out, section.lastContent() + 1, lines.size());
        return out.toString();
    }

    private static boolean isDisplaced(Line line) {
        return line.kind() == Kind.COMMENT && pyStrip(line.text()).startsWith(DISPLACED_PREFIX);
    }

    /** The text with {@code section}'s own lines (header to last setting) replaced by {@code block}. */
    String replace(Section section, List<String> block) {
        StringBuilder out = new StringBuilder();
        appendLines(out, 0, section.header());
        for (String b : block) {
            out.append(b).append(newline);
        }
        appendLines(out, section.lastContent() + 1, lines.size());
        return out.toString();
    }

    /**
     * The marker a new section appended to this text gets: it says what {@link #append} adds before the section,
     * so that {@link #remove} takes back exactly that.
     */
    String markerForAppend() {
        return !lines.isEmpty() && lines.get(lines.size() - 1).terminator().isEmpty()
                ? OWNERSHIP_MARKER_ENDED_LINE
                : OWNERSHIP_MARKER;
    }

    /**
     * The text with {@code block} added at the end. A file that exists gets one blank line of rolehop's before it,
     * after a line ending for a last line that has none; a file that does not exist yet ({@code fileExists} false)
     * gets the block alone. {@link #remove} takes back exactly these additions; the block's marker must be
     * {@link #markerForAppend()}.
     */
    String append(List<String> block, boolean fileExists) {
        StringBuilder out = new StringBuilder(render());
        if (fileExists) {
            if (!lines.isEmpty() && lines.get(lines.size() - 1).terminator().isEmpty()) {
                out.append(newline);
            }
            out.append(newline);
        }
        for (String b : block) {
            out.append(b).append(newline);
        }
        return out.toString();
    }

    /**
     * The text without {@code section}'s own lines and the blank line that separated it: the one before it, or else
     * the one after it; for a section whose marker says it ended the line above, and that is still last, that line
     * loses its line ending again. Comments and blank lines between its last setting and the next header stay. Empty
     * when nothing remains of a file the section was the first content of, with no blank line before it: a file
     * rolehop created, which is deleted rather than left empty.
     */
    Optional<String> remove(Section section) {
        int from = section.header();
        int to = section.lastContent() + 1;
        boolean separatorBefore = from > 0 && lines.get(from - 1).kind() == Kind.BLANK;
        if (separatorBefore) {
            from--;
        } else if (to < lines.size() && lines.get(to).kind() == Kind.BLANK) {
            to++;
        }
        StringBuilder out = new StringBuilder();
        appendLines(out, 0, from);
        boolean endedLine = section.owned() && marker(section).equals(OWNERSHIP_MARKER_ENDED_LINE);
        if (endedLine && separatorBefore && from > 0 && to == lines.size()) {
            Line above = lines.get(from - 1);
            out.setLength(out.length() - above.terminator().length());
        }
        appendLines(out, to, lines.size());
        if (out.length() == 0 && section.header() == 0) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    private void appendLines(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(lines.get(i).text()).append(lines.get(i).terminator());
        }
    }

    /** Python's {@code str.strip()}: Unicode white space at both ends. */
    static String pyStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPySpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String pyRstrip(String s) {
        int end = s.length();
        while (end > 0 && isPySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int indentOf(String s) {
        int i = 0;
        while (i < s.length() && isPySpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isPySpace(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u0085'
                || (c >= '\u001c' && c <= '\u001f');
    }
}
