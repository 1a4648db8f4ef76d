package es.faro.bench.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Signed X (Twitter) Account Activity deliveries, one mention each, as the network would post
 * them to {@code /api/v1/channels/twitter/webhook}: the body bytes and the
 * {@code X-Twitter-Webhooks-Signature} over them with the server's configured secret.
 */
public final class Webhooks {
    private final URI target;
    private final String secret;
    private final List<String> accounts;
    private final Random rnd;
    private final int customers;

    /**
     * @param customers how many distinct customers write: a customer's later tweets thread into
     *                  their open conversation, so fewer customers means more replies per thread
     */
    public Webhooks(URI serverBase, List<Brand> brands, long seed, int customers) {
        this.target = serverBase.resolve("/api/v1/channels/" + Channel.TWITTER.wireName() + "/webhook");
        this.secret = ServerConfig.bundled(Map.of()).channelSecret(Channel.TWITTER)
                .orElseThrow(() -> new IllegalStateException("no twitter secret in the bundled configuration"));
        this.accounts = brands.stream().map(b -> b.account(Channel.TWITTER)).flatMap(java.util.Optional::stream)
                .map(a -> a.id()).toList();
        this.rnd = new Random(seed);
        this.customers = customers;
    }

    /** The request for tweet number {@code n}, stamped {@code at} (the network's timestamp). */
    public HttpRequest tweet(long n, Instant at) {
        byte[] body = body(n, at);
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(Signatures.TWITTER_HEADER, Signatures.base64Header(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    public byte[] body(long n, Instant at) {
        int customer;
        String account;
        synchronized (rnd) {
            customer = rnd.nextInt(customers);
            account = accounts.get(customer % accounts.size());
        }
        String text;
        synchronized (rnd) {
            text = Texts.customer(rnd, Channel.TWITTER, customer % 10 == 0);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("for_user_id", account);
        ObjectNode tweet = root.putArray("tweet_create_events").addObject();
        tweet.put("id_str", "9" + String.format("%017d", n));
        tweet.put("text", text);
        tweet.put("lang", customer % 10 == 0 ? "en" : "es");
        tweet.putNull("in_reply_to_status_id_str");
        ObjectNode user = tweet.putObject("user");
        user.put("id_str", Long.toString(5_000_000_000L + customer));
        user.put("name", "Cliente " + customer);
        user.put("screen_name", "cliente" + customer);
        user.put("followers_count", customer % 1000);
        tweet.put("timestamp_ms", Long.toString(at.toEpochMilli()));
        return Json.writeBytes(root);
    }
}
