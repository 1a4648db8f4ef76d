package es.faro.client.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a non-editable combo box or choice box shows its items. Such controls never parse text back,
 * so {@code fromString} has nothing to return.
 */
public final class DisplayConverter<T> extends StringConverter<T> {
    private final Function<T, String> show;

    private DisplayConverter(Function<T, String> show) {
        this.show = show;
    }

    /** {@code show} receives every value, null included (e.g. "all brands"). */
    public static <T> DisplayConverter<T> of(Function<T, String> show) {
        return new DisplayConverter<>(show);
    }

    /** Null shows as nothing; other values through {@code show}. */
    public static <T> DisplayConverter<T> nonNull(Function<T, String> show) {
        return new DisplayConverter<>(v -> v == null ? "" : show.apply(v));
    }

    @Override
    public String toString(T value) {
        return show.apply(value);
    }

    @Override
    public T fromString(String text) {
        return null;
    }
}
