package es.faro.server.community;

import static es.faro.server.community.CommunityPayloads.AMENA_COMMUNITY;
import static es.faro.server.community.CommunityPayloads.ORANGE_COMMUNITY;
import static es.faro.server.community.CommunityPayloads.message;
import static es.faro.server.community.CommunityPayloads.messages;
import static es.faro.server.community.CommunityPayloads.postCommunity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The moderation flow and its roles, on SQLite and on PostgreSQL. */
class ModerationApiTest {

    record Fixture(ApiClient api, String orange, String amena, Map<String, String> posts) {
    }

    static Fixture fixture(ApiClient api, String lead) {
        postCommunity(api, ORANGE_COMMUNITY, messages(
                message("k-1", "m-1", "maria", "fibra", "Sin fibra", "No tengo fibra", null, 2, 300,
                        "2026-11-24T08:00:00Z"),
                message("k-2", "m-2", "pepe", "fibra", "Re: Sin fibra", "Reinicia la ONT", "k-1", 7, 0,
                        "2026-11-24T08:10:00Z"),
                message("k-3", "m-3", "pepe", "fibra", "Re: Sin fibra", "Compra en www.spam.example", "k-1", 0, 0,
                        "2026-11-24T08:20:00Z"),
                message("k-4", "m-4", "juan", "fibra", "Re: Sin fibra", "A mí también", "k-1", 0, 0,
                        "2026-11-24T08:30:00Z")));
        postCommunity(api, AMENA_COMMUNITY, messages(message("a-1", "m-9", "spammer", "general", "Oferta",
                "Gana dinero rápido", null, 0, 1, "2026-11-24T08:00:00Z")));
        String orange = api.get("/api/v1/conversations?channel=community&brand=orange", lead).at("/items/0/id").asText();
        String amena = api.get("/api/v1/conversations?channel=community&brand=amena", lead).at("/items/0/id").asText();
        Map<String, String> posts = new HashMap<>();
        for (JsonNode p : api.get("/api/v1/conversations/" + orange + "/community", lead).at("/posts")) {
            posts.put(p.get("channelMessageId").asText(), p.get("messageId").asText());
        }
        return new Fixture(api, orange, amena, posts);
    }

    static Reply moderate(ApiClient api, String token, String conversation, Map<String, Object> body) {
        return api.post("/api/v1/conversations/" + conversation + "/moderation", token, body);
    }

    /** The audit log's moderation entries, oldest first. */
    static List<JsonNode> moderationAudit(ApiClient api, String admin) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/admin/audit?limit=500", admin).at("/items")) {
            if (e.get("action").asText().startsWith("moderation.")) {
                out.add(e);
            }
        }
        return out;
    }

    static int actionCount(ApiClient api, String token) {
        return api.get("/api/v1/moderation/actions?limit=500", token).at("/items").size();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void moderationActionsChangeThePostsAndAreStoredAndPublished(StoreBackend backend) {
        try (StoreBackend.TestDb db = backend.create()) {
            Map<String, String> extra = new HashMap<>(CommunityPayloads.secrets());
            extra.put("store.url", db.url());
            try (TestServer server = TestServer.start(extra)) {
                ApiClient api = server.client();
                String lead = api.login("lucia");
                String ana = api.login("ana");
                Fixture f = fixture(api, lead);
                long cursor = api.get("/api/v1/changes?after=0&limit=1000", lead).at("/last").asLong();

                Reply approve = moderate(api, ana, f.orange(), Map.of("action", "approve"));
                assertThat(approve.status()).as(approve.text()).isEqualTo(200);
                assertThat(approve.at("/action/action").asText()).isEqualTo("approve");
                assertThat(approve.at("/action/agentId").asText()).isEqualTo("u-ana");
                assertThat(approve.at("/posts/0/messageId").asText()).isEqualTo(f.posts().get("k-1"));
                assertThat(approve.at("/posts/0/state").asText()).isEqualTo("APPROVED");

                Reply noReason = moderate(api, ana, f.orange(), Map.of("action", "reject",
                        "messageId", f.posts().get("k-3")));
                assertThat(noReason.status()).isEqualTo(400);
                assertThat(noReason.at("/error/message").asText()).contains("reason");
                Reply reject = moderate(api, ana, f.orange(), Map.of("action", "reject",
                        "messageId", f.posts().get("k-3"), "reason", "Publicidad"));
                assertThat(reject.at("/posts/0/state").asText()).isEqualTo("REJECTED");
                assertThat(reject.at("/action/reason").asText()).isEqualTo("Publicidad");

                Reply edit = moderate(api, lead, f.orange(), Map.of("action", "edit", "body", "No tengo fibra en casa"));
                assertThat(edit.status()).as(edit.text()).isEqualTo(200);
                assertThat(api.get("/api/v1/conversations/" + f.orange() + "/messages", lead).at("/0/body").asText())
                        .isEqualTo("No tengo fibra en casa");
                assertThat(edit.at("/action/detail").asText()).isEqualTo("previous: No tengo fibra");

                Reply move = moderate(api, ana, f.orange(), Map.of("action", "move", "board", "averias"));
                assertThat(move.at("/posts").size()).isEqualTo(4);
                assertThat(move.at("/posts").findValuesAsText("board")).containsOnly("averias");
                assertThat(move.at("/action/detail").asText()).isEqualTo("fibra -> averias");

                Reply topic = moderate(api, ana, f.orange(), Map.of("action", "accept_solution"));
                assertThat(topic.status()).isEqualTo(400);
                Reply rejected = moderate(api, ana, f.orange(), Map.of("action", "accept_solution",
                        "messageId", f.posts().get("k-3")));
                assertThat(rejected.status()).isEqualTo(400);
                Reply accept = moderate(api, ana, f.orange(), Map.of("action", "accept_solution",
                        "messageId", f.posts().get("k-2")));
                assertThat(accept.status()).as(accept.text()).isEqualTo(200);
                assertThat(accept.at("/posts/0/solution").asBoolean()).isTrue();
                assertThat(accept.at("/posts/0/state").asText()).isEqualTo("APPROVED");
                Reply second = moderate(api, ana, f.orange(), Map.of("action", "accept_solution",
                        "messageId", f.posts().get("k-4")));
                assertThat(second.status()).isEqualTo(409);

                // Every action is an event in order, and stored.
                JsonNode events = api.get("/api/v1/changes?after=" + cursor + "&limit=1000", lead).at("/events");
                List<String> kinds = new ArrayList<>();
                for (JsonNode e : events) {
                    if (e.get("type").asText().equals("community.moderated")) {
                        kinds.add(e.at("/data/action/action").asText());
                    }
                }
                assertThat(kinds).containsExactly("approve", "reject", "edit", "move", "accept_solution");
                assertThat(events.findValuesAsText("type")).contains("message.upserted");
                JsonNode log = api.get("/api/v1/moderation/actions", lead).at("/items");
                assertThat(log.findValuesAsText("action")).containsExactly("approve", "reject", "edit", "move",
                        "accept_solution");
                assertThat(log.findValuesAsText("agentId")).containsExactly("u-ana", "u-ana", "u-lucia", "u-ana",
                        "u-ana");

                // Spam on Amena: Ana is not skilled for Amena (404, as if it did not exist); Pablo is.
                assertThat(moderate(api, ana, f.amena(), Map.of("action", "spam")).status()).isEqualTo(404);
                String pablo = api.login("pablo");
                Reply spam = moderate(api, pablo, f.amena(), Map.of("action", "spam"));
                assertThat(spam.at("/posts/0/state").asText()).isEqualTo("SPAM");
                assertThat(actionCount(api, lead)).isEqualTo(6);

                // And every action is in the audit log: who, what, on which conversation, with the reason.
                List<String> audited = new ArrayList<>();
                for (JsonNode e : moderationAudit(api, api.login("admin"))) {
                    audited.add(e.get("actorId").asText() + " " + e.get("action").asText() + " "
                            + e.get("target").asText());
                }
                assertThat(audited).containsExactly("u-ana moderation.approve " + f.orange(),
                        "u-ana moderation.reject " + f.orange(), "u-lucia moderation.edit " + f.orange(),
                        "u-ana moderation.move " + f.orange(), "u-ana moderation.accept_solution " + f.orange(),
                        "u-pablo moderation.spam " + f.amena());
                JsonNode rejectAudit = moderationAudit(api, api.login("admin")).get(1);
                assertThat(rejectAudit.get("detail").asText())
                        .isEqualTo("post " + f.posts().get("k-3") + "; reason: Publicidad");
                assertThat(rejectAudit.get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(moderationAudit(api, api.login("admin")).get(3).get("detail").asText())
                        .endsWith("; fibra -> averias");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreBackend.class, names = "SQLITE")
    void rolesAndBadRequestsAreRefusedAndWriteNothing(StoreBackend backend) {
        try (TestServer server = CommunityPayloads.server()) {
            ApiClient api = server.client();
            String lead = api.login("lucia");
            String ana = api.login("ana");
            String pablo = api.login("pablo");
            String analyst = api.login("datos");
            Fixture f = fixture(api, lead);

            assertThat(moderate(api, null, f.orange(), Map.of("action", "approve")).status()).isEqualTo(401);
            assertThat(moderate(api, "not-a-token", f.orange(), Map.of("action", "approve")).status()).isEqualTo(401);
            assertThat(moderate(api, analyst, f.orange(), Map.of("action", "approve")).status()).isEqualTo(403);
            assertThat(moderate(api, pablo, f.orange(), Map.of("action", "approve")).status()).isEqualTo(404);
            assertThat(moderate(api, ana, "c-nope", Map.of("action", "approve")).status()).isEqualTo(404);
            assertThat(moderate(api, ana, f.orange(), Map.of("action", "ban")).status()).isEqualTo(400);
            assertThat(moderate(api, ana, f.orange(), Map.of("action", "approve", "messageId", "m-nope")).status())
                    .isEqualTo(404);
            assertThat(moderate(api, ana, f.orange(), Map.of("action", "move")).status()).isEqualTo(400);
            assertThat(moderate(api, ana, f.orange(), Map.of("action", "edit", "body", "  ")).status()).isEqualTo(400);
            assertThat(moderate(api, ana, f.orange(), Map.of("action", "reject", "reason", "x".repeat(501))).status())
                    .isEqualTo(400);
            assertThat(api.post("/api/v1/conversations/" + f.orange() + "/moderation", ana, "{not json").status())
                    .isEqualTo(400);
            // A conversation that is not from a community or forum.
            byte[] hola = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("t-1", "u-1", "Hola", null));
            var hook = api.post("/api/v1/channels/twitter/webhook", null, hola, Payloads.twitterSignature(hola));
            assertThat(hook.status()).as(hook.text()).isEqualTo(200);
            assertThat(hook.at("/accepted").asInt()).as(hook.text()).isEqualTo(1);
            var listed = api.get("/api/v1/conversations?channel=twitter", lead);
            String tweet = listed.at("/items/0/id").asText();
            assertThat(tweet).as(listed.text()).isNotEmpty();
            assertThat(moderate(api, ana, tweet, Map.of("action", "approve")).status()).isEqualTo(400);
            assertThat(actionCount(api, lead)).isZero();
            assertThat(moderationAudit(api, api.login("admin"))).isEmpty();
            assertThat(api.get("/api/v1/conversations/" + f.orange() + "/community", lead).at("/posts")
                    .findValuesAsText("state")).containsOnly("PENDING");

            // Reads: the analyst reads everything; an agent only their brands; the CSV is for analytics roles.
            moderate(api, ana, f.orange(), Map.of("action", "approve"));
            moderate(api, pablo, f.amena(), Map.of("action", "spam"));
            assertThat(actionCount(api, analyst)).isEqualTo(2);
            assertThat(api.get("/api/v1/moderation/actions", ana).at("/items").findValuesAsText("brandId"))
                    .containsExactly("orange");
            assertThat(api.get("/api/v1/moderation/actions", pablo).at("/items").findValuesAsText("brandId"))
                    .containsExactly("amena");
            assertThat(api.get("/api/v1/moderation/actions", null).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/moderation/actions?action=nope", lead).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/moderation/actions?brand=nope", lead).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/moderation/actions?after=%25%25", lead).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/export/moderation-actions.csv", ana).status()).isEqualTo(403);
            Reply csv = api.get("/api/v1/export/moderation-actions.csv", analyst);
            assertThat(csv.status()).isEqualTo(200);
            String[] lines = csv.text().split("\r\n");
            assertThat(lines[0]).isEqualTo(es.faro.server.http.CommunityRoutesAccess.ACTIONS_CSV_HEADER);
            assertThat(lines).hasSize(3);
            assertThat(lines[1]).contains(",orange,community," + f.orange() + ",").contains(",u-ana,approve,");
            assertThat(lines[2]).contains(",amena,community,").contains(",u-pablo,spam,");
            assertThat(api.get("/api/v1/conversations/" + f.amena() + "/community", ana).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreBackend.class, names = "SQLITE")
    void theActionListIsCursorPagedAndFiltered(StoreBackend backend) {
        try (TestServer server = CommunityPayloads.server()) {
            ApiClient api = server.client();
            String lead = api.login("lucia");
            Fixture f = fixture(api, lead);
            for (String k : List.of("k-1", "k-2", "k-3", "k-4")) {
                moderate(api, lead, f.orange(), Map.of("action", "approve", "messageId", f.posts().get(k)));
            }
            moderate(api, lead, f.amena(), Map.of("action", "spam"));
            List<String> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                Reply page = api.get("/api/v1/moderation/actions?limit=2" + (after == null ? "" : "&after=" + after),
                        lead);
                page.at("/items").forEach(i -> seen.add(i.get("id").asText()));
                after = page.at("/next").isTextual() ? page.at("/next").asText() : null;
                pages++;
            } while (after != null && pages < 10);
            assertThat(seen).hasSize(5).doesNotHaveDuplicates();
            // The last page has no next (absent, not null), as every list of the API.
            Reply last = api.get("/api/v1/moderation/actions?limit=50", lead);
            assertThat(last.at("/items").size()).isEqualTo(5);
            assertThat(last.json().has("next")).as(last.text()).isFalse();
            assertThat(api.get("/api/v1/moderation/actions?brand=amena", lead).at("/items").size()).isEqualTo(1);
            assertThat(api.get("/api/v1/moderation/actions?action=approve", lead).at("/items").size()).isEqualTo(4);
            assertThat(api.get("/api/v1/moderation/actions?conversation=" + f.orange(), lead).at("/items").size())
                    .isEqualTo(4);
            assertThat(api.get("/api/v1/moderation/actions?agent=u-lucia&channel=community", lead).at("/items")
                    .size()).isEqualTo(5);
        }
    }

    /** Networks stamp whole seconds: a reply in the same second as its topic must not pass for the topic. */
    @org.junit.jupiter.api.Test
    void aReplyInTheSameSecondAsItsTopicStaysAReplyAndTheTopicCannotBeTheSolution() {
        try (TestServer server = TestServer.start(new HashMap<>(CommunityPayloads.secrets()))) {
            ApiClient api = server.client();
            String lead = api.login("lucia");
            String same = "2026-11-24T09:00:00Z";
            // Several threads, so the random message ids fall both ways at least once.
            for (int i = 0; i < 6; i++) {
                postCommunity(api, ORANGE_COMMUNITY, messages(
                        message("s-" + i, "m-s" + i, "maria" + i, "fibra", "Sin fibra " + i, "No tengo fibra", null, 0, 10,
                                same),
                        message("r-" + i, "m-r" + i, "pepe" + i, "fibra", "Re: Sin fibra " + i, "Reinicia la ONT",
                                "s-" + i, 0, 0, same)));
            }
            JsonNode conversations = api.get("/api/v1/conversations?channel=community&brand=orange&limit=50", lead)
                    .at("/items");
            assertThat(conversations.size()).isEqualTo(6);
            for (JsonNode conv : conversations) {
                String id = conv.path("id").asText();
                JsonNode posts = api.get("/api/v1/conversations/" + id + "/community", lead).at("/posts");
                assertThat(posts.get(0).path("channelMessageId").asText()).as("the topic first").startsWith("s-");
                assertThat(posts.get(1).path("channelMessageId").asText()).startsWith("r-");
                Reply topic = moderate(api, lead, id, Map.of("action", "accept_solution",
                        "messageId", posts.get(0).path("messageId").asText()));
                assertThat(topic.status()).as(topic.text()).isEqualTo(400);
                Reply reply = moderate(api, lead, id, Map.of("action", "accept_solution",
                        "messageId", posts.get(1).path("messageId").asText()));
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            }
        }
    }
}
