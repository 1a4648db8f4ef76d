package es.faro.server.community;

import static es.faro.server.community.CommunityPayloads.AMENA_COMMUNITY;
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
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommunityIngestTest {
    static TestServer server;
    static ApiClient api;
    static String lead;

    @BeforeAll
    static void start() {
        server = CommunityPayloads.server();
        api = server.client();
        lead = api.login("lucia");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode conversationOf(String channel, String channelMessageId) {
        for (JsonNode c : api.get("/api/v1/conversations?limit=500&channel=" + channel, lead).at("/items")) {
            for (JsonNode m : api.get("/api/v1/conversations/" + c.get("id").asText() + "/messages", lead).json()) {
                if (channelMessageId.equals(m.path("channelMessageId").asText())) {
                    return c;
                }
            }
        }
        return null;
    }

    static List<JsonNode> posts(String conversationId) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/conversations/" + conversationId + "/community", lead).at("/posts").forEach(out::add);
        return out;
    }

    @Test
    void aTopicAndItsReplyBecomeOneThreadInTheModerationQueue() {
        byte[] body = messages(
                message("k-1", "m-501", "maria_g", "fibra", "Sin fibra en Getafe", "<p>No tengo fibra desde ayer &amp; el router parpadea</p>",
                        null, 3, 120, "2026-11-24T10:00:00.000+01:00"),
                message("k-2", "m-502", "superpepe", "fibra", "Re: Sin fibra en Getafe", "<p>Reinicia la ONT<br/>y espera 5 min</p>",
                        "k-1", 7, 0, "2026-11-24T10:05:00.000+01:00"));
        Reply r = postCommunity(api, ORANGE_COMMUNITY, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(2);

        JsonNode conv = conversationOf("community", "k-1");
        assertThat(conv).isNotNull();
        assertThat(conversationOf("community", "k-2").get("id")).isEqualTo(conv.get("id"));
        assertThat(conv.get("brandId").asText()).isEqualTo("orange");
        assertThat(conv.get("queueId").asText()).isEqualTo("q-moderacion");
        assertThat(conv.get("messageCount").asInt()).isEqualTo(2);
        JsonNode thread = api.get("/api/v1/conversations/" + conv.get("id").asText() + "/messages", lead).json();
        assertThat(thread.get(0).get("body").asText()).isEqualTo("No tengo fibra desde ayer & el router parpadea");
        assertThat(thread.get(1).get("body").asText()).isEqualTo("Reinicia la ONT\ny espera 5 min");

        List<JsonNode> posts = posts(conv.get("id").asText());
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).get("board").asText()).isEqualTo("fibra");
        assertThat(posts.get(0).get("subject").asText()).isEqualTo("Sin fibra en Getafe");
        assertThat(posts.get(0).get("state").asText()).isEqualTo("PENDING");
        assertThat(posts.get(0).get("views").asLong()).isEqualTo(120);
        assertThat(posts.get(1).get("authorId").asText()).isEqualTo("m-502");
        assertThat(posts.get(1).get("authorName").asText()).isEqualTo("superpepe");
        assertThat(posts.get(1).get("parentId").asText()).isEqualTo("k-1");
        assertThat(posts.get(1).get("kudos").asLong()).isEqualTo(7);
    }

    @Test
    void aRepeatedItemIsIgnoredButRefreshesKudosAndViews() {
        byte[] first = messages(message("k-10", "m-510", "lola", "movil", "Roaming", "Roaming en Andorra?", null, 0, 5,
                "2026-11-24T11:00:00Z"));
        assertThat(postCommunity(api, ORANGE_COMMUNITY, first).at("/accepted").asInt()).isEqualTo(1);
        byte[] again = messages(message("k-10", "m-510", "lola", "movil", "Roaming", "Roaming en Andorra?", null, 4, 80,
                "2026-11-24T11:00:00Z"));
        Reply r = postCommunity(api, ORANGE_COMMUNITY, again);
        assertThat(r.at("/accepted").asInt()).isZero();
        assertThat(r.at("/duplicates").asInt()).isEqualTo(1);
        JsonNode conv = conversationOf("community", "k-10");
        assertThat(conv.get("messageCount").asInt()).isEqualTo(1);
        JsonNode post = posts(conv.get("id").asText()).get(0);
        assertThat(post.get("kudos").asLong()).isEqualTo(4);
        assertThat(post.get("views").asLong()).isEqualTo(80);
    }

    @Test
    void badCommunityPayloadsAreRefusedAndWriteNothing() {
        byte[] body = messages(message("k-20", "m-520", "x", "b", "s", "hola", null, 0, 0, "2026-11-24T11:00:00Z"));
        Reply unsigned = api.post("/api/v1/channels/community/webhook?account=" + ORANGE_COMMUNITY, null, body);
        assertThat(unsigned.status()).isEqualTo(401);
        Reply wrong = api.post("/api/v1/channels/community/webhook?account=" + ORANGE_COMMUNITY, null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader("another-secret", body)));
        assertThat(wrong.status()).isEqualTo(401);
        Reply noAccount = api.post("/api/v1/channels/community/webhook", null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(CommunityPayloads.COMMUNITY_SECRET, body)));
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(postCommunity(api, "comunidad-desconocida", body).status()).isEqualTo(404);
        byte[] noAuthor = "{\"data\":{\"items\":[{\"id\":\"k-21\",\"body\":\"hola\"}]}}".getBytes(StandardCharsets.UTF_8);
        Reply bad = postCommunity(api, ORANGE_COMMUNITY, noAuthor);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/error/message").asText()).contains("author");
        byte[] negative = messages(message("k-22", "m-522", "x", "b", "s", "hola", null, -1, 0, "2026-11-24T11:00:00Z"));
        assertThat(postCommunity(api, ORANGE_COMMUNITY, negative).status()).isEqualTo(400);
        assertThat(conversationOf("community", "k-20")).isNull();
        assertThat(conversationOf("community", "k-22")).isNull();
    }

    @Test
    void twoTopicsOfOneMemberAreTwoThreads() {
        postCommunity(api, ORANGE_COMMUNITY, messages(
                message("k-40", "m-540", "rita", "fibra", "Uno", "Primera duda", null, 0, 0, "2026-11-24T11:00:00Z"),
                message("k-41", "m-540", "rita", "movil", "Dos", "Segunda duda", null, 0, 0, "2026-11-24T11:01:00Z")));
        assertThat(conversationOf("community", "k-40").get("id"))
                .isNotEqualTo(conversationOf("community", "k-41").get("id"));
    }

    @Test
    void anAmenaCommunityMessageIsAmenas() {
        postCommunity(api, AMENA_COMMUNITY, messages(message("k-30", "m-530", "ana", "tarifas", "Tarifa", "Qué tarifa?",
                null, 0, 1, "2026-11-24T11:00:00Z")));
        assertThat(conversationOf("community", "k-30").get("brandId").asText()).isEqualTo("amena");
    }

    @Test
    void atomEntriesThreadByInReplyTo() {
        byte[] feed = atom("Foro Operadoras · Orange",
                atomEntry("tag:foros.example.com,2026:post-1", "Carlos R", "Portabilidad lenta",
                        "<p>Llevo 10 días esperando la portabilidad</p>", "2026-11-24T09:00:00+01:00", null),
                atomEntry("tag:foros.example.com,2026:post-2", "Elena", "Re: Portabilidad lenta",
                        "A mí me tardó 3 días", "2026-11-24T09:30:00+01:00", "tag:foros.example.com,2026:post-1"));
        Reply r = postForum(api, ORANGE_FEED, feed);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.at("/accepted").asInt()).isEqualTo(2);
        JsonNode conv = conversationOf("forum", "tag:foros.example.com,2026:post-1");
        assertThat(conv.get("brandId").asText()).isEqualTo("orange");
        assertThat(conv.get("queueId").asText()).isEqualTo("q-moderacion");
        assertThat(conversationOf("forum", "tag:foros.example.com,2026:post-2").get("id")).isEqualTo(conv.get("id"));
        List<JsonNode> posts = posts(conv.get("id").asText());
        assertThat(posts.get(0).get("board").asText()).isEqualTo("Foro Operadoras · Orange");
        assertThat(posts.get(0).get("subject").asText()).isEqualTo("Portabilidad lenta");
        assertThat(posts.get(1).get("authorName").asText()).isEqualTo("Elena");
        assertThat(postForum(api, ORANGE_FEED, feed).at("/duplicates").asInt()).isEqualTo(2);
    }

    @Test
    void rssItemsAreAcceptedToo() {
        byte[] rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<title>Foro</title><item><guid>rss-1</guid><title>Factura duplicada</title>"
                + "<description>&lt;p&gt;Me han cobrado dos veces&lt;/p&gt;</description><dc:creator>Luis</dc:creator>"
                + "<pubDate>Tue, 24 Nov 2026 10:00:00 +0100</pubDate><category>facturas</category></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        Reply r = postForum(api, ORANGE_FEED, rss);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode conv = conversationOf("forum", "rss-1");
        JsonNode post = posts(conv.get("id").asText()).get(0);
        assertThat(post.get("board").asText()).isEqualTo("facturas");
        assertThat(api.get("/api/v1/conversations/" + conv.get("id").asText() + "/messages", lead).json().get(0)
                .get("body").asText()).isEqualTo("Me han cobrado dos veces");
    }

    @Test
    void aFeedWithADoctypeOrExternalEntityIsRefused() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>xxe-1</id><author><name>a</name></author>"
                + "<content>&x;</content></entry></feed>").getBytes(StandardCharsets.UTF_8);
        Reply r = postForum(api, ORANGE_FEED, xxe);
        assertThat(r.status()).isEqualTo(400);
        assertThat(conversationOf("forum", "xxe-1")).isNull();
        Reply notXml = postForum(api, ORANGE_FEED, "no soy xml".getBytes(StandardCharsets.UTF_8));
        assertThat(notXml.status()).isEqualTo(400);
        Reply notAFeed = postForum(api, ORANGE_FEED, "<html/>".getBytes(StandardCharsets.UTF_8));
        assertThat(notAFeed.status()).isEqualTo(400);
    }
}
