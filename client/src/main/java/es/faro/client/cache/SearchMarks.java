package es.faro.client.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the searched words are in a text, the way the index found them: a word (run of letters and
 * digits) that starts with a term once both are folded (case and accents ignored). For names and
 * handles, and for snippets that did not come from the index.
 */
public final class SearchMarks {
    private SearchMarks() {
    }

    public static List<SearchHit.Range> ranges(String text, List<String> terms) {
        List<SearchHit.Range> ranges = new ArrayList<>();
        if (text == null || terms.isEmpty()) {
            return ranges;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length() && isWordPart(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = SearchQuery.fold(text.substring(start, i));
            for (String term : terms) {
                if (!term.isEmpty() && word.startsWith(term)) {
                    ranges.add(new SearchHit.Range(start, i));
                    break;
                }
            }
        }
        return ranges;
    }

    private static boolean isWordPart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
