package es.faro.server.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short excerpt of a matched text around its first match, with where the matched words are
 * (character ranges in the excerpt), so a client highlights without parsing markup. Matching is on
 * folded words, as the index matches: "informacion" highlights "Información"; the last word as a prefix.
 */
final class Highlighter {
    /** Characters of context before the first match. */
    private static final int BEFORE = 40;
    private static final int LENGTH = 160;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    record Range(int start, int end) {
    }

    record Snippet(String text, List<Range> highlights) {
    }

    private Highlighter() {
    }

    static Snippet snippet(String text, List<String> words) {
        String source = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        List<Range> all = new ArrayList<>();
        Matcher m = WORD.matcher(source);
        while (m.find()) {
            String folded = SearchTerms.fold(Normalizer.normalize(m.group(), Normalizer.Form.NFC));
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                boolean prefix = i == words.size() - 1;
                if (folded.equals(w) || (prefix && folded.startsWith(w))) {
                    all.add(new Range(m.start(), m.end()));
                    break;
                }
            }
        }
        int from = all.isEmpty() ? 0 : Math.max(0, all.get(0).start() - BEFORE);
        if (from > 0) {
            int space = source.indexOf(' ', from);
            from = space >= 0 && space < all.get(0).start() ? space + 1 : from;
        }
        int to = Math.min(source.length(), from + LENGTH);
        String prefix = from > 0 ? "…" : "";
        String suffix = to < source.length() ? "…" : "";
        List<Range> inside = new ArrayList<>();
        for (Range r : all) {
            if (r.start() >= from && r.end() <= to) {
                inside.add(new Range(r.start() - from + prefix.length(), r.end() - from + prefix.length()));
            }
        }
        return new Snippet(prefix + source.substring(from, to) + suffix, inside);
    }
}
