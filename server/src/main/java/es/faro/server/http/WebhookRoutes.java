package es.faro.server.http;

import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.model.Channel;
import es.faro.server.channels.ChannelAdapter;
import es.faro.server.channels.InboundMessage;
import es.faro.server.channels.IngestService;
import es.faro.server.channels.PayloadException;
import es.faro.server.config.ServerConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Channel webhooks: signature over the raw bytes, then the channel's adapter, then the one ingest
 * path. Also the networks' registration handshakes (X's CRC check, Meta's verification).
 */
final class WebhookRoutes {
    private static final String PATH = "/api/v1/channels/{channel}/webhook";

    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final ServerConfig config;
    private final IngestService ingest;
    private final Bodies bodies;

    WebhookRoutes(List<ChannelAdapter> adapters, ServerConfig config, IngestService ingest, Bodies bodies) {
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
        this.config = config;
        this.ingest = ingest;
        this.bodies = bodies;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::receive);
        routes.get(PATH, this::handshake);
    }

    private ChannelAdapter adapter(Context ctx) {
        String name = ctx.pathParam("channel");
        Channel channel;
        try {
            channel = Channel.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown channel " + name);
        }
        ChannelAdapter adapter = adapters.get(channel);
        if (adapter == null) {
            throw ApiException.notFound("no webhook ingest for " + channel.wireName() + " yet");
        }
        return adapter;
    }

    private String secret(Channel channel) {
        return config.channelSecret(channel).orElseThrow(() -> new ApiException(401, ErrorCodes.BAD_SIGNATURE,
                "webhooks for " + channel.wireName() + " are not configured on this server"));
    }

    /** The secrets that verify now: the stored ones (several during a rotation's grace), else the configured one. */
    private List<String> secrets(Channel channel) {
        List<String> stored = ingest.webhookSecrets(channel);
        return stored.isEmpty() ? List.of(secret(channel)) : stored;
    }

    private void receive(Context ctx) {
        ChannelAdapter adapter = adapter(ctx);
        if (adapter.jsonPayload()) {
            Bodies.requireJson(ctx);
        }
        byte[] raw = bodies.raw(ctx);
        if (secrets(adapter.channel()).stream().noneMatch(s -> adapter.verify(s, raw, ctx::header))) {
            throw new ApiException(401, ErrorCodes.BAD_SIGNATURE, "missing or wrong signature");
        }
        List<InboundMessage> messages;
        try {
            messages = adapter.parse(raw, ctx.queryParamMap());
        } catch (PayloadException e) {
            throw ApiException.validation(e.getMessage());
        } catch (IOException e) {
            throw Bodies.mapJackson(e);
        }
        IngestService.Result result = Futures.await(ingest.ingest(messages));
        ctx.json(Map.of("accepted", result.accepted(), "duplicates", result.duplicates(),
                "updated", result.updated(), "deleted", result.deleted()));
    }

    private void handshake(Context ctx) {
        ChannelAdapter adapter = adapter(ctx);
        switch (adapter.channel()) {
            case TWITTER -> {
                String crc = ctx.queryParam("crc_token");
                if (crc == null || crc.isEmpty()) {
                    throw ApiException.validation("crc_token is required");
                }
                byte[] mac = Signatures.hmacSha256(secrets(Channel.TWITTER).get(0), crc.getBytes(StandardCharsets.UTF_8));
                ctx.json(Map.of("response_token", "sha256=" + Base64.getEncoder().encodeToString(mac)));
            }
            case FACEBOOK, INSTAGRAM -> {
                String expected = config.facebookVerifyToken().orElseThrow(() -> ApiException.forbidden(
                        "no verify token is configured for facebook"));
                String token = ctx.queryParam("hub.verify_token");
                String challenge = ctx.queryParam("hub.challenge");
                if (!"subscribe".equals(ctx.queryParam("hub.mode")) || challenge == null
                        || !Signatures.matches(expected, token)) {
                    throw ApiException.forbidden("verification failed");
                }
                ctx.contentType("text/plain; charset=utf-8").result(challenge);
            }
            default -> throw ApiException.notFound(adapter.channel().wireName() + " has no registration handshake");
        }
    }
}
