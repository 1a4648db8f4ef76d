package es.faro.client.ui.common;

import java.util.List;

/**
 * A text a view model wants shown, as a bundle key and its arguments: view models stay free of
 * locale and bundles, views translate with {@link I18n#get(UiText)}.
 */
public record UiText(String key, List<Object> args) {
    public UiText {
        args = List.copyOf(args);
    }

    public static UiText of(String key, Object... args) {
        return new UiText(key, List.of(args));
    }
}
