package es.faro.server.search;

import es.faro.server.http.ApiException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a search text, folded the way the indexes fold what they store: accents removed, lower
 * case, split on anything that is not a letter or a digit. Punctuation and operators (quotes, {@code *},
 * {@code NEAR}'s parentheses, {@code '}, {@code --}, {@code ;}, {@code %}, {@code _}) are separators, never
 * syntax; a text with no word at all, or too long, is refused with a 400 that says why.
 */
public record SearchTerms(List<String> words) {
    public static final int MAX_CHARS = 200;
    public static final int MAX_WORDS = 12;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static SearchTerms parse(String q) {
        if (q == null || q.isBlank()) {
            throw ApiException.validation("q is required: the words to search for");
        }
        if (q.length() > MAX_CHARS) {
            throw ApiException.validation("q is too long: at most " + MAX_CHARS + " characters");
        }
        List<String> words = words(q);
        if (words.isEmpty()) {
            throw ApiException.validation("q has nothing to search for: use letters or digits"
                    + " (punctuation and search operators are ignored)");
        }
        if (words.size() > MAX_WORDS) {
            throw ApiException.validation("q has too many words: at most " + MAX_WORDS);
        }
        return new SearchTerms(List.copyOf(words));
    }

    /** Lower case without accents: "Información" → "informacion". */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : SEPARATORS.split(fold(text))) {
            if (!w.isEmpty() && !words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
