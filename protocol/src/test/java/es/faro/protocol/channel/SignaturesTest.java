package es.faro.protocol.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    private static final byte[] FOX = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void knownHmacSha256Vector() {
        assertThat(Signatures.hexHeader("key", FOX))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(Signatures.base64Header("key", FOX))
                .isEqualTo("sha256=97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
    }

    @Test
    void matchesComparesExactlyAndToleratesSurroundingSpace() {
        String expected = Signatures.hexHeader("key", FOX);
        assertThat(Signatures.matches(expected, expected)).isTrue();
        assertThat(Signatures.matches(expected, " " + expected + "\n")).isTrue();
        assertThat(Signatures.matches(expected, null)).isFalse();
        assertThat(Signatures.matches(expected, Signatures.hexHeader("other", FOX))).isFalse();
        assertThat(Signatures.matches(expected, expected.toUpperCase())).isFalse();
        assertThat(Signatures.matches(expected, "")).isFalse();
    }

    @Test
    void signsTheRawBytesSoReEscapedJsonDoesNotMatch() {
        byte[] raw = "{\"text\":\"días\"}".getBytes(StandardCharsets.UTF_8);
        byte[] escaped = "{\"text\":\"d\\u00edas\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.hexHeader("s", raw)).isNotEqualTo(Signatures.hexHeader("s", escaped));
    }
}
