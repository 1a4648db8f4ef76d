package es.faro.server.http;

import es.faro.protocol.api.SurveyResponseRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import es.faro.server.csat.SurveyService;
import es.faro.server.csat.SurveyService.Survey;
import es.faro.server.metrics.Window;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CSAT: the survey link (no login; the unguessable token in the path is the credential) and the
 * CSAT metrics for leads, admins and analysts.
 * <ul>
 *   <li>{@code GET /api/v1/surveys/{token}}: the survey's brand, language and whether it was answered;</li>
 *   <li>{@code POST /api/v1/surveys/{token}/response} {@code {"rating":1..5,"comment"}}: 200 with the
 *   answer, 404 unknown token, 409 already answered, 400 bad rating;</li>
 *   <li>{@code GET /api/v1/metrics/csat?from=&to=&groupBy=brand|channel|queue|agent|day}.</li>
 * </ul>
 */
public final class CsatRoutes {
    static final String SURVEYS = "/api/v1/surveys/";
    private static final Set<String> GROUPS = Set.of("brand", "channel", "queue", "agent", "day");

    private final SurveyService surveys;
    private final Bodies bodies;
    private final Clock clock;

    public CsatRoutes(SurveyService surveys, Bodies bodies, Clock clock) {
        this.surveys = surveys;
        this.bodies = bodies;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(SURVEYS + "{token}", ctx -> ctx.json(view(surveys.byToken(token(ctx)))));
        routes.post(SURVEYS + "{token}/response", ctx -> {
            String token = token(ctx);
            SurveyResponseRequest req = bodies.json(ctx, SurveyResponseRequest.class);
            if (req.rating() == null) {
                throw ApiException.validation("rating is required (a whole number from 1 to 5)");
            }
            ctx.json(view(Futures.await(surveys.answerByLink(token, req.rating(), req.comment()))));
        });
        routes.get("/api/v1/metrics/csat", this::metrics);
        routes.get("/api/v1/export/surveys.csv", this::exportSurveys);
    }

    static final String SURVEYS_CSV_HEADER = "id,conversation_id,brand,channel,queue,agent,mode,language,sent_at,"
            + "answered_at,rating,comment";

    /** One row per survey sent in the window, oldest first; never the link token or message ids. */
    private void exportSurveys(Context ctx) throws java.io.IOException {
        Window window = window(ctx);
        ctx.contentType("text/csv; charset=utf-8; header=present");
        ctx.header("Content-Disposition", "attachment; filename=\"surveys.csv\"");
        java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        out.write(SURVEYS_CSV_HEADER);
        out.write("\r\n");
        for (Survey s : surveys.sentBetween(window.from(), window.to())) {
            out.write(Csv.line(s.id(), s.conversationId(), s.brandId(), s.channel().wireName(), s.queueId(),
                    s.agentId(), s.mode(), s.language(), s.sentAt().toString(),
                    s.answeredAt() == null ? null : s.answeredAt().toString(),
                    s.rating() == null ? null : s.rating().toString(), s.comment()));
        }
        out.flush();
    }

    private static String token(Context ctx) {
        String token = ctx.pathParam("token");
        if (token.length() < 16 || token.length() > 64) {
            throw ApiException.notFound("no such survey");
        }
        return token;
    }

    /** What the survey page may show: nothing that identifies the customer or the conversation. */
    private static Map<String, Object> view(Survey s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brandId", s.brandId());
        m.put("channel", s.channel());
        m.put("language", s.language());
        m.put("sentAt", s.sentAt());
        m.put("answered", s.answeredAt() != null);
        if (s.rating() != null) {
            m.put("rating", s.rating());
        }
        if (s.comment() != null) {
            m.put("comment", s.comment());
        }
        return m;
    }

    private void metrics(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.LEAD) && !agent.hasRole(Role.ADMIN) && !agent.hasRole(Role.ANALYST)) {
            throw ApiException.forbidden("metrics are for team leads, admins and analysts");
        }
        String groupBy = Params.text(ctx, "groupBy");
        if (groupBy == null) {
            groupBy = "brand";
        } else if (!GROUPS.contains(groupBy)) {
            throw ApiException.validation("groupBy must be one of " + new java.util.TreeSet<>(GROUPS) + ", not "
                    + groupBy);
        }
        Window window = window(ctx);
        ctx.json(surveys.report(window.from(), window.to(), groupBy));
    }

    /** Leads, admins and analysts only; {@code from}/{@code to} (default today so far), at most 400 days. */
    private Window window(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.LEAD) && !agent.hasRole(Role.ADMIN) && !agent.hasRole(Role.ANALYST)) {
            throw ApiException.forbidden("metrics are for team leads, admins and analysts");
        }
        Window today = Window.today(clock.instant());
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
