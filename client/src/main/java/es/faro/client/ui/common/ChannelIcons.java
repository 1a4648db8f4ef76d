package es.faro.client.ui.common;

import es.faro.protocol.model.Channel;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.fontawesome5.FontAwesomeBrands;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The icon and the style class of each channel (networks by their own logos). */
public final class ChannelIcons {
    private ChannelIcons() {
    }

    public static Ikon ikon(Channel channel) {
        return switch (channel) {
            case TWITTER -> FontAwesomeBrands.TWITTER;
            case FACEBOOK -> FontAwesomeBrands.FACEBOOK;
            case INSTAGRAM -> FontAwesomeBrands.INSTAGRAM;
            case GOOGLE_PLAY -> FontAwesomeBrands.GOOGLE_PLAY;
            case APP_STORE -> FontAwesomeBrands.APP_STORE;
            case COMMUNITY -> Material2OutlinedAL.GROUPS;
            case FORUM -> Material2OutlinedAL.FORUM;
        };
    }

    public static FontIcon icon(Channel channel) {
        FontIcon icon = new FontIcon(ikon(channel));
        icon.getStyleClass().addAll("channel-icon", styleClass(channel));
        return icon;
    }

    /** {@code channel-twitter}, {@code channel-google-play}… */
    public static String styleClass(Channel channel) {
        return "channel-" + channel.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Bundle key of the channel's display name. */
    public static String nameKey(Channel channel) {
        return "channel." + channel.wireName();
    }
}
