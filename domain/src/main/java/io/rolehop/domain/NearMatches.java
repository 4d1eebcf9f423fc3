package io.rolehop.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The known names closest to a mistyped one, for "did you mean ..." answers: those within a small edit distance
 * (insertions, deletions, substitutions and swaps of neighbours; case ignored), nearest first, at most three.
 */
public final class NearMatches {
    private static final int MAX = 3;

    private NearMatches() {}

    /** The names of {@code known} near {@code typed}, nearest first; empty when none is near. */
    public static List<String> of(String typed, Iterable<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, t.length() / 3));
        List<String> near = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String name : known) {
            String n = name.toLowerCase(Locale.ROOT);
            int distance = distance(t, n);
            boolean prefix = t.length() >= 3 && (n.startsWith(t) || t.startsWith(n));
            if ((distance <= allowed || prefix) && !name.equals(typed)) {
                near.add(name);
                distances.add(prefix ? Math.min(distance, allowed) : distance);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(distances::get));
        return order.stream().limit(MAX).map(near::get).toList();
    }

    /** "; did you mean 'a' or 'b'?" for the names near {@code typed}, or "" when none is. */
    public static String didYouMean(String typed, Iterable<String> known) {
        List<String> near = of(typed, known);
        if (near.isEmpty()) {
            return "";
        }
        List<String> quoted =
                near.stream().map(n -> "'" + Text.printable(n) + "'").toList();
        return "; did you mean " + String.join(" or ", quoted) + "?";
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
