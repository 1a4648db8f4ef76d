package es.faro.server.http;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import es.faro.server.metrics.MetricsService;
import es.faro.server.metrics.Window;
import es.faro.server.store.SlaResultRows.Row;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Analytics for leads, admins and analysts (agents get 403): live figures, SLA report, volumes,
 * first-response distribution, and the per-conversation CSV export. Windows are {@code from} and
 * {@code to} as ISO instants or Madrid dates ({@code 2026-11-24} = that day's midnight); both default
 * to today so far.
 */
public final class MetricsRoutes {
    static final Duration MAX_WINDOW = Duration.ofDays(400);
    static final Duration MAX_HOURLY_WINDOW = Duration.ofDays(62);
    private static final Set<String> SLA_GROUPS = Set.of("brand", "channel", "queue", "agent", "hour", "day");
    private static final Set<String> VOLUME_GROUPS = Set.of("hour", "day", "brand", "channel", "queue", "agent");
    static final String CSV_HEADER = "id,brand,channel,queue,assignee,created_at,first_response_at,"
            + "first_response_due,first_response_met,breached_open,resolved_at,status";

    private final MetricsService metrics;

    public MetricsRoutes(MetricsService metrics) {
        this.metrics = metrics;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/metrics/live", ctx -> {
            allowed(ctx);
            ctx.json(metrics.live());
        });
        routes.get("/api/v1/metrics/sla", ctx -> {
            allowed(ctx);
            String groupBy = choice(ctx, "groupBy", "brand", SLA_GROUPS);
            ctx.json(metrics.sla(window(ctx, groupBy.equals("hour")), groupBy));
        });
        routes.get("/api/v1/metrics/volume", ctx -> {
            allowed(ctx);
            String groupBy = choice(ctx, "groupBy", "hour", VOLUME_GROUPS);
            String by = Params.text(ctx, "by");
            choice(ctx, "by", "brand", Set.of("brand"));
            if (groupBy.equals("hour") || (groupBy.equals("day") && by != null)) {
                // Time buckets split by brand: the original shape (VolumeReport).
                ctx.json(metrics.volume(window(ctx, groupBy.equals("hour")), groupBy));
            } else if (by != null) {
                throw ApiException.validation("by applies to groupBy=hour or day only");
            } else {
                ctx.json(metrics.volumeGrouped(window(ctx, false), groupBy));
            }
        });
        routes.get("/api/v1/metrics/first-response", ctx -> {
            allowed(ctx);
            ctx.json(metrics.firstResponse(window(ctx, false)));
        });
        routes.get("/api/v1/export/conversations.csv", this::exportCsv);
    }

    private static void allowed(Context ctx) {
        Agent agent = Principal.agent(ctx);
        if (!agent.hasRole(Role.LEAD) && !agent.hasRole(Role.ADMIN) && !agent.hasRole(Role.ANALYST)) {
            throw ApiException.forbidden("metrics are for team leads, admins and analysts");
        }
    }

    private static String choice(Context ctx, String name, String def, Set<String> allowed) {
        String v = Params.text(ctx, name);
        if (v == null) {
            return def;
        }
        if (!allowed.contains(v)) {
            throw ApiException.validation(name + " must be one of " + new java.util.TreeSet<>(allowed) + ", not " + v);
        }
        return v;
    }

    private Window window(Context ctx, boolean hourly) {
        Instant now = metrics.now();
        Window today = Window.today(now);
        Instant from = instant(ctx, "from", today.from());
        Instant to = instant(ctx, "to", today.to());
        if (!to.isAfter(from)) {
            throw ApiException.validation("to must be after from");
        }
        Duration max = hourly ? MAX_HOURLY_WINDOW : MAX_WINDOW;
        if (Duration.between(from, to).compareTo(max) > 0) {
            throw ApiException.validation("the window is at most " + max.toDays() + " days"
                    + (hourly ? " when grouped by hour" : ""));
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

    /** RFC 4180: CRLF line ends, header row, fields quoted when they hold a comma, quote or line break. */
    private void exportCsv(Context ctx) throws IOException {
        allowed(ctx);
        Window window = window(ctx, false);
        Instant now = metrics.now();
        ctx.contentType("text/csv; charset=utf-8; header=present");
        ctx.header("Content-Disposition", "attachment; filename=\"conversations.csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        out.write(CSV_HEADER);
        out.write("\r\n");
        try {
            metrics.export(window, row -> {
                try {
                    out.write(line(row, now));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    static String line(Row r, Instant now) {
        StringBuilder b = new StringBuilder(200);
        field(b, r.conversationId()).append(',');
        field(b, r.brandId()).append(',');
        field(b, r.channel().wireName()).append(',');
        field(b, r.queueId()).append(',');
        field(b, r.assigneeId()).append(',');
        field(b, text(r.createdAt())).append(',');
        field(b, text(r.firstResponseAt())).append(',');
        field(b, text(r.firstResponseDue())).append(',');
        field(b, r.firstResponseMet() == null ? null : r.firstResponseMet().toString()).append(',');
        field(b, Boolean.toString(r.breachedOpen(now))).append(',');
        field(b, text(r.resolvedAt())).append(',');
        field(b, r.status().name());
        return b.append("\r\n").toString();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static StringBuilder field(StringBuilder b, String value) {
        if (value == null) {
            return b;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return b.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        return b.append(value);
    }
}
