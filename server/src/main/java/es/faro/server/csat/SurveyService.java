package es.faro.server.csat;

import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.metrics.CsatReport;
import es.faro.protocol.metrics.CsatReport.CsatFigures;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.channels.InboundMessage;
import es.faro.server.channels.IngestService;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.Messages;
import es.faro.server.store.ScheduledJobs;
import es.faro.server.store.Store;
import es.faro.server.workflow.Snippets;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSAT surveys (DESIGN "CSAT survey"): a conversation that becomes RESOLVED schedules a survey
 * ({@code csat.delay} later, a shared scheduled job so one node sends it). When it is due and the
 * conversation is still resolved or closed, the survey is posted as an outbound message of the
 * conversation (flag {@code survey}), unless the customer already got one within
 * {@code csat.quiet_period} or the channel takes no surveys (app store reviews):
 * <ul>
 *   <li>DM: the customer wrote privately in this conversation, so we may DM them; they answer with a
 *   message such as "4" or "5 muy bien", which ingest hands to {@link #answer};</li>
 *   <li>LINK: a public thread; the survey is a public reply with a link carrying an unguessable
 *   token, answered at {@code POST /api/v1/surveys/{token}/response}.</li>
 * </ul>
 * The answer attaches to the survey's conversation and to the agent it was assigned to when resolved.
 */
public final class SurveyService implements IngestService.SurveyAnswers {
    public static final String JOB_KIND = "csat.survey";
    public static final String AUTHOR_ID = "faro-csat";
    static final Pattern RATING = Pattern.compile(
            "^\\s*([1-5])(?:\\s*(?:/|de|of)\\s*5)?(?![0-9])[\\s,.;:!\\-–—]*(.*)$", Pattern.DOTALL);
    static final Pattern STARS = Pattern.compile("^\\s*((?:⭐|★){1,5})\\s*(.*)$", Pattern.DOTALL);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final CsatSettings settings;
    private volatile URI linkBase = URI.create("http://127.0.0.1/api/v1/surveys/");

    /** A survey row. */
    public record Survey(String id, String token, String conversationId, String brandId, Channel channel,
                         String queueId, String agentId, String customerId, String mode, String language,
                         String messageId, Instant sentAt, Integer rating, String comment, Instant answeredAt) {
    }

    /** A rating read from a DM answer. */
    record Rating(int value, String comment) {
    }

    public SurveyService(Store store, Supplier<Reference> reference, Clock clock, CsatSettings settings) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.settings = settings;
    }

    /** Told after a survey was committed (the demo simulator answers some of them). */
    @FunctionalInterface
    public interface SentListener {
        void sent(Survey survey, String customerChannelUserId, String brandAccountId);
    }

    private final List<SentListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Wordings already reported as too long for a channel (one log line each, not one per survey). */
    private final java.util.Set<String> tooLongWarned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void addSentListener(SentListener listener) {
        listeners.add(listener);
    }

    public CsatSettings settings() {
        return settings;
    }

    /** Where links point when {@code csat.link.base} is not configured: this server, once it listens. */
    public void serverBase(URI base) {
        this.linkBase = settings.linkBase().map(URI::create)
                .orElse(base.resolve("/api/v1/surveys/"));
    }

    // --- scheduling (inside the write that resolves) ---------------------------------------------

    /** Called in every write that changes a conversation; schedules the survey when it becomes RESOLVED. */
    public void onChange(Connection c, Conversation before, Conversation after, Instant now) throws SQLException {
        if (!settings.enabled() || after.status() != ConversationStatus.RESOLVED
                || (before != null && before.status() == ConversationStatus.RESOLVED) || !surveyable(after.channel())) {
            return;
        }
        ScheduledJobs.schedule(c, "csat:" + after.id(), JOB_KIND, now.plus(settings.delay()), after.id());
    }

    /**
     * App store reviews get no survey: a review is not a conversation the customer can answer. Nor do
     * external forums: they have no API, every reply there is posted by an agent by hand, so a survey
     * would wait unsent after the conversation is resolved yet count as sent in the response rate.
     */
    static boolean surveyable(Channel channel) {
        return channel != Channel.GOOGLE_PLAY && channel != Channel.APP_STORE && channel != Channel.FORUM;
    }

    // --- sending (a due job) ---------------------------------------------------------------------

    public void sendDue(String conversationId) {
        Optional<Survey> sent = store.write(c -> send(c, conversationId, clock.instant())).join();
        if (sent.isEmpty() || listeners.isEmpty()) {
            return;
        }
        Survey s = sent.get();
        String[] ids = store.read(c -> {
            String userId = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT channel_user_id FROM customers WHERE id = ?")) {
                ps.setString(1, s.customerId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        userId = rs.getString(1);
                    }
                }
            }
            return new String[] {userId};
        });
        String account = reference.get().data().brands().stream().filter(b -> b.id().equals(s.brandId()))
                .findFirst().flatMap(b -> b.account(s.channel())).map(a -> a.id()).orElse(null);
        for (SentListener l : listeners) {
            try {
                l.sent(s, ids[0], account);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SurveyService.class).warn("a survey listener failed", e);
            }
        }
    }

    Optional<Survey> send(Connection c, String conversationId, Instant now) throws SQLException {
        Optional<Conversation> found = Conversations.find(c, conversationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Conversation conv = found.get();
        if (conv.status() != ConversationStatus.RESOLVED && conv.status() != ConversationStatus.CLOSED) {
            return Optional.empty(); // the customer wrote again: no survey for an open conversation
        }
        if (!surveyable(conv.channel()) || recentlySurveyed(c, conv.customerId(), now)) {
            return Optional.empty();
        }
        List<Message> thread = Messages.ofConversation(c, conv.id());
        boolean wrotePrivately = thread.stream().anyMatch(m -> m.kind() == MessageKind.IN && !m.isPublic());
        String mode = wrotePrivately ? "dm" : "link";
        String language = "en".equals(conv.language()) ? "en" : "es";
        String token = token();
        String brandName = reference.get().data().brands().stream().filter(b -> b.id().equals(conv.brandId()))
                .map(Brand::name).findFirst().orElse(conv.brandId());
        String link = linkBase.resolve(token).toString();
        int limit = conv.channel().replyLimit(!wrotePrivately);
        String body = fill(settings.wording(conv.brandId(), language, mode), brandName, conv.customerName(), link);
        if (body.codePointCount(0, body.length()) > limit) {
            // A configured wording the network would refuse: without the name, else the built-in text (which
            // fits every channel), so the customer still gets a survey. Said once per wording in the log.
            String shorter = fill(settings.wording(conv.brandId(), language, mode), brandName, null, link);
            String fallback = shorter.codePointCount(0, shorter.length()) <= limit ? shorter
                    : fill(CsatSettings.builtIn(language, mode), brandName, conv.customerName(), link);
            if (tooLongWarned.add(conv.brandId() + "." + language + "." + mode + "." + conv.channel())) {
                org.slf4j.LoggerFactory.getLogger(SurveyService.class).warn("the survey wording for {} ({}, {}) is"
                        + " longer than a {} reply may be ({} characters); sent {}", conv.brandId(), language, mode,
                        conv.channel().wireName(), limit, fallback == shorter ? "it without the customer's name"
                        : "the built-in text");
            }
            body = fallback;
        }
        String surveyId = "s-" + UUID.randomUUID();
        Message message = new Message("m-" + UUID.randomUUID(), conv.id(), MessageKind.OUT, AUTHOR_ID, brandName,
                body, !wrotePrivately, conv.channel(), null, null, now, DeliveryState.QUEUED, "csat-" + surveyId,
                null, null, true);
        Conversation updated = conv.toBuilder().messageCount(conv.messageCount() + 1).lastMessageKind(MessageKind.OUT)
                .lastMessageAt(now).snippet(Snippets.of(body)).updatedAt(now).version(conv.version() + 1).build();
        Messages.insert(c, message); // QUEUED: the delivery worker sends it through the channel's connector
        Conversations.upsert(c, updated);
        EventLog.append(c, EventType.MESSAGE, now, updated.brandId(), updated.channel(), message);
        EventLog.append(c, EventType.CONVERSATION, now, updated.brandId(), updated.channel(), updated);
        Survey survey = new Survey(surveyId, token, conv.id(), conv.brandId(), conv.channel(), conv.queueId(),
                conv.assigneeId(), conv.customerId(), mode.toUpperCase(java.util.Locale.ROOT), language, message.id(),
                now, null, null, null);
        insert(c, survey);
        return Optional.of(survey);
    }

    private static String fill(String wording, String brandName, String customerName, String link) {
        return wording.replace("{brand}", brandName)
                .replace("{customer}", customerName == null ? "" : customerName)
                .replace("{link}", link)
                .replace(" ,", ",");
    }

    /**
     * Whether the person had a survey within the quiet period on any of their identities: identities
     * merged into one profile (X and Facebook of the same customer) are one customer here too.
     */
    private boolean recentlySurveyed(Connection c, String customerId, Instant now) throws SQLException {
        String profile = customerId;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(profile_id, id) FROM customers WHERE id = ?")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    profile = rs.getString(1);
                }
            }
        }
        // The profile's identities are the one named by it and those pointing at it (both indexed).
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM csat_surveys WHERE sent_at > ? AND"
                + " customer_id IN (SELECT id FROM customers WHERE id = ? OR profile_id = ?)")) {
            ps.setLong(1, now.minus(settings.quietPeriod()).toEpochMilli());
            ps.setString(2, profile);
            ps.setString(3, profile);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // --- answers ---------------------------------------------------------------------------------

    static Optional<Rating> parse(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher m = RATING.matcher(body);
        if (m.matches()) {
            return Optional.of(new Rating(Integer.parseInt(m.group(1)), blankToNull(m.group(2))));
        }
        Matcher s = STARS.matcher(body);
        if (s.matches()) {
            return Optional.of(new Rating(s.group(1).codePointCount(0, s.group(1).length()), blankToNull(s.group(2))));
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A DM that answers this customer's open DM survey on this brand and channel; records the rating. */
    @Override
    public Optional<Conversation> answer(Connection c, Customer customer, String brandId, InboundMessage in,
                                         String messageId, Instant now) throws SQLException {
        if (in.isPublic() || in.action() == InboundMessage.Action.DELETE) {
            return Optional.empty();
        }
        Optional<Rating> rating = parse(in.body());
        if (rating.isEmpty()) {
            return Optional.empty();
        }
        String surveyId;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM csat_surveys WHERE customer_id = ?"
                + " AND brand_id = ? AND channel = ? AND mode = 'DM' AND answered_at IS NULL AND sent_at >= ?"
                + " ORDER BY sent_at DESC LIMIT 1")) {
            ps.setString(1, customer.id());
            ps.setString(2, brandId);
            ps.setString(3, in.channel().name());
            ps.setLong(4, now.minus(settings.answerWindow()).toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                surveyId = rs.getString(1);
            }
        }
        Survey survey = byId(c, surveyId).orElseThrow();
        record(c, survey.id(), rating.get(), now, messageId);
        return Conversations.find(c, survey.conversationId());
    }

    /** The public survey page's data; 404 for an unknown token. */
    public Survey byToken(String token) {
        return store.read(c -> find(c, "token", token)).orElseThrow(() -> ApiException.notFound("no such survey"));
    }

    /** A survey answered through its link: the answer joins the conversation as the customer's message. */
    public CompletableFuture<Survey> answerByLink(String token, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw ApiException.validation("rating must be a whole number from 1 to 5");
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > 2000) {
            throw ApiException.validation("comment is at most 2000 characters");
        }
        return store.write(c -> {
            Survey survey = find(c, "token", token).orElseThrow(() -> ApiException.notFound("no such survey"));
            if (survey.answeredAt() != null) {
                throw new ApiException(409, "already_answered", "this survey was already answered");
            }
            Instant now = clock.instant();
            Conversation conv = Conversations.find(c, survey.conversationId()).orElseThrow();
            String text = blankToNull(comment);
            String body = "★".repeat(rating) + "☆".repeat(5 - rating) + " " + rating + "/5" + (text == null ? "" : " — " + text);
            Message message = new Message("m-" + UUID.randomUUID(), conv.id(), MessageKind.IN, conv.customerId(),
                    conv.customerName(), body, false, conv.channel(), null, survey.messageId(), now,
                    DeliveryState.RECEIVED, null, null, null, true);
            Conversation updated = conv.toBuilder().messageCount(conv.messageCount() + 1)
                    .lastMessageKind(MessageKind.IN).lastMessageAt(now).snippet(Snippets.of(body)).updatedAt(now)
                    .version(conv.version() + 1).build();
            Messages.insert(c, message);
            Conversations.upsert(c, updated);
            EventLog.append(c, EventType.MESSAGE, now, updated.brandId(), updated.channel(), message);
            EventLog.append(c, EventType.CONVERSATION, now, updated.brandId(), updated.channel(), updated);
            record(c, survey.id(), new Rating(rating, text), now, message.id());
            return find(c, "id", survey.id()).orElseThrow();
        });
    }

    private static void record(Connection c, String surveyId, Rating rating, Instant at, String messageId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE csat_surveys SET rating = ?, comment = ?,"
                + " answered_at = ?, answer_message_id = ? WHERE id = ? AND answered_at IS NULL")) {
            ps.setInt(1, rating.value());
            ps.setString(2, rating.comment());
            ps.setLong(3, at.toEpochMilli());
            ps.setString(4, messageId);
            ps.setString(5, surveyId);
            ps.executeUpdate();
        }
    }

    // --- rows ------------------------------------------------------------------------------------

    private static final String COLUMNS = "id, token, conversation_id, brand_id, channel, queue_id, agent_id,"
            + " customer_id, mode, language, message_id, sent_at, rating, comment, answered_at";

    private static void insert(Connection c, Survey s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO csat_surveys (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.token());
            ps.setString(3, s.conversationId());
            ps.setString(4, s.brandId());
            ps.setString(5, s.channel().name());
            ps.setString(6, s.queueId());
            ps.setString(7, s.agentId());
            ps.setString(8, s.customerId());
            ps.setString(9, s.mode());
            ps.setString(10, s.language());
            ps.setString(11, s.messageId());
            ps.setLong(12, s.sentAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static Optional<Survey> byId(Connection c, String id) throws SQLException {
        return find(c, "id", id);
    }

    private static Optional<Survey> find(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM csat_surveys WHERE "
                + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Survey row(ResultSet rs) throws SQLException {
        int rating = rs.getInt(13);
        Integer r = rs.wasNull() ? null : rating;
        long answered = rs.getLong(15);
        Instant answeredAt = rs.wasNull() ? null : Instant.ofEpochMilli(answered);
        return new Survey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Channel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)), r, rs.getString(14),
                answeredAt);
    }

    /** The surveys of one conversation, oldest first (the customer panel and tests). */
    public List<Survey> ofConversation(String conversationId) {
        return store.read(c -> {
            List<Survey> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM csat_surveys WHERE conversation_id = ? ORDER BY sent_at, id")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(row(rs));
                    }
                }
            }
            return result;
        });
    }

    /** The surveys sent in [from, to), oldest first (the CSV export). */
    public List<Survey> sentBetween(Instant from, Instant to) {
        return store.read(c -> {
            List<Survey> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM csat_surveys WHERE sent_at >= ? AND sent_at < ? ORDER BY sent_at, id")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(row(rs));
                    }
                }
            }
            return result;
        });
    }

    // --- metrics ---------------------------------------------------------------------------------

    /**
     * CSAT and response rate over [from, to): see {@link CsatFigures}. {@code groupBy} is brand,
     * channel, queue, agent or day (Madrid calendar day: of sending for sent/responded, of answering
     * for ratings). A survey whose delivery the network refused for good (FAILED) is not counted as
     * sent: the customer never got it; sent again by an agent and delivered, it counts.
     */
    public CsatReport report(Instant from, Instant to, String groupBy) {
        Set<String> refused = new HashSet<>();
        List<Survey> rows = store.read(c -> {
            List<Survey> result = new ArrayList<>();
            // The survey message's delivery state: one the network refused for good never reached the customer.
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", (SELECT d.state FROM deliveries d"
                    + " WHERE d.message_id = csat_surveys.message_id) FROM csat_surveys WHERE"
                    + " (sent_at >= ? AND sent_at < ?) OR (answered_at >= ? AND answered_at < ?)")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                ps.setLong(3, from.toEpochMilli());
                ps.setLong(4, to.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Survey s = row(rs);
                        result.add(s);
                        if ("FAILED".equals(rs.getString(16))) {
                            refused.add(s.id());
                        }
                    }
                }
            }
            return result;
        });
        Function<Survey, String> key = switch (groupBy) {
            case "brand" -> Survey::brandId;
            case "channel" -> s -> s.channel().name();
            case "queue" -> Survey::queueId;
            case "agent" -> Survey::agentId;
            default -> null;
        };
        Map<String, int[]> groups = new TreeMap<>();
        int[] total = new int[4];
        for (Survey s : rows) {
            boolean sent = !s.sentAt().isBefore(from) && s.sentAt().isBefore(to) && !refused.contains(s.id());
            boolean rated = s.answeredAt() != null && !s.answeredAt().isBefore(from) && s.answeredAt().isBefore(to);
            String sentKey = key != null ? key.apply(s) : day(s.sentAt());
            String ratedKey = key != null ? key.apply(s) : s.answeredAt() == null ? null : day(s.answeredAt());
            if (sent) {
                add(total, groups, sentKey, 0, 1);
                if (s.answeredAt() != null) {
                    add(total, groups, sentKey, 1, 1);
                }
            }
            if (rated) {
                add(total, groups, ratedKey, 2, 1);
                if (s.rating() >= 4) {
                    add(total, groups, ratedKey, 3, 1);
                }
            }
        }
        List<CsatFigures> list = new ArrayList<>();
        groups.forEach((k, v) -> list.add(CsatFigures.of(k, v[0], v[1], v[2], v[3])));
        return new CsatReport(from, to, groupBy, CsatFigures.of(null, total[0], total[1], total[2], total[3]), list);
    }

    private static void add(int[] total, Map<String, int[]> groups, String key, int index, int n) {
        total[index] += n;
        groups.computeIfAbsent(key == null ? es.faro.protocol.metrics.GroupKeys.NONE : key, k -> new int[4])[index] += n;
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, es.faro.server.metrics.Window.ZONE).toString();
    }
}
