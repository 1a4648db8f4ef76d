package es.faro.server.security;

import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords, tokens, webhook secrets and signatures never reach the log: everything the server logs
 * at every level (DEBUG included) while agents log in and out, fail to log in, use their tokens and
 * while signed and badly signed webhooks arrive is captured and searched.
 */
class SecretsNotLoggedTest {

    @Test
    void noSecretAppearsInAnyLogLine() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            secrets.add("faro-demo");
            secrets.add(TestServer.TWITTER_SECRET);
            secrets.add(TestServer.FACEBOOK_SECRET);
            String token = api.login("ana");
            secrets.add(token);
            assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
            Reply wrong = api.post("/api/v1/auth/login", null, Map.of("username", "ana", "password", "contraseña-secreta-mal"));
            assertThat(wrong.status()).isEqualTo(401);
            secrets.add("contraseña-secreta-mal");
            assertThat(api.get("/api/v1/me", token + "x").status()).isEqualTo(401);
            secrets.add(token + "x");

            byte[] body = Payloads.tweets(ORANGE_X, Payloads.tweet("tw-secret-1", "user-s", "hola", null));
            Map<String, String> signature = Payloads.twitterSignature(body);
            secrets.addAll(signature.values().stream().map(v -> v.replace("sha256=", "")).toList());
            assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, signature).status()).isEqualTo(200);
            Map<String, String> forged = Map.of(signature.keySet().iterator().next(), "sha256=Zm9yZ2VkLXNpZ25hdHVyZS12YWx1ZQ==");
            assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, forged).status()).isEqualTo(401);
            secrets.add("Zm9yZ2VkLXNpZ25hdHVyZS12YWx1ZQ==");
            assertThat(api.get("/api/v1/channels/twitter/webhook?crc_token=desafio-crc", null).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/auth/logout", token, Map.of()).status()).isEqualTo(200);
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(captured.list).as("something was logged at all").isNotEmpty();
        for (ILoggingEvent e : captured.list) {
            StringBuilder line = new StringBuilder(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                line.append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            for (String secret : secrets) {
                assertThat(line.toString()).as("log line of " + e.getLoggerName()).doesNotContain(secret);
            }
        }
    }
}
