package es.faro.server.channels;

import static es.faro.server.community.CommunityPayloads.ORANGE_COMMUNITY;
import static es.faro.server.community.CommunityPayloads.ORANGE_FEED;
import static es.faro.server.community.CommunityPayloads.atom;
import static es.faro.server.community.CommunityPayloads.atomEntry;
import static es.faro.server.community.CommunityPayloads.message;
import static es.faro.server.community.CommunityPayloads.messages;
import static es.faro.server.community.CommunityPayloads.postCommunity;
import static es.faro.server.community.CommunityPayloads.postForum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.server.community.CommunityPayloads;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoredMessages;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link InboundChannelsTest}, {@link WebhookTest} and the community tests leave out, channel by
 * channel: non-Latin text with emoji as each network sends it (X and Google Play raw UTF-8, Meta
 * {@code \\uXXXX}-escaped, community HTML, forum XML), edits where the network reports them (an X
 * tweet's edit_history, a community message or a forum entry polled again with another text), forum
 * deletions as Atom tombstones, and malformed variants of every shape: a 400 that names the field and
 * nothing of the batch stored or changed.
 */
class ChannelVariantsTest {
    static final String ORANGE_X = Payloads.ORANGE_X;
    static final String ORANGE_PAGE = Payloads.ORANGE_PAGE;
    static final String ORANGE_APP = Payloads.ORANGE_APP;

    static TestServer server;
    static ApiClient api;
    static String lead;

    @BeforeAll
    static void start() {
        Map<String, String> config = new HashMap<>(CommunityPayloads.secrets());
        config.putAll(Payloads.instagramAndAppStoreSecrets());
        server = TestServer.start(config);
        api = server.client();
        lead = api.login("lucia");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- helpers -----------------------------------------------------------------------------

    static Reply twitter(String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/twitter/webhook", null, body,
                Map.of(Signatures.TWITTER_HEADER, Signatures.base64Header(TestServer.TWITTER_SECRET, body)));
    }

    static Reply facebook(String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/facebook/webhook", null, body,
                Map.of(Signatures.META_HEADER, Signatures.hexHeader(TestServer.FACEBOOK_SECRET, body)));
    }

    static Reply googlePlay(String raw) {
        byte[] body = raw.getBytes(StandardCharsets.UTF_8);
        return api.post("/api/v1/channels/google_play/webhook?account=" + ORANGE_APP, null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(TestServer.GOOGLE_PLAY_SECRET, body)));
    }

    static Reply forum(String xml) {
        return postForum(api, ORANGE_FEED, xml.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode messageOf(String channel, String channelMessageId) {
        return StoredMessages.byChannelId(api, lead, channel, channelMessageId);
    }

    static JsonNode thread(String conversationId) {
        return StoredMessages.thread(api, lead, conversationId);
    }

    static List<String> revisions(String messageId) throws SQLException {
        return StoredMessages.revisions(server, messageId);
    }

    static String tweet(String id, String userId, String text, String editOf) {
        return "{\"created_at\":\"Wed Nov 25 10:00:00 +0000 2026\",\"id_str\":\"" + id + "\",\"text\":\"" + text
                + "\",\"in_reply_to_status_id_str\":null,\"user\":{\"id_str\":\"" + userId + "\",\"name\":\"Олег\","
                + "\"screen_name\":\"oleg_" + userId + "\",\"followers_count\":3},\"timestamp_ms\":\""
                + System.currentTimeMillis() + "\""
                + (editOf == null ? "" : ",\"edit_history\":{\"initial_tweet_id\":\"" + editOf
                + "\",\"edit_tweet_ids\":[\"" + editOf + "\",\"" + id + "\"]}")
                + "}";
    }

    // ---- X --------------------------------------------------------------------------------------

    @Test
    void xNonLatinTextAndEmojiArriveIntactInTweetsAndDirectMessages() {
        Reply r = twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":["
                + tweet("xv-1", "xv-u1", "@orange_es Нет сети в Мадриде 📵🇪🇸", null) + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(messageOf("twitter", "xv-1").get("body").asText()).isEqualTo("@orange_es Нет сети в Мадриде 📵🇪🇸");
        twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"direct_message_events\":[{\"type\":\"message_create\","
                + "\"id\":\"xv-dm1\",\"created_timestamp\":\"" + System.currentTimeMillis() + "\",\"message_create\":"
                + "{\"target\":{\"recipient_id\":\"" + ORANGE_X + "\"},\"sender_id\":\"xv-u2\",\"message_data\":"
                + "{\"text\":\"لا يوجد إنترنت 😢 我的账单\"}}}],\"users\":{\"xv-u2\":{\"id\":\"xv-u2\",\"name\":\"سارة\","
                + "\"screen_name\":\"sara\"}}}");
        JsonNode dm = messageOf("twitter", "xv-dm1");
        assertThat(dm.get("body").asText()).isEqualTo("لا يوجد إنترنت 😢 我的账单");
        assertThat(dm.get("authorName").asText()).isEqualTo("سارة");
    }

    @Test
    void anEditedTweetUpdatesTheOriginalsMessageInsteadOfAddingOne() throws SQLException {
        twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":["
                + tweet("xe-1", "xe-u1", "@orange_es sin cobertura en Vigo", null) + "]}");
        JsonNode original = messageOf("twitter", "xe-1");
        // X makes an edit a new tweet whose edit_history starts with the original's id.
        Reply edit = twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":["
                + tweet("xe-2", "xe-u1", "@orange_es sin cobertura en Vigo centro 😤", "xe-1") + "]}");
        assertThat(edit.status()).as(edit.text()).isEqualTo(200);
        assertThat(edit.at("/updated").asInt()).isEqualTo(1);
        assertThat(edit.at("/accepted").asInt()).isZero();
        JsonNode edited = messageOf("twitter", "xe-1");
        assertThat(edited.get("id")).isEqualTo(original.get("id"));
        assertThat(edited.get("body").asText()).isEqualTo("@orange_es sin cobertura en Vigo centro 😤");
        assertThat(edited.has("editedAt")).isTrue();
        assertThat(thread(original.get("conversationId").asText())).hasSize(1);
        assertThat(messageOf("twitter", "xe-2")).isNull();
        assertThat(revisions(original.get("id").asText()))
                .containsExactly("EDIT:@orange_es sin cobertura en Vigo→@orange_es sin cobertura en Vigo centro 😤");
        // The same edit delivered twice changes nothing more.
        assertThat(twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":["
                + tweet("xe-2", "xe-u1", "@orange_es sin cobertura en Vigo centro 😤", "xe-1") + "]}")
                .at("/duplicates").asInt()).isEqualTo(1);
        assertThat(revisions(original.get("id").asText())).hasSize(1);
        // A tweet that is its own first version (edit_history of one id) is a plain new tweet.
        assertThat(twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":["
                + tweet("xe-3", "xe-u3", "Hola", "xe-3") + "]}").at("/accepted").asInt()).isEqualTo(1);
    }

    @Test
    void malformedXPayloadsAre400AndStoreNothingOfTheBatch() {
        String good = tweet("xm-1", "xm-u1", "bien", null);
        Reply noId = twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":[" + good
                + ",{\"text\":\"sin id\",\"user\":{\"id_str\":\"xm-u2\"},\"timestamp_ms\":\"1\"}]}");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.errorCode()).isEqualTo("validation_failed");
        assertThat(noId.at("/error/message").asText()).contains("id_str");
        assertThat(twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":[{\"id_str\":\"xm-2\","
                + "\"text\":\"sin usuario\"}]}").status()).isEqualTo(400);
        assertThat(twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"tweet_create_events\":{}}").status())
                .isEqualTo(400);
        Reply badTime = twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"direct_message_events\":[{\"type\":"
                + "\"message_create\",\"id\":\"xm-3\",\"created_timestamp\":\"ayer\",\"message_create\":{\"sender_id\":"
                + "\"xm-u3\",\"message_data\":{\"text\":\"hola\"}}}]}");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(twitter("{\"for_user_id\":\"" + ORANGE_X + "\",\"direct_message_events\":[{\"type\":"
                + "\"message_create\",\"id\":\"xm-4\",\"created_timestamp\":\"1\",\"message_create\":{\"sender_id\":"
                + "\"xm-u4\"}}]}").status()).isEqualTo(400);
        for (String id : List.of("xm-1", "xm-2", "xm-3", "xm-4")) {
            assertThat(messageOf("twitter", id)).as(id).isNull();
        }
    }

    // ---- Facebook -----------------------------------------------------------------------------

    @Test
    void facebookNonLatinTextAndEmojiEscapedTheWayMetaSendsThem() {
        // Greek and Devanagari with an emoji as a surrogate pair, \\u-escaped as Meta does on the wire.
        String text = "\\u0394\\u03b5\\u03bd \\u03ad\\u03c7\\u03c9 \\u03c3\\u03ae\\u03bc\\u03b1 "
                + "\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947 \\ud83d\\ude21";
        Reply r = facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"" + ORANGE_PAGE + "\",\"time\":1732600000,"
                + "\"changes\":[{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"fv-u1\","
                + "\"name\":\"\\u039d\\u03af\\u03ba\\u03bf\\u03c2\"},"
                + "\"post_id\":\"" + ORANGE_PAGE + "_pv\",\"comment_id\":\"pv_c1\",\"parent_id\":\"" + ORANGE_PAGE
                + "_pv\",\"created_time\":1732600000,\"item\":\"comment\",\"verb\":\"add\",\"message\":\"" + text
                + "\"}}]}]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode m = messageOf("facebook", "pv_c1");
        assertThat(m.get("body").asText()).isEqualTo("Δεν έχω σήμα नमस्ते 😡");
        assertThat(m.get("authorName").asText()).isEqualTo("Νίκος");
        facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"" + ORANGE_PAGE + "\",\"messaging\":["
                + Payloads.igDm(ORANGE_PAGE, "fv-u2", "\"message\":{\"mid\":\"fv-mid1\",\"text\":\"\\u4f60\\u597d "
                + "\\ud83d\\udc4b\"}") + "]}]}");
        assertThat(messageOf("facebook", "fv-mid1").get("body").asText()).isEqualTo("你好 👋");
    }

    @Test
    void malformedFacebookPayloadsAre400AndStoreNothingOfTheBatch() {
        String good = "{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"fm-u1\",\"name\":\"A\"},\"post_id\":\"p\","
                + "\"comment_id\":\"fm-c1\",\"created_time\":1732600000,\"item\":\"comment\",\"verb\":\"add\","
                + "\"message\":\"bien\"}}";
        Reply noFrom = facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"" + ORANGE_PAGE + "\",\"changes\":[" + good
                + ",{\"field\":\"feed\",\"value\":{\"post_id\":\"p\",\"comment_id\":\"fm-c2\",\"created_time\":1,"
                + "\"item\":\"comment\",\"verb\":\"add\",\"message\":\"sin autor\"}}]}]}");
        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(noFrom.at("/error/message").asText()).contains("from");
        Reply badTime = facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"" + ORANGE_PAGE + "\",\"changes\":["
                + good.replace("fm-c1", "fm-c3").replace("1732600000", "\"ayer\"") + "]}]}");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.at("/error/message").asText()).contains("created_time");
        Reply instagramShape = facebook("{\"object\":\"instagram\",\"entry\":[]}");
        assertThat(instagramShape.status()).isEqualTo(400);
        assertThat(instagramShape.at("/error/message").asText()).contains("page");
        assertThat(facebook("{\"object\":\"page\",\"entry\":[{\"changes\":[" + good + "]}]}").status())
                .isEqualTo(400);
        assertThat(facebook("{\"object\":\"page\",\"entry\":[{\"id\":\"" + ORANGE_PAGE + "\",\"messaging\":[{"
                + "\"sender\":{\"id\":\"fm-u5\"},\"timestamp\":1,\"message\":{\"text\":\"sin mid\"}}]}]}").status())
                .isEqualTo(400);
        for (String id : List.of("fm-c1", "fm-c2", "fm-c3")) {
            assertThat(messageOf("facebook", id)).as(id).isNull();
        }
    }

    // ---- Google Play --------------------------------------------------------------------------

    static String review(String id, String text, String seconds) {
        return "{\"reviewId\":\"" + id + "\",\"authorName\":\"Ким\",\"comments\":[{\"userComment\":{\"text\":\""
                + text + "\",\"lastModified\":{\"seconds\":" + seconds + ",\"nanos\":0},\"starRating\":1,"
                + "\"reviewerLanguage\":\"ko_KR\"}}]}";
    }

    @Test
    void googlePlayNonLatinReviewsWithEmojiKeepTheirTextAndLanguage() {
        Reply r = googlePlay("{\"reviews\":[" + review("gv-1", "앱이 계속 멈춰요 😭 Приложение", "\"1732000000\"") + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode m = messageOf("google_play", "gv-1");
        assertThat(m.get("body").asText()).isEqualTo("앱이 계속 멈춰요 😭 Приложение");
        assertThat(m.get("authorName").asText()).isEqualTo("Ким");
        JsonNode conv = api.get("/api/v1/conversations/" + m.get("conversationId").asText(), lead).json();
        assertThat(conv.get("language").asText()).isEqualTo("ko");
    }

    @Test
    void malformedGooglePlayPayloadsAre400AndStoreNothingOfTheBatch() {
        String good = review("gm-1", "bien", "\"1732000000\"");
        Reply noId = googlePlay("{\"reviews\":[" + good + ",{\"authorName\":\"x\",\"comments\":[]}]}");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.at("/error/message").asText()).contains("reviewId");
        Reply noUserComment = googlePlay("{\"reviews\":[" + good + ",{\"reviewId\":\"gm-2\",\"comments\":"
                + "[{\"developerComment\":{\"text\":\"hola\"}}]}]}");
        assertThat(noUserComment.status()).isEqualTo(400);
        assertThat(noUserComment.at("/error/message").asText()).contains("userComment");
        // A time that is not a number was silently taken as 1970 before: now it is refused.
        Reply badTime = googlePlay("{\"reviews\":[" + review("gm-3", "x", "\"ayer\"") + "]}");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.at("/error/message").asText()).contains("lastModified.seconds");
        assertThat(googlePlay("{\"reviews\":[" + review("gm-4", "x", "-5") + "]}").status()).isEqualTo(400);
        assertThat(googlePlay("{\"reviews\":[" + review("gm-5", "", "\"1\"") + "]}").status()).isEqualTo(400);
        assertThat(googlePlay("{\"reviews\":{\"reviewId\":\"gm-6\"}}").status()).isEqualTo(400);
        for (String id : List.of("gm-1", "gm-2", "gm-3", "gm-4", "gm-5", "gm-6")) {
            assertThat(messageOf("google_play", id)).as(id).isNull();
        }
    }

    // ---- community (Khoros-style) -------------------------------------------------------------

    @Test
    void communityNonLatinTextAndEmojiAndAnEditedMessageUpdatesItsBody() throws SQLException {
        Reply r = postCommunity(api, ORANGE_COMMUNITY, messages(message("kv-1", "m-kv1", "李雷", "fibra",
                "Волокно", "<p>没有网络 &amp; нет интернета 🛜</p>", null, 1, 10, "2026-11-24T10:00:00Z")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode m = messageOf("community", "kv-1");
        assertThat(m.get("body").asText()).isEqualTo("没有网络 & нет интернета 🛜");
        assertThat(m.get("authorName").asText()).isEqualTo("李雷");

        // The next poll returns the member's edited message (and more kudos): one message, its body updated.
        Reply edit = postCommunity(api, ORANGE_COMMUNITY, messages(message("kv-1", "m-kv1", "李雷", "fibra",
                "Волокно", "<p>没有网络 &amp; нет интернета 🛜 (desde el lunes)</p>", null, 5, 30,
                "2026-11-24T10:00:00Z")));
        assertThat(edit.status()).as(edit.text()).isEqualTo(200);
        assertThat(edit.at("/updated").asInt()).isEqualTo(1);
        assertThat(edit.at("/accepted").asInt()).isZero();
        JsonNode edited = messageOf("community", "kv-1");
        assertThat(edited.get("body").asText()).isEqualTo("没有网络 & нет интернета 🛜 (desde el lunes)");
        assertThat(edited.has("editedAt")).isTrue();
        assertThat(thread(m.get("conversationId").asText())).hasSize(1);
        assertThat(revisions(m.get("id").asText())).containsExactly(
                "EDIT:没有网络 & нет интернета 🛜→没有网络 & нет интернета 🛜 (desde el lunes)");
        JsonNode post = api.get("/api/v1/conversations/" + m.get("conversationId").asText() + "/community", lead)
                .at("/posts/0");
        assertThat(post.get("kudos").asLong()).isEqualTo(5);
        assertThat(post.get("views").asLong()).isEqualTo(30);
        // Polled again unchanged: a duplicate, no new revision.
        assertThat(postCommunity(api, ORANGE_COMMUNITY, messages(message("kv-1", "m-kv1", "李雷", "fibra",
                "Волокно", "<p>没有网络 &amp; нет интернета 🛜 (desde el lunes)</p>", null, 5, 30,
                "2026-11-24T10:00:00Z"))).at("/duplicates").asInt()).isEqualTo(1);
        assertThat(revisions(m.get("id").asText())).hasSize(1);
    }

    @Test
    void malformedCommunityPayloadsAre400AndStoreNothingOfTheBatch() {
        Map<String, Object> good = message("km-1", "m-km1", "x", "b", "s", "hola", null, 0, 0, "2026-11-24T11:00:00Z");
        Reply badTime = postCommunity(api, ORANGE_COMMUNITY, messages(good,
                message("km-2", "m-km2", "y", "b", "s", "adiós", null, 0, 0, "ayer")));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.at("/error/message").asText()).contains("ayer");
        Reply emptyBody = postCommunity(api, ORANGE_COMMUNITY, messages(good,
                message("km-3", "m-km3", "y", "b", "s", "<p> </p>", null, 0, 0, "2026-11-24T11:00:00Z")));
        assertThat(emptyBody.status()).isEqualTo(400);
        assertThat(emptyBody.at("/error/message").asText()).contains("body");
        assertThat(postCommunity(api, ORANGE_COMMUNITY, "{\"data\":[]}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
        assertThat(postCommunity(api, ORANGE_COMMUNITY, "{\"data\":{\"items\":{}}}".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        for (String id : List.of("km-1", "km-2", "km-3")) {
            assertThat(messageOf("community", id)).as(id).isNull();
        }
    }

    // ---- forums (Atom/RSS) --------------------------------------------------------------------

    static final String TOMBSTONES = "xmlns:at=\"http://purl.org/atompub/tombstones/1.0\"";

    static String feed(String... parts) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xmlns:thr=\"http://purl.org/syndication/thread/1.0\" " + TOMBSTONES + "><title>Foro</title>"
                + String.join("", parts) + "</feed>";
    }

    @Test
    void forumNonLatinEntriesAnEditedEntryAndATombstoneDeletion() throws SQLException {
        String entry = atomEntry("tag:foros.example.com,2026:fv-1", "Αλέξης", "Λογαριασμός",
                "<p>Χρεώθηκα δύο φορές 💸 二重請求</p>", "2026-11-24T09:00:00+01:00", null);
        Reply r = forum(feed(entry));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode m = messageOf("forum", "tag:foros.example.com,2026:fv-1");
        assertThat(m.get("body").asText()).isEqualTo("Χρεώθηκα δύο φορές 💸 二重請求");
        assertThat(m.get("authorName").asText()).isEqualTo("Αλέξης");

        // The feed fetched again shows the entry edited on the forum.
        Reply edit = forum(feed(atomEntry("tag:foros.example.com,2026:fv-1", "Αλέξης", "Λογαριασμός",
                "<p>Χρεώθηκα δύο φορές 💸 二重請求 — ya lo han devuelto</p>", "2026-11-24T09:00:00+01:00", null)));
        assertThat(edit.at("/updated").asInt()).isEqualTo(1);
        assertThat(messageOf("forum", "tag:foros.example.com,2026:fv-1").get("body").asText())
                .isEqualTo("Χρεώθηκα δύο φορές 💸 二重請求 — ya lo han devuelto");
        assertThat(thread(m.get("conversationId").asText())).hasSize(1);

        // The forum removed it: an Atom tombstone (RFC 6721) marks the message deleted, its text kept for the audit.
        Reply tomb = forum(feed("<at:deleted-entry ref=\"tag:foros.example.com,2026:fv-1\" "
                + "when=\"2026-11-24T12:00:00+01:00\"/>"));
        assertThat(tomb.status()).as(tomb.text()).isEqualTo(200);
        assertThat(tomb.at("/deleted").asInt()).isEqualTo(1);
        JsonNode deleted = messageOf("forum", "tag:foros.example.com,2026:fv-1");
        assertThat(deleted.get("deletedAt").asText()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(deleted.get("body").asText()).isEqualTo("Χρεώθηκα δύο φορές 💸 二重請求 — ya lo han devuelto");
        assertThat(revisions(deleted.get("id").asText())).containsExactly(
                "EDIT:Χρεώθηκα δύο φορές 💸 二重請求→Χρεώθηκα δύο φορές 💸 二重請求 — ya lo han devuelto",
                "DELETE:Χρεώθηκα δύο φορές 💸 二重請求 — ya lo han devuelto→null");
        // The same tombstone in the next fetch, and one for an entry never seen: nothing changes or is stored.
        assertThat(forum(feed("<at:deleted-entry ref=\"tag:foros.example.com,2026:fv-1\" "
                + "when=\"2026-11-24T12:00:00+01:00\"/>")).at("/duplicates").asInt()).isEqualTo(1);
        assertThat(forum(feed("<at:deleted-entry ref=\"tag:foros.example.com,2026:fv-never\" "
                + "when=\"2026-11-24T12:00:00+01:00\"/>")).at("/duplicates").asInt()).isEqualTo(1);
        assertThat(messageOf("forum", "tag:foros.example.com,2026:fv-never")).isNull();
        assertThat(revisions(deleted.get("id").asText())).hasSize(2);
    }

    @Test
    void malformedForumFeedsAre400AndStoreNothingOfTheFeed() {
        String good = atomEntry("tag:foros.example.com,2026:fm-1", "Ana", "t", "hola", "2026-11-24T09:00:00Z", null);
        Reply noAuthor = forum(feed(good, "<entry><id>tag:foros.example.com,2026:fm-2</id><content>sin autor"
                + "</content></entry>"));
        assertThat(noAuthor.status()).isEqualTo(400);
        assertThat(noAuthor.at("/error/message").asText()).contains("author");
        assertThat(forum(feed(good.replace("fm-1", "fm-3").replace("2026-11-24T09:00:00Z", "ayer"))).status())
                .isEqualTo(400);
        Reply noRef = forum(feed(good.replace("fm-1", "fm-4"), "<at:deleted-entry when=\"2026-11-24T12:00:00Z\"/>"));
        assertThat(noRef.status()).isEqualTo(400);
        assertThat(noRef.at("/error/message").asText()).contains("deleted-entry@ref");
        assertThat(forum(feed(good.replace("fm-1", "fm-5"), "<at:deleted-entry ref=\"x\" when=\"ayer\"/>")).status())
                .isEqualTo(400);
        Reply rssNoGuid = forum("<rss version=\"2.0\"><channel><title>F</title><item><title>t</title>"
                + "<description>hola</description><author>a@b.c</author></item></channel></rss>");
        assertThat(rssNoGuid.status()).isEqualTo(400);
        for (String id : List.of("tag:foros.example.com,2026:fm-1", "tag:foros.example.com,2026:fm-2",
                "tag:foros.example.com,2026:fm-3", "tag:foros.example.com,2026:fm-4",
                "tag:foros.example.com,2026:fm-5")) {
            assertThat(messageOf("forum", id)).as(id).isNull();
        }
        // Unsigned, or signed with the community's secret: 401.
        byte[] body = feed(good).getBytes(StandardCharsets.UTF_8);
        assertThat(api.postRaw("/api/v1/channels/forum/webhook?account=x", null, body,
                okhttp3.MediaType.get("application/atom+xml"), Map.of()).status()).isEqualTo(401);
        assertThat(api.postRaw("/api/v1/channels/forum/webhook?account=x", null, body,
                okhttp3.MediaType.get("application/atom+xml"), Map.of(Signatures.FARO_HEADER,
                        Signatures.hexHeader(CommunityPayloads.COMMUNITY_SECRET, body))).status()).isEqualTo(401);
    }
}
