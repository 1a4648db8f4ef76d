package es.faro.protocol.canned;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a canned response body. {@code {{name}}} is filled from what is known about
 * the conversation ({@link #CUSTOMER_NAME}, {@link #AGENT_NAME}, {@link #BRAND} and the others
 * below); {@code {{ask:Question}}} is a prompted variable whose value the agent types before the
 * text is inserted (the same question asked twice is asked once). A placeholder whose value is not
 * known stays as written, so the agent sees it and fills it in by hand.
 */
public final class CannedTemplate {
    public static final String CUSTOMER_NAME = "customer.name";
    public static final String CUSTOMER_FIRST_NAME = "customer.first_name";
    public static final String CUSTOMER_HANDLE = "customer.handle";
    public static final String AGENT_NAME = "agent.name";
    public static final String AGENT_FIRST_NAME = "agent.first_name";
    public static final String BRAND = "brand";
    public static final String CHANNEL = "channel";
    public static final String CONVERSATION_ID = "conversation.id";
    public static final String DATE = "date";
    public static final String TIME = "time";
    /** Every placeholder the workstation fills, in the order the help lists them. */
    public static final List<String> KNOWN = List.of(CUSTOMER_NAME, CUSTOMER_FIRST_NAME, CUSTOMER_HANDLE,
            AGENT_NAME, AGENT_FIRST_NAME, BRAND, CHANNEL, CONVERSATION_ID, DATE, TIME);

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final String ASK = "ask:";

    private CannedTemplate() {
    }

    /** The questions of the prompted variables, each once, in order of first appearance. */
    public static List<String> prompts(String body) {
        Set<String> questions = new LinkedHashSet<>();
        if (body == null) {
            return List.of();
        }
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            String question = question(m.group(1));
            if (question != null) {
                questions.add(question);
            }
        }
        return List.copyOf(questions);
    }

    /** The placeholder names used (not the prompted variables), each once. */
    public static List<String> placeholders(String body) {
        Set<String> names = new LinkedHashSet<>();
        if (body != null) {
            Matcher m = TOKEN.matcher(body);
            while (m.find()) {
                if (question(m.group(1)) == null) {
                    names.add(m.group(1).trim());
                }
            }
        }
        return List.copyOf(names);
    }

    /** Placeholder names that are neither known nor prompted: probably typos when an admin writes one. */
    public static List<String> unknownPlaceholders(String body) {
        List<String> unknown = new ArrayList<>();
        for (String name : placeholders(body)) {
            if (!KNOWN.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /**
     * Fills the body: {@code values} by placeholder name and {@code answers} by question; a null or
     * blank value leaves the placeholder as written, for the agent to complete by hand.
     */
    public static String fill(String body, Map<String, String> values, Map<String, String> answers) {
        if (body == null) {
            return "";
        }
        Matcher m = TOKEN.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 32);
        while (m.find()) {
            String inner = m.group(1);
            String question = question(inner);
            String value = question != null ? answers.get(question) : values.get(inner.trim());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first word of a name ("Elena Ruiz" → "Elena"), or null. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String question(String inner) {
        String t = inner.strip();
        if (t.regionMatches(true, 0, ASK, 0, ASK.length())) {
            String q = t.substring(ASK.length()).strip();
            return q.isEmpty() ? null : q;
        }
        return null;
    }
}
