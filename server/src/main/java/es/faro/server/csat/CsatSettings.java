package es.faro.server.csat;

import es.faro.server.config.ServerConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * CSAT survey settings from the server configuration:
 * <ul>
 *   <li>{@code csat.enabled} (default true);</li>
 *   <li>{@code csat.delay}: from RESOLVED to the survey (ISO-8601 duration, default PT1H);</li>
 *   <li>{@code csat.quiet_period}: no second survey to the same customer within it (default P30D);</li>
 *   <li>{@code csat.answer_window}: how long a DM answer ("4", "5 muy bien") counts (default P7D);</li>
 *   <li>{@code csat.link.base}: where survey links point (default this server's
 *   {@code /api/v1/surveys/}); the token is appended;</li>
 *   <li>{@code csat.worker.nap}: how often this node looks for due surveys (default PT5S);</li>
 *   <li>wording per brand, language ({@code es}, {@code en}) and mode ({@code dm}, {@code link}):
 *   {@code csat.wording.<brand>.<lang>.<mode>}, falling back to {@code csat.wording.<lang>.<mode>} and
 *   then to the built-in text. Placeholders: {@code {brand}}, {@code {customer}}, {@code {link}}.</li>
 * </ul>
 */
public final class CsatSettings {
    private static final String DM_ES = "Hola {customer}, ¿qué tal te hemos atendido en {brand}? Responde a este "
            + "mensaje con una nota del 1 al 5 (5 = muy bien) y, si quieres, un comentario.";
    private static final String DM_EN = "Hi {customer}, how did {brand} do? Reply to this message with a score "
            + "from 1 to 5 (5 = very good) and, if you like, a comment.";
    private static final String LINK_ES = "¿Qué tal te hemos atendido en {brand}? Valóranos del 1 al 5: {link}";
    private static final String LINK_EN = "How did {brand} do? Rate us from 1 to 5: {link}";

    private final ServerConfig config;

    public CsatSettings(ServerConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.get("csat.enabled").map(Boolean::parseBoolean).orElse(true);
    }

    public Duration delay() {
        return duration("csat.delay", Duration.ofHours(1));
    }

    public Duration quietPeriod() {
        return duration("csat.quiet_period", Duration.ofDays(30));
    }

    public Duration answerWindow() {
        return duration("csat.answer_window", Duration.ofDays(7));
    }

    public Duration workerNap() {
        return duration("csat.worker.nap", Duration.ofSeconds(5));
    }

    public Optional<String> linkBase() {
        return config.get("csat.link.base");
    }

    /** The built-in survey text (short enough for every channel), placeholders not yet filled. */
    public static String builtIn(String language, String mode) {
        boolean en = "en".equals(language);
        return mode.equals("dm") ? (en ? DM_EN : DM_ES) : (en ? LINK_EN : LINK_ES);
    }

    /** The survey text for a brand, language and mode ({@code dm} or {@code link}), placeholders not yet filled. */
    public String wording(String brandId, String language, String mode) {
        String lang = "en".equals(language) ? "en" : "es";
        return config.get("csat.wording." + brandId + "." + lang + "." + mode)
                .or(() -> config.get("csat.wording." + lang + "." + mode))
                .orElse(builtIn(lang, mode));
    }

    private Duration duration(String key, Duration def) {
        Optional<String> v = config.get(key);
        if (v.isEmpty()) {
            return def;
        }
        try {
            Duration d = Duration.parse(v.get().trim().toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new IllegalArgumentException(key + " must not be negative: " + v.get());
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT1H: " + v.get(), e);
        }
    }
}
