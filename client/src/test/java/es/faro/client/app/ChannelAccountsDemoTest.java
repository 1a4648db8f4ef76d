package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ChannelAccountsApi;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.model.Channel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The admin's path to a secret rotation, headless: the real application in demo mode signed in as admin
 * opens the channel accounts from the workstation, changes Amena's X handle, rotates X's webhook
 * secret; the new secret is shown once, and the embedded server takes tweets signed with the new
 * secret and, during the grace period, with the old one.
 */
class ChannelAccountsDemoTest {
    private static final String OLD_SECRET = "demo-twitter-secret";

    @TempDir
    Path dir;
    int port;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        faro = RunningFaro.demo(dir, "--demo.user=admin", "--demo.traffic.rate=0.005");
        robot = faro.robot();
        port = faro.demoPort();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
    }

    private Node shown(String query) {
        return faro.shown(query);
    }

    @Test
    void anAdminChangesAHandleAndRotatesTheXSecretWithoutDowntime() throws Exception {
        waitFor(60, () -> robot.lookup("#open-accounts-admin").match(n -> n.getScene() != null).tryQuery()
                .isPresent());
        robot.clickOn(shown("#open-accounts-admin"));
        waitFor(30, () -> robot.lookup("#accounts-table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#accounts-table").queryAs(TableView.class);
        waitFor(30, () -> table.getItems().size() == 35);

        // Amena's X account: select its row, change the handle, save.
        int row = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            ChannelAccountsApi.Account a = (ChannelAccountsApi.Account) table.getItems().get(i);
            if (a.brandId().equals("amena") && a.channel() == Channel.TWITTER) {
                row = i;
            }
        }
        int amena = row;
        robot.interact(() -> {
            table.scrollTo(amena);
            table.getSelectionModel().select(amena);
        });
        TextField handle = robot.lookup("#account-handle").queryAs(TextField.class);
        waitFor(5, () -> "@amena".equals(handle.getText()));
        robot.clickOn(handle);
        robot.interact(handle::selectAll);
        robot.write("@amena_ayuda");
        robot.clickOn("#account-save");
        Label message = robot.lookup("#accounts-message").queryAs(Label.class);
        waitFor(20, () -> "Cuenta guardada.".equals(message.getText()));
        assertThat(adminApi().accounts().stream().filter(a -> a.brandId().equals("amena")
                && a.channel() == Channel.TWITTER).findFirst().orElseThrow().handle()).isEqualTo("@amena_ayuda");

        // Rotate X's secret (X is the channel shown first; the grace offered first is 1 h).
        ListView<?> secrets = robot.lookup("#secrets-list").queryListView();
        waitFor(20, () -> secrets.getItems().size() == 1);
        robot.clickOn("#secret-rotate");
        TextField fresh = robot.lookup("#secret-new").queryAs(TextField.class);
        waitFor(20, () -> fresh.getText().length() == 64 && fresh.isVisible());
        waitFor(20, () -> secrets.getItems().size() == 2);
        assertThat(message.getText()).startsWith("Nuevo secreto de twitter; los anteriores siguen válidos hasta ");

        String orange = "1000001";
        assertThat(tweet(orange, "91001", fresh.getText())).isEqualTo(200);
        assertThat(tweet(orange, "91002", OLD_SECRET)).isEqualTo(200);
        assertThat(tweet(orange, "91003", "a-secret-nobody-set")).isEqualTo(401);
    }

    private ChannelAccountsApi adminApi() throws Exception {
        ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        api.login("admin", "faro-demo");
        return new ChannelAccountsApi(api);
    }

    private int tweet(String account, String id, String secret) throws Exception {
        byte[] body = ("{\"for_user_id\":\"" + account + "\",\"tweet_create_events\":[{\"id_str\":\"" + id
                + "\",\"text\":\"Hola\",\"timestamp_ms\":\"" + System.currentTimeMillis() + "\",\"user\":{\"id_str\":"
                + "\"u-" + id + "\",\"name\":\"Cliente\",\"screen_name\":\"cliente\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/channels/twitter/webhook")
                .header(Signatures.TWITTER_HEADER, Signatures.base64Header(secret, body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response r = ApiClient.defaultHttpClient().newCall(request).execute()) {
            return r.code();
        }
    }
}
