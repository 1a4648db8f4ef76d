package es.faro.server.delivery;

/** Where a channel's API lives for one brand account, and the access token to call it with (may be null). */
public record Endpoint(String baseUrl, String token) {
    /** The base URL without a trailing slash, followed by {@code path} (which starts with '/'). */
    public String url(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }

    @Override
    public String toString() {
        return "Endpoint[" + baseUrl + "]"; // never the token
    }
}
