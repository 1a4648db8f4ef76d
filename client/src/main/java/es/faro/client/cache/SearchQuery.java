package es.faro.client.cache;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the agent typed, made safe for FTS5: the letter and digit runs, each quoted (so {@code "},
 * {@code *}, {@code NEAR}, {@code (}, {@code -} or {@code :} are never FTS syntax), all required, the
 * last one as a prefix so results follow the typing. Text with no letter or digit is no search.
 */
public final class SearchQuery {
    /** More words than this add nothing but cost; the rest are ignored. */
    static final int MAX_TOKENS = 8;
    static final int MAX_TOKEN_LENGTH = 64;

    private final List<String> tokens;
    private final List<String> terms;

    private SearchQuery(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.terms = tokens.stream().map(SearchQuery::fold).toList();
    }

    public static Optional<SearchQuery> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length() && tokens.size() < MAX_TOKENS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || (word.length() > 0 && isMark(cp))) {
                if (word.length() < MAX_TOKEN_LENGTH) {
                    word.appendCodePoint(cp);
                }
            } else if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0 && tokens.size() < MAX_TOKENS) {
            tokens.add(word.toString());
        }
        return tokens.isEmpty() ? Optional.empty() : Optional.of(new SearchQuery(tokens));
    }

    /** The FTS5 MATCH expression: {@code "fibra" "caid"*}. Tokens hold letters and digits only. */
    public String match() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append('"').append(tokens.get(i)).append('"');
            if (i == tokens.size() - 1) {
                out.append('*');
            }
        }
        return out.toString();
    }

    /** The words as the index compares them (lower case, no accents), to mark them in names and snippets. */
    public List<String> terms() {
        return terms;
    }

    /** Lower case without diacritics, as FTS5's {@code unicode61 remove_diacritics 2} compares. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    @Override
    public String toString() {
        return match();
    }
}
