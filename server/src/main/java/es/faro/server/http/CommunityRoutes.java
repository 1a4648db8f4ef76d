package es.faro.server.http;

import es.faro.protocol.community.ModerationAction;
import es.faro.protocol.community.ModerationKind;
import es.faro.protocol.community.ModerationRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Role;
import es.faro.server.community.CommunityMetrics;
import es.faro.server.community.ModerationLog;
import es.faro.server.community.ModerationService;
import es.faro.server.config.Reference;
import es.faro.server.metrics.Window;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The community: a thread's posts and their moderation, the moderation log and its CSV export, the
 * superuser leaderboard and levels, and the moderation and community metrics.
 */
public final class CommunityRoutes {
    static final String ACTIONS_CSV_HEADER = "id,at,brand,channel,conversation_id,message_id,agent_id,action,reason,detail";
    private static final Set<String> GROUPS = Set.of("brand", "channel", "queue", "agent", "day");

    private final ModerationService moderation;
    private final ModerationLog log;
    private final CommunityMetrics metrics;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final Bodies bodies;

    public CommunityRoutes(ModerationService moderation, ModerationLog log, CommunityMetrics metrics,
                           Supplier<Reference> reference, Clock clock, Bodies bodies) {
        this.moderation = moderation;
        this.log = log;
        this.metrics = metrics;
        this.reference = reference;
        this.clock = clock;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/conversations/{id}/community", ctx -> ctx.json(Map.of("posts",
                moderation.thread(Principal.agent(ctx), ctx.pathParam("id")))));
        routes.post("/api/v1/conversations/{id}/moderation", ctx -> ctx.json(Futures.await(moderation.moderate(
                Principal.agent(ctx), ctx.pathParam("id"), bodies.json(ctx, ModerationRequest.class)))));
        routes.get("/api/v1/community/levels", ctx -> ctx.json(metrics.config()));
        routes.get("/api/v1/community/leaderboard", ctx -> {
            analytics(ctx);
            String brand = brand(ctx);
            int limit = Params.intParam(ctx, "limit", 20, 1, 500);
            ctx.json(metrics.leaderboard(brand, period(ctx), limit));
        });
        routes.get("/api/v1/moderation/actions", this::actions);
        routes.get("/api/v1/metrics/moderation", ctx -> {
            analytics(ctx);
            Set<String> groups = new TreeSet<>(GROUPS);
            groups.add("action");
            ctx.json(metrics.moderation(window(ctx), choice(ctx, "groupBy", "brand", groups)));
        });
        routes.get("/api/v1/metrics/community", ctx -> {
            analytics(ctx);
            ctx.json(metrics.community(window(ctx), choice(ctx, "groupBy", "brand", GROUPS)));
        });
        routes.get("/api/v1/export/moderation-actions.csv", this::exportActions);
        routes.get("/api/v1/export/messages.csv", this::exportMessages);
    }

    static final String MESSAGES_CSV_HEADER = "id,conversation_id,brand,channel,kind,author_id,author_name,public,"
            + "created_at,delivery,channel_message_id,in_reply_to,body";

    /**
     * Messages created in the window, oldest first. No secrets: the client-generated idempotency keys
     * are left out (and tokens, passwords or webhook secrets are never part of a message).
     */
    private void exportMessages(Context ctx) throws IOException {
        analytics(ctx);
        Window window = window(ctx);
        String brand = brand(ctx);
        es.faro.protocol.model.Channel channel = Params.channel(Params.text(ctx, "channel"));
        ctx.contentType("text/csv; charset=utf-8; header=present");
        ctx.header("Content-Disposition", "attachment; filename=\"messages.csv\"");
        List<String> lines = log.messages(window.from(), window.to(), brand, channel, m -> Csv.line(m.id(),
                m.conversationId(), m.brandId(), m.message().channel().wireName(), m.message().kind().name(),
                m.message().authorId(), m.message().authorName(), Boolean.toString(m.message().isPublic()),
                m.message().createdAt().toString(), m.message().delivery() == null ? null : m.message().delivery().name(),
                m.message().channelMessageId(), m.message().inReplyTo(), m.message().body()));
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        out.write(MESSAGES_CSV_HEADER);
        out.write("\r\n");
        for (String line : lines) {
            out.write(line);
        }
        out.flush();
    }

    /** Leads, admins and analysts: the programme's figures span every brand. */
    private static void analytics(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.LEAD) && !agent.hasRole(Role.ADMIN) && !agent.hasRole(Role.ANALYST)) {
            throw ApiException.forbidden("community metrics are for team leads, admins and analysts");
        }
    }

    private String brand(Context ctx) {
        String brand = Params.text(ctx, "brand");
        if (brand != null && reference.get().data().brands().stream().map(Brand::id).noneMatch(brand::equals)) {
            throw ApiException.validation("unknown brand " + brand);
        }
        return brand;
    }

    private ModerationLog.Query query(Context ctx) {
        Agent agent = Principal.agent(ctx);
        boolean all = agent.hasRole(Role.LEAD) || agent.hasRole(Role.ADMIN) || agent.hasRole(Role.ANALYST);
        Instant from = instant(ctx, "from", null);
        Instant to = instant(ctx, "to", null);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.validation("to must be after from");
        }
        String action = Params.text(ctx, "action");
        ModerationKind kind = action == null ? null : ModerationKind.fromWire(action);
        if (action != null && kind == null) {
            throw ApiException.validation("action has an unknown value " + action);
        }
        return new ModerationLog.Query(brand(ctx), Params.channel(Params.text(ctx, "channel")),
                Params.text(ctx, "conversation"), Params.text(ctx, "agent"), kind, from, to,
                all ? null : agent.brands());
    }

    private void actions(Context ctx) {
        ModerationLog.Query q = query(ctx);
        int limit = Params.intParam(ctx, "limit", 50, 1, 500);
        String after = Params.text(ctx, "after");
        Long afterAt = null;
        String afterId = null;
        if (after != null) {
            String plain = Params.untoken("after", after);
            int colon = plain.indexOf(':');
            try {
                afterAt = Long.parseLong(plain.substring(0, Math.max(colon, 0)));
                afterId = plain.substring(colon + 1);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("after is not a token this server issued");
            }
        }
        List<ModerationAction> items = log.page(q, afterAt, afterId, limit);
        String next = null;
        if (items.size() == limit) {
            ModerationAction last = items.get(items.size() - 1);
            next = Params.token(last.at().toEpochMilli() + ":" + last.id());
        }
        java.util.Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", items);
        page.put("next", next);
        ctx.json(page);
    }

    private void exportActions(Context ctx) throws IOException {
        analytics(ctx);
        ModerationLog.Query q = query(ctx);
        ctx.contentType("text/csv; charset=utf-8; header=present");
        ctx.header("Content-Disposition", "attachment; filename=\"moderation-actions.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        out.write(ACTIONS_CSV_HEADER);
        out.write("\r\n");
        for (ModerationAction a : log.page(q, null, null, 0)) {
            out.write(Csv.line(a.id(), a.at().toString(), a.brandId(), a.channel().wireName(), a.conversationId(),
                    a.messageId(), a.agentId(), a.action().wireName(), a.reason(), a.detail()));
        }
        out.flush();
    }

    private static String choice(Context ctx, String name, String def, Set<String> allowed) {
        String v = Params.text(ctx, name);
        if (v == null) {
            return def;
        }
        if (!allowed.contains(v)) {
            throw ApiException.validation(name + " must be one of " + new TreeSet<>(allowed) + ", not " + v);
        }
        return v;
    }

    /** {@code from}/{@code to}, or {@code period} = day, week, month (default) or year so far (Madrid). */
    private Window period(Context ctx) {
        if (Params.text(ctx, "from") != null || Params.text(ctx, "to") != null) {
            return window(ctx);
        }
        String period = choice(ctx, "period", "month", Set.of("day", "week", "month", "year"));
        Instant now = clock.instant();
        ZonedDateTime today = now.atZone(Window.ZONE).truncatedTo(ChronoUnit.DAYS);
        ZonedDateTime start = switch (period) {
            case "day" -> today;
            case "week" -> today.minusDays(today.getDayOfWeek().getValue() - 1L);
            case "year" -> today.withDayOfYear(1);
            default -> today.withDayOfMonth(1);
        };
        return new Window(start.toInstant(), now.plusMillis(1));
    }

    private Window window(Context ctx) {
        Instant now = clock.instant();
        Window today = Window.today(now);
        Instant from = instant(ctx, "from", today.from());
        Instant to = instant(ctx, "to", today.to());
        if (!to.isAfter(from)) {
            throw ApiException.validation("to must be after from");
        }
        if (Duration.between(from, to).compareTo(MetricsRoutes.MAX_WINDOW) > 0) {
            throw ApiException.validation("the window is at most " + MetricsRoutes.MAX_WINDOW.toDays() + " days");
        }
        return new Window(from, to);
    }

    private static Instant instant(Context ctx, String name, Instant def) {
        String v = Params.text(ctx, name);
        if (v == null) {
            return def;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(Window.ZONE).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name + " must be an ISO-8601 instant (2026-11-24T08:00:00Z) or a date"
                    + " (2026-11-24), not " + v);
        }
    }
}
