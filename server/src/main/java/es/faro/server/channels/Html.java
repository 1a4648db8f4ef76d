package es.faro.server.channels;

import java.util.regex.Pattern;

/** Community and forum bodies arrive as HTML; agents read (and the store keeps) plain text. */
final class Html {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p\\s*>|</div\\s*>|</li\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Html() {
    }

    static String text(String html) {
        if (html == null) {
            return "";
        }
        String s = BREAK.matcher(html).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(s.replace("\r", "")).replaceAll("\n\n").strip();
    }
}
