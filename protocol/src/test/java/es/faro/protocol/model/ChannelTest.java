package es.faro.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChannelTest {
    @Test
    void fromWireAcceptsNamesInAnyCaseWithDashesOrSpaces() {
        assertThat(Channel.fromWire("TWITTER")).isEqualTo(Channel.TWITTER);
        assertThat(Channel.fromWire("twitter")).isEqualTo(Channel.TWITTER);
        assertThat(Channel.fromWire(" google_play ")).isEqualTo(Channel.GOOGLE_PLAY);
        assertThat(Channel.fromWire("app-store")).isEqualTo(Channel.APP_STORE);
        assertThat(Channel.fromWire(null)).isNull();
        for (Channel c : Channel.values()) {
            assertThat(Channel.fromWire(c.wireName())).isEqualTo(c);
            assertThat(Channel.fromWire(c.name())).isEqualTo(c);
        }
    }

    @Test
    void fromWireRejectsUnknownNames() {
        assertThatThrownBy(() -> Channel.fromWire("myspace")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("myspace");
        assertThatThrownBy(() -> Channel.fromWire("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wireNameIsLowerCase() {
        assertThat(Channel.GOOGLE_PLAY.wireName()).isEqualTo("google_play");
        assertThat(Channel.TWITTER.wireName()).isEqualTo("twitter");
    }

    @Test
    void replyLimitsFollowTheNetworks() {
        assertThat(Channel.TWITTER.replyLimit(true)).isEqualTo(280);
        assertThat(Channel.TWITTER.replyLimit(false)).isEqualTo(10_000);
        assertThat(Channel.GOOGLE_PLAY.replyLimit(true)).isEqualTo(350);
        assertThat(ChannelInfo.of(Channel.INSTAGRAM, "Instagram").publicReplyLimit()).isEqualTo(2_200);
        for (Channel c : Channel.values()) {
            assertThat(c.replyLimit(true)).isPositive();
            assertThat(c.replyLimit(false)).isPositive();
        }
    }
}
