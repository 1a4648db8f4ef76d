package es.faro.server.automation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A small Spanish and English lexicon of angry tone, plus shouting (mostly capitals, or "!!!") and
 * angry emoji. Deliberately simple and explainable: it feeds a priority-boost rule, not a verdict.
 */
public final class Tone {
    static final List<String> ANGRY_WORDS = List.of(
            // Spanish (accents removed: matched on folded text)
            "vergonzoso", "verguenza", "desastre", "indignante", "indignado", "indignada", "inutil", "inutiles",
            "harto", "harta", "hartos", "estafa", "estafadores", "ladrones", "robo", "pesimo", "pesima",
            "penoso", "lamentable", "basura", "denunciar", "denuncia", "ridiculo", "cabreado", "cabreada",
            "asco", "impresentable", "tomadura de pelo", "nunca mas", "os vais a enterar", "una verguenza",
            // English
            "disgrace", "disgusting", "furious", "angry", "useless", "terrible", "awful", "ridiculous",
            "scam", "worst", "fed up", "sick of", "unacceptable", "pathetic", "rip off", "rip-off", "never again");
    static final List<String> ANGRY_EMOJI = List.of("😡", "🤬", "😤", "👿", "💢");

    private Tone() {
    }

    /** How many angry signals the text carries (0 = none). */
    public static int angerScore(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int score = 0;
        String folded = " " + fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (String w : ANGRY_WORDS) {
            if (folded.contains(" " + w + " ")) {
                score++;
            }
        }
        for (String e : ANGRY_EMOJI) {
            if (text.contains(e)) {
                score++;
            }
        }
        if (text.contains("!!!")) {
            score++;
        }
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) {
                    upper++;
                }
            }
        }
        if (letters >= 12 && upper * 10 >= letters * 6) {
            score++; // SHOUTING
        }
        return score;
    }

    public static boolean angry(String text) {
        return angerScore(text) > 0;
    }

    /** Lower case without diacritics: "Vergüenza" → "verguenza". */
    public static String fold(String text) {
        String n = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
