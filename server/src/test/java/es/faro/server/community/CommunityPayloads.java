package es.faro.server.community;

import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;

/** Khoros-style community messages and Atom/RSS forum feeds, signed as a connector would. */
public final class CommunityPayloads {
    public static final String COMMUNITY_SECRET = "test-community-secret";
    public static final String FORUM_SECRET = "test-forum-secret";
    public static final String ORANGE_COMMUNITY = "comunidad-orange";
    public static final String AMENA_COMMUNITY = "comunidad-amena";
    public static final String ORANGE_FEED = "https://foros.example.com/operadoras/orange/feed.atom";

    private CommunityPayloads() {
    }

    /** The secrets the community tests start their server with. */
    public static Map<String, String> secrets() {
        return Map.of("channels.community.secret", COMMUNITY_SECRET, "channels.forum.secret", FORUM_SECRET);
    }

    public static TestServer server() {
        return TestServer.start(secrets());
    }

    /** One community message; {@code parent} null for a topic. */
    public static Map<String, Object> message(String id, String authorId, String login, String board, String subject,
                                              String bodyHtml, String parent, long kudos, long views, String postTime) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("id", id);
        m.put("subject", subject);
        m.put("body", bodyHtml);
        m.put("author", Map.of("type", "user", "id", authorId, "login", login));
        m.put("board", Map.of("type", "board", "id", board));
        if (parent != null) {
            m.put("parent", Map.of("type", "message", "id", parent));
        }
        m.put("post_time", postTime);
        m.put("kudos", Map.of("sum", Map.of("weight", kudos)));
        m.put("metrics", Map.of("views", views));
        return m;
    }

    @SafeVarargs
    public static byte[] messages(Map<String, Object>... items) {
        return Json.writeBytes(Map.of("status", "success", "data", Map.of("type", "messages",
                "list_item_type", "message", "size", items.length, "items", List.of(items))));
    }

    public static ApiClient.Reply postCommunity(ApiClient api, String account, byte[] body) {
        return api.post("/api/v1/channels/community/webhook?account=" + account, null, body,
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(COMMUNITY_SECRET, body)));
    }

    public static ApiClient.Reply postForum(ApiClient api, String account, byte[] body) {
        return api.postRaw("/api/v1/channels/forum/webhook?account="
                        + java.net.URLEncoder.encode(account, StandardCharsets.UTF_8), null, body,
                MediaType.get("application/atom+xml"),
                Map.of(Signatures.FARO_HEADER, Signatures.hexHeader(FORUM_SECRET, body)));
    }

    /** An Atom entry; {@code inReplyTo} null for a topic. */
    public static String atomEntry(String id, String author, String title, String html, String published,
                                   String inReplyTo) {
        return "<entry><id>" + id + "</id><title>" + title + "</title><author><name>" + author + "</name></author>"
                + "<published>" + published + "</published><content type=\"html\">" + escape(html) + "</content>"
                + (inReplyTo == null ? "" : "<thr:in-reply-to ref=\"" + inReplyTo + "\"/>") + "</entry>";
    }

    public static byte[] atom(String title, String... entries) {
        List<String> all = new ArrayList<>(List.of(entries));
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\""
                + " xmlns:thr=\"http://purl.org/syndication/thread/1.0\"><title>" + title + "</title>"
                + String.join("", all) + "</feed>").getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
