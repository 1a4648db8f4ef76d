package es.faro.client.ui.common;

import es.faro.protocol.model.Brand;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A brand's colour as a small round chip. The colour is data (from the brand's configuration), the
 * only inline colour in the UI; everything else comes from the theme.
 */
public final class BrandChips {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");

    private BrandChips() {
    }

    public static Region dot(Brand brand) {
        Region dot = new Region();
        dot.getStyleClass().add("brand-dot");
        paint(dot, brand);
        return dot;
    }

    /** The brand's colour when it is a well-formed hex colour (safe to put in a style), else empty. */
    public static java.util.Optional<String> color(Brand brand) {
        String color = brand == null ? null : brand.color();
        return color != null && HEX.matcher(color).matches() ? java.util.Optional.of(color) : java.util.Optional.empty();
    }

    /** Recolours an existing dot (cells reuse theirs). */
    public static void paint(Region dot, Brand brand) {
        String color = brand == null ? null : brand.color();
        // Only a well-formed hex colour reaches the style: configuration must not inject CSS.
        dot.setStyle(color != null && HEX.matcher(color).matches() ? "-fx-background-color: " + color + ";" : "");
    }

    /** Dot and brand name, for headers. */
    public static HBox chip(Brand brand) {
        Label name = new Label(brand == null ? "" : brand.name());
        name.getStyleClass().add("brand-name");
        HBox box = new HBox(dot(brand), name);
        box.getStyleClass().add("brand-chip");
        return box;
    }
}
