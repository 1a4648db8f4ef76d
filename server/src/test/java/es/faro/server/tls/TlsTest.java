package es.faro.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.server.support.TestServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server with {@code tls.keystore}: a self-signed keystore made with the JDK's keytool,
 * the server on 127.0.0.1, OkHttp trusting that certificate gets health and logs in over HTTPS; a
 * client that does not trust it, and plain HTTP, get nowhere.
 */
class TlsTest {
    private static final String PASSWORD = "cambia-esto";

    @TempDir
    Path dir;

    private Path keystore() throws Exception {
        Path ks = dir.resolve("faro.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "faro", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return ks;
    }

    private static OkHttpClient trusting(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
        return new OkHttpClient.Builder().sslSocketFactory(ctx.getSocketFactory(), tm)
                .callTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void theServerSpeaksHttpsWithItsKeystoreOnly() throws Exception {
        Path ks = keystore();
        try (TestServer server = TestServer.start(Map.of("tls.keystore", ks.toString(), "tls.keystore.password", PASSWORD))) {
            assertThat(server.server().baseUri().getScheme()).isEqualTo("https");
            String base = "https://127.0.0.1:" + server.server().baseUri().getPort();
            OkHttpClient client = trusting(ks);
            try (Response r = client.newCall(new Request.Builder().url(base + "/api/v1/health").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).contains("ok");
                assertThat(r.handshake()).isNotNull();
                assertThat(r.handshake().tlsVersion().javaName()).startsWith("TLSv1.");
            }
            okhttp3.RequestBody login = okhttp3.RequestBody.create("{\"username\":\"ana\",\"password\":\"faro-demo\"}",
                    okhttp3.MediaType.get("application/json"));
            try (Response r = client.newCall(new Request.Builder().url(base + "/api/v1/auth/login").post(login).build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            OkHttpClient untrusting = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> untrusting.newCall(new Request.Builder().url(base + "/api/v1/health").build()).execute())
                    .isInstanceOf(SSLException.class);
            String plain = "http://127.0.0.1:" + server.server().baseUri().getPort();
            assertThatThrownBy(() -> {
                try (Response r = untrusting.newCall(new Request.Builder().url(plain + "/api/v1/health").build()).execute()) {
                    assertThat(r.code()).isNotEqualTo(200);
                    throw new java.io.IOException("plain HTTP answered " + r.code());
                }
            }).isInstanceOf(java.io.IOException.class);
        }
    }
}
