package es.faro.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.StoreBackend;
import es.faro.server.support.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Personal canned responses and personal workqueue views stay their owner's (canned responses also
 * reach admins, who may read them) in /changes, the SSE stream, bootstrap and reads by id, over real
 * HTTP on both store dialects; everyone else's cursor still moves past their events.
 */
class PrivateItemsScopingTest {
    private static final String CANNED = "/api/v1/canned-responses";
    private static final String QUEUES = "/api/v1/workqueues";

    record Received(String id, String type, JsonNode data) {
    }

    /** An SSE connection whose events land in a queue. */
    static final class Stream extends EventSourceListener implements AutoCloseable {
        final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> opened = new LinkedBlockingQueue<>();
        final EventSource source;

        Stream(ApiClient api, String token, long after) {
            Request request = new Request.Builder()
                    .url(api.base().resolve("/api/v1/events?after=" + after).toString())
                    .header("Authorization", "Bearer " + token).build();
            source = EventSources.createFactory(api.http()).newEventSource(request, this);
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened.add(response.code());
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            try {
                events.add(new Received(id, type, Json.MAPPER.readTree(data)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            opened.add(response == null ? -1 : response.code());
        }

        /** Everything received up to and including the event with seq {@code last}. */
        List<Received> until(long last) throws InterruptedException {
            assertThat(opened.poll(10, TimeUnit.SECONDS)).isEqualTo(200);
            List<Received> got = new ArrayList<>();
            while (got.isEmpty() || Long.parseLong(got.get(got.size() - 1).id()) < last) {
                Received r = events.poll(10, TimeUnit.SECONDS);
                assertThat(r).as("event up to %d (got %s)", last, got).isNotNull();
                got.add(r);
            }
            return got;
        }

        @Override
        public void close() {
            source.cancel();
        }
    }

    private static Map<String, Object> canned(String title, String ownerId) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("language", "es");
        m.put("body", "Hola {{customer.name}}");
        m.put("ownerId", ownerId);
        m.put("labels", List.of());
        return m;
    }

    private static Reply put(ApiClient api, String path, String token, Object body) {
        return api.call(api.builder(path, token, Map.of())
                .put(RequestBody.create(Json.writeBytes(body), ApiClient.JSON)).build());
    }

    private static Reply delete(ApiClient api, String path, String token) {
        return api.call(api.builder(path, token, Map.of()).delete().build());
    }

    /** The ids (data.id) of the events of {@code types} in a list of events. */
    private static List<String> ids(List<JsonNode> events, String prefix) {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("type").asText().startsWith(prefix)) {
                ids.add(e.at("/data/id").asText());
            }
        }
        return ids;
    }

    private static List<JsonNode> changes(ApiClient api, String token, long after) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/changes?after=" + after + "&limit=5000", token).at("/events").forEach(events::add);
        return events;
    }

    private static List<JsonNode> streamed(Stream s, long last) throws InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        for (Received r : s.until(last)) {
            events.add(r.data());
        }
        return events;
    }

    private static List<String> referenceIds(JsonNode reference, String list) {
        List<String> ids = new ArrayList<>();
        reference.path(list).forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void personalItemsAndTheirEventsReachOnlyTheirOwner(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDb db = backend.create();
             TestServer server = TestServer.start(Map.of("store.url", db.url()))) {
            ApiClient api = server.client();
            String ana = api.login("ana");
            String pablo = api.login("pablo");
            String admin = api.login("admin");
            String lucia = api.login("lucia");
            long start = api.get("/api/v1/changes?after=0&limit=5000", ana).at("/last").asLong();

            try (Stream anaStream = new Stream(api, ana, start);
                 Stream pabloStream = new Stream(api, pablo, start);
                 Stream adminStream = new Stream(api, admin, start)) {
                Reply mine = api.post(CANNED, ana, canned("Mi saludo", "u-ana"));
                assertThat(mine.status()).as(mine.text()).isEqualTo(201);
                String cannedId = mine.at("/id").asText();
                Reply view = api.post(QUEUES, ana, Map.of("name", "Mis urgentes", "owner", "me", "position", 50));
                assertThat(view.status()).as(view.text()).isEqualTo(201);
                String viewId = view.at("/id").asText();
                assertThat(put(api, QUEUES + "/" + viewId, ana, Map.of("name", "Mis urgentes 2", "position", 50)).status())
                        .isEqualTo(200);
                assertThat(api.post(CANNED + "/" + cannedId + "/used", ana, "").status()).isEqualTo(200);

                // Reads by id and bootstrap while they exist.
                assertThat(api.get(CANNED + "/" + cannedId, pablo).status()).isEqualTo(404);
                assertThat(api.get(QUEUES + "/" + viewId, pablo).status()).isEqualTo(404);
                assertThat(api.get(CANNED + "/" + cannedId, admin).status()).as("admins read personal canned")
                        .isEqualTo(200);
                assertThat(api.get(QUEUES + "/" + viewId, admin).status()).as("views are their owner's only")
                        .isEqualTo(404);
                assertThat(api.get(CANNED + "/" + cannedId, ana).status()).isEqualTo(200);
                assertThat(api.get(QUEUES + "/" + viewId, ana).status()).isEqualTo(200);

                JsonNode pabloRef = api.get("/api/v1/bootstrap", pablo).at("/reference");
                assertThat(referenceIds(pabloRef, "cannedResponses")).doesNotContain(cannedId).isNotEmpty();
                assertThat(referenceIds(pabloRef, "queues")).doesNotContain(viewId).isNotEmpty();
                JsonNode anaRef = api.get("/api/v1/bootstrap", ana).at("/reference");
                assertThat(referenceIds(anaRef, "cannedResponses")).contains(cannedId);
                assertThat(referenceIds(anaRef, "queues")).contains(viewId);
                JsonNode adminRef = api.get("/api/v1/bootstrap", admin).at("/reference");
                assertThat(referenceIds(adminRef, "cannedResponses")).contains(cannedId);
                assertThat(referenceIds(adminRef, "queues")).doesNotContain(viewId);

                // A reference snapshot event (an admin edits the calendars) lists private items: tailored.
                Reply calendars = api.get("/api/v1/admin/calendars", admin);
                assertThat(calendars.status()).isEqualTo(200);
                JsonNode edited = calendars.json().deepCopy();
                ((ObjectNode) edited.get(0)).put("name", edited.get(0).path("name").asText() + " (editado)");
                assertThat(put(api, "/api/v1/admin/calendars", admin, edited).status()).isEqualTo(200);

                assertThat(delete(api, QUEUES + "/" + viewId, ana).status()).isEqualTo(204);
                assertThat(delete(api, CANNED + "/" + cannedId, ana).status()).isEqualTo(204);
                // A shared change everyone sees, after the private ones.
                Reply shared = api.post(CANNED, lucia, canned("Saludo de todos", null));
                assertThat(shared.status()).isEqualTo(201);
                String sharedId = shared.at("/id").asText();
                long head = api.get("/api/v1/changes?after=0&limit=5000", lucia).at("/last").asLong();

                // /changes
                List<JsonNode> pabloChanges = changes(api, pablo, start);
                assertThat(ids(pabloChanges, "canned_response.")).containsExactly(sharedId);
                assertThat(ids(pabloChanges, "workqueue.")).doesNotContain(viewId);
                assertThat(api.get("/api/v1/changes?after=" + start + "&limit=5000", pablo).at("/last").asLong())
                        .as("pablo's cursor moves past the events he may not see").isEqualTo(head);
                List<JsonNode> anaChanges = changes(api, ana, start);
                assertThat(ids(anaChanges, "canned_response.")).containsExactly(cannedId, cannedId, cannedId,
                        sharedId);
                assertThat(ids(anaChanges, "workqueue.")).containsExactly(viewId, viewId, viewId);
                assertThat(api.get("/api/v1/changes?after=" + start + "&limit=5000", ana).at("/last").asLong())
                        .isEqualTo(head);
                List<JsonNode> adminChanges = changes(api, admin, start);
                assertThat(ids(adminChanges, "canned_response.")).containsExactly(cannedId, cannedId, cannedId,
                        sharedId);
                assertThat(ids(adminChanges, "workqueue.")).doesNotContain(viewId);
                assertReference(pabloChanges, cannedId, viewId, false, false);
                assertReference(anaChanges, cannedId, viewId, true, true);
                assertReference(adminChanges, cannedId, viewId, true, false);

                // A client that pages with a small limit still advances through private events.
                long cursor = start;
                int pages = 0;
                while (cursor < head) {
                    long next = api.get("/api/v1/changes?after=" + cursor + "&limit=1", pablo).at("/last").asLong();
                    assertThat(next).isEqualTo(cursor + 1);
                    cursor = next;
                    pages++;
                }
                assertThat(pages).isEqualTo((int) (head - start));

                // The SSE stream
                List<JsonNode> pabloLive = streamed(pabloStream, head);
                assertThat(ids(pabloLive, "canned_response.")).containsExactly(sharedId);
                assertThat(ids(pabloLive, "workqueue.")).doesNotContain(viewId);
                assertReference(pabloLive, cannedId, viewId, false, false);
                List<JsonNode> anaLive = streamed(anaStream, head);
                assertThat(ids(anaLive, "canned_response.")).containsExactly(cannedId, cannedId, cannedId, sharedId);
                assertThat(ids(anaLive, "workqueue.")).containsExactly(viewId, viewId, viewId);
                assertReference(anaLive, cannedId, viewId, true, true);
                List<JsonNode> adminLive = streamed(adminStream, head);
                assertThat(ids(adminLive, "canned_response.")).containsExactly(cannedId, cannedId, cannedId,
                        sharedId);
                assertThat(ids(adminLive, "workqueue.")).doesNotContain(viewId);
                assertReference(adminLive, cannedId, viewId, true, false);
            }

            // A stream opened later, behind nothing: catch-up from the table is scoped the same way.
            try (Stream late = new Stream(api, pablo, start)) {
                long head = api.get("/api/v1/changes?after=0&limit=5000", lucia).at("/last").asLong();
                List<JsonNode> replay = streamed(late, head);
                assertThat(replay.stream().filter(e -> e.path("type").asText().startsWith("workqueue.")).toList())
                        .isEmpty();
                assertThat(ids(replay, "canned_response.")).hasSize(1);
            }
        }
    }

    /** The one reference.updated event: whether it lists the personal canned response and the view. */
    private static void assertReference(List<JsonNode> events, String cannedId, String viewId, boolean canned,
                                        boolean view) {
        List<JsonNode> refs = events.stream().filter(e -> e.path("type").asText().equals("reference.updated"))
                .toList();
        assertThat(refs).hasSize(1);
        JsonNode data = refs.get(0).path("data");
        assertThat(referenceIds(data, "cannedResponses")).isNotEmpty();
        assertThat(referenceIds(data, "queues")).isNotEmpty();
        if (canned) {
            assertThat(referenceIds(data, "cannedResponses")).contains(cannedId);
        } else {
            assertThat(referenceIds(data, "cannedResponses")).doesNotContain(cannedId);
        }
        if (view) {
            assertThat(referenceIds(data, "queues")).contains(viewId);
        } else {
            assertThat(referenceIds(data, "queues")).doesNotContain(viewId);
        }
    }
}
