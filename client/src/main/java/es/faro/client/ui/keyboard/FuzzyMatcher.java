package es.faro.client.ui.keyboard;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fuzzy matching for pickers and the command palette: the query's characters must appear in the
 * text in order (case and accents ignored, so "dias" finds "Días"). The score rewards what people
 * mean when they type a few letters: a match at the start, at word starts, consecutive letters, and
 * short texts; 0 means no match. Pure and allocation-light: texts are folded once with {@link #fold}.
 */
public final class FuzzyMatcher {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private FuzzyMatcher() {
    }

    /** Lower case without accents: fold texts once and match the folded form many times. */
    public static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return ascii ? lower : MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    /** Scores folded {@code query} against folded {@code text}; 0 = no match, higher = better. */
    public static int score(String query, String text) {
        int qn = query.length();
        if (qn == 0) {
            return 1;
        }
        int tn = text.length();
        if (qn > tn) {
            return 0;
        }
        int exact = text.indexOf(query);
        if (exact >= 0) {
            // A plain substring beats any scattered match; earlier and at a word start is better.
            int s = 1_000 + qn * 20 - Math.min(exact, 200) - Math.min(tn, 300) / 10;
            if (exact == 0) {
                s += 400;
            } else if (wordStart(text, exact)) {
                s += 200;
            }
            return s;
        }
        int score = 0;
        int ti = 0;
        int run = 0;
        for (int qi = 0; qi < qn; qi++) {
            char q = query.charAt(qi);
            if (q == ' ') {
                run = 0;
                continue;
            }
            int found = -1;
            // Prefer the next word start holding this letter; else the next occurrence.
            for (int j = ti; j < tn; j++) {
                if (text.charAt(j) == q) {
                    if (found < 0) {
                        found = j;
                    }
                    if (wordStart(text, j) && run == 0) {
                        found = j;
                        break;
                    }
                    if (run > 0) {
                        break;
                    }
                }
            }
            if (found < 0) {
                return 0;
            }
            if (found == ti && run > 0) {
                run++;
                score += 5 + run * 3;
            } else {
                run = 1;
                score += 2;
            }
            if (wordStart(text, found)) {
                score += 10;
            }
            ti = found + 1;
        }
        return Math.max(1, score - Math.min(tn, 300) / 30);
    }

    private static boolean wordStart(String text, int i) {
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }
}
