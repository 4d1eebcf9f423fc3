package io.rolehop.cli.terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

/**
 * An interactive choice among a few items on the terminal, on JLine: type to filter (every word typed must appear,
 * case ignored), arrows (or Ctrl-P/Ctrl-N) to move, Enter to choose, Esc or Ctrl-C to give up. Used wherever a
 * command asks for a session and none was given (see docs/cli-reference.md, "Pickers and prompts").
 */
public final class Picker {
    private static final int VISIBLE = 10;

    /** One choice: what the command gets back and the line the user reads. */
    public record Item(String value, String label) {}

    private enum Key {
        UP,
        DOWN,
        ENTER,
        CANCEL,
        BACKSPACE,
        CHAR
    }

    private Picker() {}

    /** Whether a picker can be shown: a real terminal on stdin and on stdout or stderr. */
    public static boolean available() {
        try (Terminal terminal = open()) {
            return !Terminal.TYPE_DUMB.equals(terminal.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Shows {@code items} under {@code title}, {@code preselected} (an index) highlighted first; the value chosen, or
     * empty when the user gave up.
     */
    public static Optional<String> pick(String title, List<Item> items, int preselected) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        try (Terminal terminal = open()) {
            Attributes saved = terminal.enterRawMode();
            try {
                return new Run(terminal, title, items, Math.max(0, Math.min(preselected, items.size() - 1))).loop();
            } finally {
                terminal.setAttributes(saved);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Terminal open() throws IOException {
        // The exec provider drives the terminal through stty: no native library, nothing extracted to /tmp.
        return TerminalBuilder.builder()
                .system(true)
                .provider("exec")
                .dumb(true)
                .nativeSignals(false)
                .build();
    }

    private static final class Run {
        private final Terminal terminal;
        private final PrintWriter out;
        private final String title;
        private final List<Item> items;
        private final KeyMap<Key> keys = new KeyMap<>();
        private final StringBuilder filter = new StringBuilder();
        private int selected;
        private int drawn;

        Run(Terminal terminal, String title, List<Item> items, int preselected) {
            this.terminal = terminal;
            this.out = terminal.writer();
            this.title = title;
            this.items = items;
            this.selected = preselected;
            keys.bind(Key.UP, KeyMap.key(terminal, Capability.key_up), "\033[A", "\033OA", KeyMap.ctrl('P'));
            keys.bind(Key.DOWN, KeyMap.key(terminal, Capability.key_down), "\033[B", "\033OB", KeyMap.ctrl('N'));
            keys.bind(Key.ENTER, "\r", "\n");
            keys.bind(Key.CANCEL, KeyMap.esc(), KeyMap.ctrl('C'), KeyMap.ctrl('D'));
            keys.bind(Key.BACKSPACE, KeyMap.del(), KeyMap.ctrl('H'));
            for (char c = ' '; c < 127; c++) {
                keys.bind(Key.CHAR, String.valueOf(c));
            }
            keys.setUnicode(Key.CHAR);
            keys.setAmbiguousTimeout(100);
        }

        Optional<String> loop() {
            BindingReader reader = new BindingReader(terminal.reader());
            List<Item> shown = matching();
            draw(shown);
            while (true) {
                Key key = reader.readBinding(keys);
                if (key == null || key == Key.CANCEL) {
                    clear();
                    return Optional.empty();
                }
                switch (key) {
                    case UP -> selected = Math.max(0, selected - 1);
                    case DOWN -> selected = Math.min(Math.max(0, shown.size() - 1), selected + 1);
                    case ENTER -> {
                        if (!shown.isEmpty()) {
                            clear();
                            Item chosen = shown.get(selected);
                            out.println(title + " " + chosen.label());
                            out.flush();
                            return Optional.of(chosen.value());
                        }
                    }
                    case BACKSPACE -> {
                        if (filter.length() > 0) {
                            filter.setLength(filter.length() - 1);
                            selected = 0;
                        }
                    }
                    case CHAR -> {
                        String typed = reader.getLastBinding();
                        if (typed.codePoints().noneMatch(Character::isISOControl)) {
                            filter.append(typed);
                            selected = 0;
                        }
                    }
                    default -> {}
                }
                shown = matching();
                selected = Math.min(selected, Math.max(0, shown.size() - 1));
                draw(shown);
            }
        }

        private List<Item> matching() {
            String[] words = filter.toString().toLowerCase(Locale.ROOT).trim().split("\\s+");
            List<Item> shown = new ArrayList<>();
            for (Item item : items) {
                String label = item.label().toLowerCase(Locale.ROOT);
                boolean all = true;
                for (String word : words) {
                    all &= label.contains(word);
                }
                if (all) {
                    shown.add(item);
                }
            }
            return shown;
        }

        private void draw(List<Item> shown) {
            clear();
            List<String> lines = new ArrayList<>();
            lines.add(title + " " + filter + "   (type to filter, arrows to move, Enter to choose, Esc to cancel)");
            int first = Math.max(0, Math.min(selected - VISIBLE / 2, shown.size() - VISIBLE));
            for (int i = first; i < Math.min(shown.size(), first + VISIBLE); i++) {
                lines.add((i == selected ? "> " : "  ") + shown.get(i).label());
            }
            if (shown.isEmpty()) {
                lines.add("  (nothing matches '" + filter + "')");
            }
            for (String line : lines) {
                out.print(line + "\r\n");
            }
            drawn = lines.size();
            out.flush();
        }

        /** Erases what was drawn: up to its first line, then to the end of the screen. */
        private void clear() {
            if (drawn > 0) {
                out.print("\033[" + drawn + "A\r\033[J");
                drawn = 0;
            }
            out.flush();
        }
    }
}
