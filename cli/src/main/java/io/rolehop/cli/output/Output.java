package io.rolehop.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Writes command results to stdout: JSON for machines, aligned tables for people. */
public final class Output {
    /**
     * Jackson's object mapper, made on the first JSON written: every command line makes an {@code Output}, and
     * loading Jackson's data binding (some 370 classes) would tax the commands that print a table or a line (see
     * docs/performance.md, "Start-up of every command").
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintStream out;
    private boolean quiet;

    public Output(PrintStream out) {
        this.out = out;
    }

    /** Pretty-printed JSON of maps, lists, strings, numbers and booleans. */
    public void json(Object value) {
        try {
            out.println(Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A table with a header row; columns are as wide as their widest cell. */
    public void table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    public void line(String text) {
        out.println(text);
    }

    /** Prose that tells what a command did (never its result): left out with {@code --quiet}. */
    public void prose(String text) {
        if (!quiet) {
            out.println(text);
        }
    }

    /** With {@code --quiet}, {@link #prose} prints nothing; results, tables and JSON are printed all the same. */
    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    public PrintStream stream() {
        return out;
    }
}
