package es.faro.client.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's texts: {@code es/faro/client/ui/messages_es.properties} (Spanish, the default) and
 * {@code messages.properties} (English). Texts are looked up by key with {@link #get}; arguments
 * use {@link MessageFormat} patterns ({@code {0}}).
 */
public final class I18n {
    public static final String BUNDLE = "es.faro.client.ui.messages";
    public static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Logger LOG = LoggerFactory.getLogger(I18n.class);

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English must mean the base bundle, whatever the OS says.
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Spanish, the floor's language. */
    public I18n() {
        this(SPANISH);
    }

    /** From a configured language tag such as {@code es} or {@code en}; blank means Spanish. */
    public static I18n forLanguage(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return new I18n();
        }
        return new I18n(Locale.forLanguageTag(languageTag.trim()));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warn("missing UI text {}", key);
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Arguments that are themselves {@link UiText} are translated first ("No se pudo {0}" + "enviar la respuesta"). */
    public String get(UiText text) {
        Object[] args = text.args().stream().map(a -> a instanceof UiText t ? get(t) : a).toArray();
        return get(text.key(), args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
