package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.stage.Window;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;

/**
 * The lead's path, headless: the real application in demo mode signed in as lucia, open the
 * dashboard from the workstation, then a customer tweets (a signed X webhook to the embedded server)
 * and the backlog tile counts it, live from the event stream.
 */
class DashboardDemoTest {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardDemoTest.class);
    /** The X webhook secret of the bundled demo configuration (config/server.properties). */
    private static final String TWITTER_SECRET = "demo-twitter-secret";

    @TempDir
    Path dir;
    int port;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        // Demo traffic nearly silent (one message every ~3 hours), so the only arrival is ours.
        faro = RunningFaro.demo(dir, "--demo.user=lucia", "--demo.traffic.rate=0.005");
        robot = faro.robot();
        port = faro.demoPort();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
    }

    private Label backlogTile() {
        return robot.lookup("#tile-backlog-value").queryAs(Label.class);
    }

    private static boolean isNumber(String text) {
        return text != null && text.matches("\\d+");
    }

    @Test
    void aLeadOpensTheDashboardAndSeesAnInboundTweetInTheBacklog() throws Exception {
        // The button of the screen in the window (not one of a screen the shell has just replaced).
        waitFor(60, () -> robot.lookup("#open-dashboard").match(n -> n.getScene() != null).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#open-dashboard").match(n -> n.getScene() != null).<javafx.scene.Node>query());
        waitFor(30, () -> robot.lookup("#tile-backlog-value").tryQuery().isPresent());
        waitFor(30, () -> isNumber(backlogTile().getText()));
        assertThat(Window.getWindows()).hasSize(2);
        int before = Integer.parseInt(backlogTile().getText());
        assertThat(robot.lookup("#tile-csat-value").queryAs(Label.class).getText()).isEqualTo("—");

        long sent = tweet("orange", "Mi fibra no funciona desde esta mañana, ¿me ayudáis?");
        waitFor(15, () -> backlogTile().getText().equals(Integer.toString(before + 1)));
        LOG.info("backlog tile changed {} ms after the webhook was acknowledged", System.currentTimeMillis() - sent);

        // Wallboard mode: full screen, no controls, no charts; F11 brings the desk layout back.
        javafx.stage.Stage dashboard = (javafx.stage.Stage) robot.lookup("#dashboard").query().getScene().getWindow();
        robot.clickOn("#wallboard-toggle");
        waitFor(10, dashboard::isFullScreen);
        assertThat(robot.lookup("#wallboard-toggle").query().getParent().isVisible()).isFalse();
        assertThat(robot.lookup(".dash-charts").query().isVisible()).isFalse();
        assertThat(backlogTile().getText()).isEqualTo(Integer.toString(before + 1));
        robot.press(javafx.scene.input.KeyCode.F11).release(javafx.scene.input.KeyCode.F11);
        waitFor(10, () -> !dashboard.isFullScreen());
        assertThat(robot.lookup("#wallboard-toggle").query().getParent().isVisible()).isTrue();
        assertThat(robot.lookup(".dash-charts").query().isVisible()).isTrue();

        // The inbound chart paints each brand in its own colour (Orange's #FF7900, config/reference/brands.json),
        // its bars and its legend, as its dot everywhere else: not in the chart palette's unrelated colours.
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof javafx.scene.control.Button b
                && b.getText() != null && b.getText().startsWith("Actualizar")).<javafx.scene.Node>query());
        waitFor(30, () -> orangeSeries().isPresent() && orangeSeries().get().getData().stream()
                .anyMatch(d -> d.getNode() != null && d.getNode().getStyle().contains("#FF7900")));
        waitFor(10, () -> robot.lookup(".chart-legend-item").match(n -> n instanceof Label l && "Orange".equals(l.getText())
                && l.getGraphic() != null && l.getGraphic().getStyle().contains("#FF7900")).tryQuery().isPresent());
    }

    private java.util.Optional<javafx.scene.chart.XYChart.Series<String, Number>> orangeSeries() {
        javafx.scene.chart.StackedBarChart<String, Number> chart = robot.lookup("#chart-volume").query();
        return chart.getData().stream().filter(s -> "Orange".equals(s.getName())).findFirst();
    }

    /** Posts a customer tweet mentioning the brand through the signed X webhook; returns when it was acknowledged. */
    private long tweet(String brandId, String text) throws Exception {
        ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        api.login("lucia", "faro-demo");
        String account = api.bootstrap(null).reference().brands().stream().filter(b -> b.id().equals(brandId))
                .findFirst().flatMap((Brand b) -> b.account(Channel.TWITTER)).orElseThrow().id();
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("for_user_id", account);
        ArrayNode events = payload.putArray("tweet_create_events");
        ObjectNode tweet = events.addObject();
        tweet.put("id_str", Long.toString(System.nanoTime()));
        tweet.put("text", text);
        tweet.put("timestamp_ms", Long.toString(Instant.now().toEpochMilli()));
        ObjectNode user = tweet.putObject("user");
        user.put("id_str", "dash-test-customer");
        user.put("name", "Marta Prueba");
        user.put("screen_name", "marta_prueba");
        byte[] body = Json.writeBytes(payload);
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + port + "/api/v1/channels/twitter/webhook")
                .header(Signatures.TWITTER_HEADER, Signatures.base64Header(TWITTER_SECRET, body))
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        try (Response r = api.http().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        return System.currentTimeMillis();
    }
}
