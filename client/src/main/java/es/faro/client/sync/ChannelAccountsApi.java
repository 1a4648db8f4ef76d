package es.faro.client.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The admin side of channel accounts and webhook secrets ({@code /api/v1/admin/accounts},
 * {@code /api/v1/admin/channels/{channel}/secrets}) over the signed-in {@link ApiClient}. Blocking
 * calls: use them from background threads.
 */
public final class ChannelAccountsApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final TypeReference<List<Account>> ACCOUNTS = new TypeReference<>() { };
    private static final TypeReference<List<Secret>> SECRETS = new TypeReference<>() { };

    /** A brand's account on a channel, as the server shows it (poll credentials masked). */
    public record Account(String brandId, Channel channel, String accountId, String handle, String pollUrl,
                          Duration pollInterval, String pollCredentials, Instant updatedAt) {
    }

    /** A webhook secret of a channel, masked; {@code retiresAt} set once a newer one replaced it. */
    public record Secret(String id, String secret, Instant createdAt, Instant retiresAt, boolean valid) {
    }

    /** A new secret in clear (the only time the server shows it) and until when the previous ones stay valid. */
    public record Rotated(String id, Channel channel, String secret, String masked, Instant createdAt,
                          Instant previousValidUntil) {
    }

    private final ApiClient api;

    public ChannelAccountsApi(ApiClient api) {
        this.api = api;
    }

    public List<Account> accounts() throws IOException, ApiException {
        return call(api.authorized(new Request.Builder().url(api.url("api/v1/admin/accounts")).get()).build(),
                ACCOUNTS);
    }

    /** Adds {@code accountId} on {@code channel} to {@code brandId}. */
    public Account create(String brandId, Channel channel, String accountId, String handle)
            throws IOException, ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brandId", brandId);
        body.put("channel", channel);
        body.put("accountId", accountId);
        body.put("handle", handle);
        return call(api.authorized(new Request.Builder().url(api.url("api/v1/admin/accounts"))
                .post(RequestBody.create(Json.writeBytes(body), JSON))).build(), Account.class);
    }

    /** Changes the account's id and handle (a brand moving to a new account keeps its place). */
    public Account update(Channel channel, String accountId, String newAccountId, String handle)
            throws IOException, ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", newAccountId);
        body.put("handle", handle);
        okhttp3.HttpUrl url = api.url("api/v1/admin/accounts").newBuilder().addPathSegment(channel.wireName())
                .addPathSegment(accountId).build();
        return call(api.authorized(new Request.Builder().url(url)
                .put(RequestBody.create(Json.writeBytes(body), JSON))).build(), Account.class);
    }

    public List<Secret> secrets(Channel channel) throws IOException, ApiException {
        return call(api.authorized(new Request.Builder().url(secretsUrl(channel).build()).get()).build(), SECRETS);
    }

    /** A new random secret; the current ones stay valid for {@code grace} (the network is switched over meanwhile). */
    public Rotated rotate(Channel channel, Duration grace) throws IOException, ApiException {
        return call(api.authorized(new Request.Builder().url(secretsUrl(channel).addPathSegment("rotate").build())
                .post(RequestBody.create(Json.writeBytes(Map.of("grace", grace.toString())), JSON))).build(),
                Rotated.class);
    }

    private okhttp3.HttpUrl.Builder secretsUrl(Channel channel) {
        return api.url("api/v1/admin/channels").newBuilder().addPathSegment(channel.wireName())
                .addPathSegment("secrets");
    }

    private <T> T call(Request request, Class<T> type) throws IOException, ApiException {
        return api.read(request, type);
    }

    private <T> T call(Request request, TypeReference<T> type) throws IOException, ApiException {
        return api.read(request, type);
    }

}
