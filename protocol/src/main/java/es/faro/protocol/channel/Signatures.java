package es.faro.protocol.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 webhook signatures as the networks send them: {@code sha256=HEX} (Meta's
 * {@code X-Hub-Signature-256} and Faro's {@code X-Faro-Signature}) or {@code sha256=BASE64}
 * (X's {@code X-Twitter-Webhooks-Signature}). Always over the raw bytes as received.
 */
public final class Signatures {
    public static final String META_HEADER = "X-Hub-Signature-256";
    public static final String TWITTER_HEADER = "X-Twitter-Webhooks-Signature";
    public static final String FARO_HEADER = "X-Faro-Signature";

    private Signatures() {
    }

    public static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hexHeader(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    public static String base64Header(String secret, byte[] body) {
        return "sha256=" + Base64.getEncoder().encodeToString(hmacSha256(secret, body));
    }

    /** Constant-time comparison of a received header against the expected one. */
    public static boolean matches(String expected, String received) {
        if (received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.trim().getBytes(StandardCharsets.UTF_8));
    }
}
