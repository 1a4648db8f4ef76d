package es.faro.server.channels.profile;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.channels.profile.ProfileLookup.Request;
import es.faro.server.delivery.Endpoint;
import es.faro.server.delivery.Endpoints;
import es.faro.server.jobs.JobWorker;
import es.faro.server.store.Conversations;
import es.faro.server.store.Customers;
import es.faro.server.store.EventLog;
import es.faro.server.store.Messages;
import es.faro.server.store.ScheduledJobs.Job;
import es.faro.server.store.Store;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request.Builder;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ProfileLookup} job: asks Meta's Graph API for the customer's name
 * ({@code GET /{psid}?fields=first_name,last_name} for Messenger, {@code ?fields=name,username} for
 * Instagram) with the brand account's token, then names the customer, their conversations and
 * their messages in one transaction, each change an event so every client follows. A refusal
 * (4xx) leaves the customer unnamed for good; a transient failure throws, so the job is claimed
 * again when its lease runs out.
 */
public final class ProfileFetcher implements JobWorker.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileFetcher.class);
    private static final int MAX_NAME = 200;

    /** What the network told us. */
    record Profile(String name, String handle) {
    }

    private final Store store;
    private final Clock clock;
    private final Endpoints endpoints;
    private final OkHttpClient http;

    public ProfileFetcher(Store store, Clock clock, Endpoints endpoints, OkHttpClient http) {
        this.store = store;
        this.clock = clock;
        this.endpoints = endpoints;
        // A lookup is a GET: when a pooled connection turns out closed by the network (its idle timeout),
        // sending it again on a fresh one is safe, and the customer is named now rather than after the lease.
        this.http = http.newBuilder().retryOnConnectionFailure(true).build();
    }

    @Override
    public void handle(Job job) throws Exception {
        Request request = Json.read(job.payload(), Request.class);
        Optional<Endpoint> endpoint = endpoints.of(request.channel(), request.accountId());
        if (endpoint.isEmpty()) {
            return; // no API configured for this account: the agent sees "customer on <channel>"
        }
        Optional<Profile> profile = fetch(endpoint.get(), request);
        if (profile.isPresent()) {
            store.write(c -> name(c, request.customerId(), profile.get(), clock.instant())).join();
        }
    }

    private Optional<Profile> fetch(Endpoint endpoint, Request request) throws IOException {
        HttpUrl base = HttpUrl.parse(endpoint.url("/" + URLEncoder.encode(request.channelUserId(),
                StandardCharsets.UTF_8)));
        if (base == null) {
            return Optional.empty();
        }
        HttpUrl url = base.newBuilder().addQueryParameter("fields", request.channel() == Channel.FACEBOOK
                ? "first_name,last_name" : "name,username").build();
        Builder b = new Builder().url(url).get().header("Accept", "application/json");
        if (endpoint.token() != null) {
            b.header("Authorization", "Bearer " + endpoint.token());
        }
        try (Response r = http.newCall(b.build()).execute()) {
            int code = r.code();
            if (code == 408 || code == 429 || code >= 500) {
                throw new IOException(request.channel().wireName() + " profile lookup: HTTP " + code);
            }
            if (!r.isSuccessful()) {
                LOG.info("{} refused the profile of customer {}: HTTP {}", request.channel().wireName(),
                        request.customerId(), code);
                return Optional.empty();
            }
            JsonNode json = Json.MAPPER.readTree(r.body() == null ? "" : r.body().string());
            return profile(request.channel(), json == null ? Json.MAPPER.createObjectNode() : json);
        }
    }

    static Optional<Profile> profile(Channel channel, JsonNode json) {
        String name;
        String handle = null;
        if (channel == Channel.FACEBOOK) {
            name = (text(json, "first_name") + " " + text(json, "last_name")).trim();
        } else {
            name = text(json, "name");
            handle = text(json, "username").isEmpty() ? null : text(json, "username");
            if (name.isEmpty() && handle != null) {
                name = handle;
            }
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Profile(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name, handle));
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.path(field);
        return v.isTextual() ? v.asText().strip() : "";
    }

    /** Names the customer and, where still unnamed, their conversations and messages. */
    private static Void name(Connection c, String customerId, Profile p, Instant now) throws SQLException {
        Optional<Customer> known = Customers.find(c, customerId);
        if (known.isEmpty() || known.get().name() != null) {
            return null; // merged away, or named meanwhile (the customer wrote a comment with a name)
        }
        Customer cu = known.get();
        Customers.upsert(c, new Customer(cu.id(), p.name(), cu.handle() != null ? cu.handle() : p.handle(),
                cu.channel(), cu.channelUserId(), cu.followers(), cu.language()));
        for (Conversation conv : Conversations.ofCustomer(c, customerId)) {
            if (conv.customerName() != null) {
                continue;
            }
            Conversation named = conv.toBuilder().customerName(p.name())
                    .customerHandle(conv.customerHandle() != null ? conv.customerHandle() : p.handle())
                    .updatedAt(now).version(conv.version() + 1).build();
            for (Message m : Messages.ofConversation(c, conv.id())) {
                if (m.kind() == MessageKind.IN && customerId.equals(m.authorId()) && m.authorName() == null) {
                    Message signed = m.withAuthorName(p.name());
                    String json = Json.write(signed);
                    Messages.update(c, signed, json);
                    EventLog.appendJson(c, EventType.MESSAGE, now, conv.brandId(), conv.channel(), json);
                }
            }
            String json = Json.write(named);
            Conversations.upsert(c, named, json);
            EventLog.appendJson(c, EventType.CONVERSATION, now, conv.brandId(), conv.channel(), json);
        }
        return null;
    }
}
