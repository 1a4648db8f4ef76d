package es.faro.server.sla;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import es.faro.protocol.sla.TimeRange;
import es.faro.server.config.Reference;
import es.faro.server.config.ReferenceQueries;
import es.faro.server.http.ApiException;
import es.faro.server.store.EventLog;
import es.faro.server.store.ReferenceItems;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Admin edits of SLA policies and business-hours calendars: the whole list is replaced (order
 * matters, the first matching policy wins), validated first, written with a {@code reference.updated}
 * event, and then used for clocks started from then on (running clocks keep their instants).
 */
public final class SlaAdminService {
    private final Store store;
    private final AtomicReference<Reference> reference;
    private final Clock clock;

    public SlaAdminService(Store store, AtomicReference<Reference> reference, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
    }

    public List<SlaPolicy> policies() {
        return reference.get().data().slaPolicies();
    }

    public List<BusinessCalendar> calendars() {
        return reference.get().data().calendars();
    }

    public List<SlaPolicy> replacePolicies(List<SlaPolicy> policies) {
        validatePolicies(policies);
        ReferenceData data = write("admin.sla-policies.replace", c -> {
            Set<String> calendarIds = ReferenceItems.list(c, ReferenceItems.CALENDAR, BusinessCalendar.class).stream()
                    .map(BusinessCalendar::id).collect(Collectors.toSet());
            for (SlaPolicy p : policies) {
                if (!calendarIds.contains(p.calendarId())) {
                    throw ApiException.validation("policy " + p.id() + " uses the unknown calendar " + p.calendarId());
                }
            }
            return ReferenceItems.replace(c, ReferenceItems.SLA_POLICY, policies, SlaPolicy::id, SlaPolicy.class);
        });
        return data.slaPolicies();
    }

    public List<BusinessCalendar> replaceCalendars(List<BusinessCalendar> calendars) {
        Set<String> ids = new HashSet<>();
        for (BusinessCalendar cal : calendars) {
            if (cal == null || cal.id() == null || cal.id().isBlank()) {
                throw ApiException.validation("every calendar needs an id");
            }
            if (!ids.add(cal.id())) {
                throw ApiException.validation("the calendar id " + cal.id() + " is used twice");
            }
            if (cal.name() == null || cal.name().isBlank()) {
                throw ApiException.validation("calendar " + cal.id() + " needs a name");
            }
            checkPeriods(cal);
        }
        ReferenceData data = write("admin.calendars.replace", c -> {
            for (SlaPolicy p : ReferenceItems.list(c, ReferenceItems.SLA_POLICY, SlaPolicy.class)) {
                if (!ids.contains(p.calendarId())) {
                    throw ApiException.validation("calendar " + p.calendarId() + " is used by policy " + p.id()
                            + "; change the policy first");
                }
            }
            return ReferenceItems.replace(c, ReferenceItems.CALENDAR, calendars, BusinessCalendar::id,
                    BusinessCalendar.class);
        });
        return data.calendars();
    }

    /** Periods of one weekday must not overlap (09:00–14:00 and 13:00–20:00 would count 13–14 twice). */
    private static void checkPeriods(BusinessCalendar cal) {
        Set<java.time.LocalDate> named = new HashSet<>();
        for (es.faro.protocol.sla.Holiday h : cal.namedHolidays()) {
            if (!named.add(h.date())) {
                throw ApiException.validation("calendar " + cal.id() + " names the holiday " + h.date() + " twice");
            }
        }
        cal.hours().forEach((day, ranges) -> {
            for (int i = 1; i < ranges.size(); i++) {
                TimeRange before = ranges.get(i - 1);
                TimeRange next = ranges.get(i);
                if (before.endsAtMidnight() || next.from().isBefore(before.to())) {
                    throw ApiException.validation("calendar " + cal.id() + ": the periods " + before.from() + "–"
                            + before.to() + " and " + next.from() + "–" + next.to() + " on " + day + " overlap");
                }
            }
        });
    }

    private static void validatePolicies(List<SlaPolicy> policies) {
        Set<String> ids = new HashSet<>();
        for (SlaPolicy p : policies) {
            if (p == null || p.id() == null || p.id().isBlank()) {
                throw ApiException.validation("every policy needs an id");
            }
            if (!ids.add(p.id())) {
                throw ApiException.validation("the policy id " + p.id() + " is used twice");
            }
            if (p.name() == null || p.name().isBlank()) {
                throw ApiException.validation("policy " + p.id() + " needs a name");
            }
            if (p.calendarId() == null) {
                throw ApiException.validation("policy " + p.id() + " needs a calendarId");
            }
            if (p.firstResponse() == null && p.nextResponse() == null && p.resolution() == null) {
                throw ApiException.validation("policy " + p.id() + " sets no target");
            }
            for (Duration d : new Duration[] {p.firstResponse(), p.nextResponse(), p.resolution()}) {
                if (d != null && (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(365)) > 0)) {
                    throw ApiException.validation("policy " + p.id() + ": targets must be between 1 second and 365 days");
                }
            }
        }
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(Connection c) throws SQLException;
    }

    /** Applies the change; when it changed anything, writes the event and swaps the reference after commit. */
    private ReferenceData write(String action, Change change) {
        es.faro.server.audit.AuditOrigin.Origin origin = es.faro.server.audit.AuditOrigin.current();
        ReferenceData data = store.write(c -> {
            boolean changed = change.apply(c);
            if (origin.actor() != null) {
                es.faro.server.audit.AuditLog.append(c, clock.instant(), origin.actor().id(), action, null,
                        origin.address(), changed ? "changed" : "unchanged");
            }
            ReferenceData current = ReferenceQueries.referenceData(c);
            if (changed) {
                EventLog.append(c, EventType.REFERENCE, clock.instant(), null, null, current);
            }
            return current;
        }).join();
        reference.set(new Reference(data));
        return data;
    }
}
