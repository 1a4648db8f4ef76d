package es.faro.client.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.api.BulkRequest;
import es.faro.protocol.api.BulkResult;
import es.faro.protocol.api.NextRequest;
import es.faro.protocol.api.PresenceRequest;
import es.faro.protocol.api.UserRequest;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Team;
import es.faro.protocol.model.Workqueue;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Workqueues and assignment on the server: Next (pull mode), bulk actions, the agent's presence, and
 * the admin calls for workqueues, users and teams. These are direct calls (not outbox entries): their
 * answer decides what the agent sees next, and the server's events update the cache as usual.
 */
public final class QueuesApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ApiClient api;

    public QueuesApi(ApiClient api) {
        this.api = api;
    }

    /** Claims the best conversation for the agent (in {@code queueId} when not null); empty when none is waiting. */
    public Optional<Conversation> next(String queueId) throws IOException, ApiException {
        byte[] body = send(post("api/v1/next", new NextRequest(queueId)));
        return body.length == 0 ? Optional.empty() : Optional.of(Json.read(body, Conversation.class));
    }

    public BulkResult bulk(BulkRequest request) throws IOException, ApiException {
        return Json.read(send(post("api/v1/conversations/bulk", request)), BulkResult.class);
    }

    public Agent presence(Presence presence) throws IOException, ApiException {
        return Json.read(send(post("api/v1/me/presence", new PresenceRequest(presence))), Agent.class);
    }

    public List<Workqueue> workqueues() throws IOException, ApiException {
        return Json.MAPPER.readValue(send(get("api/v1/workqueues")), new TypeReference<List<Workqueue>>() { });
    }

    public Workqueue createWorkqueue(Workqueue queue) throws IOException, ApiException {
        return Json.read(send(post("api/v1/workqueues", queue)), Workqueue.class);
    }

    public Workqueue updateWorkqueue(Workqueue queue) throws IOException, ApiException {
        return Json.read(send(put("api/v1/workqueues/" + queue.id(), queue)), Workqueue.class);
    }

    public void deleteWorkqueue(String id) throws IOException, ApiException {
        send(api.authorized(new Request.Builder().url(api.url("api/v1/workqueues/" + id)).delete()).build());
    }

    public List<Agent> users() throws IOException, ApiException {
        return Json.MAPPER.readValue(send(get("api/v1/admin/users")), new TypeReference<List<Agent>>() { });
    }

    public Agent createUser(UserRequest user) throws IOException, ApiException {
        return Json.read(send(post("api/v1/admin/users", user)), Agent.class);
    }

    public Agent updateUser(String id, UserRequest change) throws IOException, ApiException {
        return Json.read(send(put("api/v1/admin/users/" + id, change)), Agent.class);
    }

    public List<Team> teams() throws IOException, ApiException {
        return Json.MAPPER.readValue(send(get("api/v1/teams")), new TypeReference<List<Team>>() { });
    }

    public Team saveTeam(Team team) throws IOException, ApiException {
        return Json.read(send(team.id() == null ? post("api/v1/admin/teams", team)
                : put("api/v1/admin/teams/" + team.id(), team)), Team.class);
    }

    private Request get(String path) {
        return api.authorized(new Request.Builder().url(api.url(path)).get()).build();
    }

    private Request post(String path, Object body) {
        return api.authorized(new Request.Builder().url(api.url(path))
                .post(RequestBody.create(Json.writeBytes(body), JSON))).build();
    }

    private Request put(String path, Object body) {
        return api.authorized(new Request.Builder().url(api.url(path))
                .put(RequestBody.create(Json.writeBytes(body), JSON))).build();
    }

    /** The answer's bytes (empty for 204); a non-2xx answer becomes an {@link ApiException}. */
    private byte[] send(Request request) throws IOException, ApiException {
        return api.answer(request);
    }
}
