package es.faro.client.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ChannelAccountsApi;
import es.faro.client.sync.ChannelAccountsApi.Account;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel accounts screen's view model against a real server (no stage), signed in as the demo admin. */
class ChannelAccountsViewModelTest {
    @TempDir
    Path dir;
    LiveServer server;
    ChannelAccountsViewModel vm;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir);
        vm = new ChannelAccountsViewModel(new ChannelAccountsApi(server.signedIn("admin")), tasks);
        vm.load();
        tasks.drain();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A customer tweet to {@code account} signed with {@code secret}: the webhook's status. */
    int tweet(String account, String id, String secret) throws Exception {
        byte[] body = ("{\"for_user_id\":\"" + account + "\",\"tweet_create_events\":[{\"id_str\":\"" + id
                + "\",\"text\":\"Hola\",\"timestamp_ms\":\"" + System.currentTimeMillis() + "\",\"user\":{\"id_str\":"
                + "\"u-" + id + "\",\"name\":\"Cliente\",\"screen_name\":\"cliente\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(server.uri().resolve("/api/v1/channels/twitter/webhook").toString())
                .header(Signatures.TWITTER_HEADER, Signatures.base64Header(secret, body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response r = http.newCall(request).execute()) {
            return r.code();
        }
    }

    Account account(String brand, Channel channel) {
        return vm.accounts().stream().filter(a -> a.brandId().equals(brand) && a.channel() == channel).findFirst()
                .orElseThrow();
    }

    @Test
    void onlyAdminsGetTheScreen() {
        Agent admin = new Agent("u-admin", "admin", "Admin", Set.of(Role.ADMIN), null, null, null, 0, null);
        Agent lead = new Agent("u-lucia", "lucia", "Lucía", Set.of(Role.LEAD), null, null, null, 0, null);
        assertThat(ChannelAccountsViewModel.allowedFor(admin)).isTrue();
        assertThat(ChannelAccountsViewModel.allowedFor(lead)).isFalse();
        assertThat(ChannelAccountsViewModel.allowedFor(null)).isFalse();
    }

    @Test
    void listsTheBrandsAccountsRefusesASecondOneAndMovesABrandToANewAccount() throws Exception {
        assertThat(vm.accounts()).extracting(Account::brandId).contains("orange", "jazztel", "amena");
        assertThat(vm.accounts().stream().filter(a -> a.brandId().equals("orange")).count()).isEqualTo(7);

        // Every demo brand has an account on every channel: a second one is refused by the server, in its words,
        // and nothing changes.
        vm.brandIdProperty().set("republica");
        vm.channelProperty().set(Channel.INSTAGRAM);
        vm.accountIdProperty().set("17841400000000777");
        vm.handleProperty().set("@republicamovil");
        assertThat(vm.canAdd().get()).isTrue();
        vm.add();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("accounts.admin.refused");
        assertThat(vm.messageProperty().get().args().get(0).toString()).contains("already has");
        assertThat(account("republica", Channel.INSTAGRAM).accountId()).isNotEqualTo("17841400000000777");
        assertThat(vm.accounts()).hasSize(35);

        // Orange moves to a new X account: the new id reaches Orange at once, the old one no longer does.
        String old = server.twitterAccountOf("orange");
        vm.select(account("orange", Channel.TWITTER));
        assertThat(vm.canAdd().get()).isFalse();
        vm.accountIdProperty().set("1000777");
        vm.handleProperty().set("@orange_nueva");
        vm.save();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("accounts.admin.saved"));
        assertThat(account("orange", Channel.TWITTER).accountId()).isEqualTo("1000777");
        assertThat(vm.accounts().stream().filter(a -> a.accountId().equals(old))).isEmpty();
        assertThat(tweet("1000777", "77001", LiveServer.TWITTER_SECRET)).isEqualTo(200);
        assertThat(tweet(old, "77002", LiveServer.TWITTER_SECRET)).isEqualTo(404);
    }

    @Test
    void rotatingShowsTheNewSecretOnceAndBothSecretsWorkDuringTheGrace() throws Exception {
        assertThat(vm.secretsChannelProperty().get()).isEqualTo(Channel.TWITTER);
        assertThat(vm.secrets()).hasSize(1);
        assertThat(vm.secrets().get(0).secret()).doesNotContain(LiveServer.TWITTER_SECRET).startsWith("••••");
        vm.graceProperty().set(Duration.ofHours(1));
        vm.rotate();
        tasks.drain();
        String fresh = vm.newSecretProperty().get();
        assertThat(fresh).hasSize(64);
        assertThat(vm.messageProperty().get().key()).isEqualTo("accounts.admin.rotated");
        assertThat(vm.secrets()).hasSize(2);
        assertThat(vm.secrets()).allMatch(ChannelAccountsApi.Secret::valid);
        assertThat(vm.secrets().stream().filter(s -> s.retiresAt() != null).count()).isEqualTo(1);
        // No downtime: the network may still sign with the old secret while it is switched to the new one.
        String orange = server.twitterAccountOf("orange");
        assertThat(tweet(orange, "78001", LiveServer.TWITTER_SECRET)).isEqualTo(200);
        assertThat(tweet(orange, "78002", fresh)).isEqualTo(200);
        assertThat(tweet(orange, "78003", "not-the-secret-at-all")).isEqualTo(401);

        // Another channel's secrets: the clear secret is not shown there.
        vm.secretsChannelProperty().set(Channel.FACEBOOK);
        tasks.drain();
        assertThat(vm.newSecretProperty().get()).isEmpty();
        assertThat(vm.secrets()).hasSize(1);
        List<ChannelAccountsApi.Secret> twitter = new ChannelAccountsApi(server.signedIn("admin")).secrets(Channel.TWITTER);
        assertThat(twitter).hasSize(2);
    }
}
