package io.rolehop.cli.output;

/** How a listing or description is printed: {@code table} for people, {@code json} for scripts. */
public enum OutputFormat {
    table,
    json
}
