package es.faro.client.ui.slaadmin;

import es.faro.client.sync.ApiException;
import es.faro.client.sync.SlaAdminApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.Holiday;
import es.faro.protocol.sla.SlaPolicy;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's SLA screen: edits the ordered list of SLA policies (the first matching one applies)
 * and the business-hours calendars, checks them with messages an admin understands before anything
 * is sent, and saves through the API (the server checks again and answers 4xx on bad input).
 */
public final class SlaAdminViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SlaAdminViewModel.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private final SlaAdminApi api;
    private final TaskRunner tasks;
    private final ObservableList<PolicyDraft> policies = FXCollections.observableArrayList();
    private final ObservableList<CalendarDraft> calendars = FXCollections.observableArrayList();
    private final ObjectProperty<PolicyDraft> selectedPolicy = new SimpleObjectProperty<>(this, "selectedPolicy");
    private final ObjectProperty<CalendarDraft> selectedCalendar = new SimpleObjectProperty<>(this, "selectedCalendar");
    private final ReadOnlyObjectWrapper<List<UiText>> problems = new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<UiText> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    /** The calendars as the server has them, to save in an order the server accepts (see {@link #save()}). */
    private List<BusinessCalendar> serverCalendars = List.of();

    public SlaAdminViewModel(SlaAdminApi api, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    /** Only admins edit SLA policies and calendars (the server enforces it too). */
    public static boolean allowedFor(Agent agent) {
        return agent != null && agent.hasRole(Role.ADMIN);
    }

    // ---- state ----

    public ObservableList<PolicyDraft> policies() {
        return policies;
    }

    public ObservableList<CalendarDraft> calendars() {
        return calendars;
    }

    public ObjectProperty<PolicyDraft> selectedPolicyProperty() {
        return selectedPolicy;
    }

    public ObjectProperty<CalendarDraft> selectedCalendarProperty() {
        return selectedCalendar;
    }

    public ReadOnlyObjectProperty<List<UiText>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UiText> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Reads policies and calendars from the server, replacing any unsaved edits. */
    public void load() {
        busy.set(true);
        status.set(UiText.of("slaadmin.status.loading"));
        tasks.run(() -> new Loaded(api.calendars(), api.policies()), l -> {
            show(l.calendars(), l.policies());
            loaded.set(true);
            status.set(null);
            busy.set(false);
        }, error -> {
            status.set(failure("slaadmin.error.load", error));
            busy.set(false);
        });
    }

    private record Loaded(List<BusinessCalendar> calendars, List<SlaPolicy> policies) { }

    private void show(List<BusinessCalendar> cals, List<SlaPolicy> pols) {
        String policyId = selectedPolicy.get() == null ? null : selectedPolicy.get().idProperty().get();
        String calendarId = selectedCalendar.get() == null ? null : selectedCalendar.get().idProperty().get();
        serverCalendars = List.copyOf(cals);
        calendars.setAll(cals.stream().map(CalendarDraft::of).toList());
        policies.setAll(pols.stream().map(PolicyDraft::of).toList());
        selectedPolicy.set(policies.stream().filter(p -> p.idProperty().get().equals(policyId)).findFirst()
                .orElse(policies.isEmpty() ? null : policies.get(0)));
        selectedCalendar.set(calendars.stream().filter(c -> c.idProperty().get().equals(calendarId)).findFirst()
                .orElse(calendars.isEmpty() ? null : calendars.get(0)));
        problems.set(List.of());
    }

    public PolicyDraft addPolicy() {
        PolicyDraft d = new PolicyDraft();
        d.idProperty().set(freeId("sla-new", policies.stream().map(p -> p.idProperty().get()).toList()));
        d.firstResponseProperty().set("2h");
        d.calendarIdProperty().set(calendars.isEmpty() ? "" : calendars.get(0).idProperty().get());
        // Before the last one, which is usually the catch-all.
        policies.add(Math.max(0, policies.size() - 1), d);
        selectedPolicy.set(d);
        return d;
    }

    public void removePolicy() {
        PolicyDraft d = selectedPolicy.get();
        if (d != null) {
            int at = policies.indexOf(d);
            policies.remove(d);
            selectedPolicy.set(policies.isEmpty() ? null : policies.get(Math.min(at, policies.size() - 1)));
        }
    }

    /** Moves the selected policy up ({@code -1}) or down ({@code +1}): the first matching policy applies. */
    public void movePolicy(int by) {
        PolicyDraft d = selectedPolicy.get();
        int at = policies.indexOf(d);
        int to = at + by;
        if (d != null && to >= 0 && to < policies.size()) {
            policies.remove(at);
            policies.add(to, d);
            selectedPolicy.set(d);
        }
    }

    public CalendarDraft addCalendar() {
        CalendarDraft d = new CalendarDraft();
        d.idProperty().set(freeId("calendar-new", calendars.stream().map(c -> c.idProperty().get()).toList()));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            d.periodsProperty(day).set("09:00-14:00, 16:00-20:00");
        }
        calendars.add(d);
        selectedCalendar.set(d);
        return d;
    }

    public void removeCalendar() {
        CalendarDraft d = selectedCalendar.get();
        if (d != null) {
            int at = calendars.indexOf(d);
            calendars.remove(d);
            selectedCalendar.set(calendars.isEmpty() ? null : calendars.get(Math.min(at, calendars.size() - 1)));
        }
    }

    /**
     * Adds a holiday to the selected calendar; answers a problem to show when the date is missing or
     * already a holiday of it.
     */
    public List<UiText> addHoliday(LocalDate date, String name, Holiday.Scope scope) {
        CalendarDraft d = selectedCalendar.get();
        if (d == null) {
            return List.of();
        }
        if (date == null) {
            return List.of(UiText.of("slaadmin.problem.holiday.date"));
        }
        if (d.holidays().stream().anyMatch(h -> h.date().equals(date))) {
            return List.of(UiText.of("slaadmin.problem.holiday.twice", d.label(), date.toString()));
        }
        Holiday h = new Holiday(date, name, scope);
        int at = 0;
        while (at < d.holidays().size() && d.holidays().get(at).date().isBefore(date)) {
            at++;
        }
        d.holidays().add(at, h);
        return List.of();
    }

    public void removeHoliday(Holiday holiday) {
        if (selectedCalendar.get() != null) {
            selectedCalendar.get().holidays().remove(holiday);
        }
    }

    /** Checks every policy and calendar; the problems are also published for the view. */
    public List<UiText> validate() {
        List<UiText> found = new ArrayList<>();
        Set<String> calendarIds = new HashSet<>();
        for (CalendarDraft c : calendars) {
            checkCalendar(c, calendarIds, found);
        }
        Set<String> policyIds = new HashSet<>();
        for (PolicyDraft p : policies) {
            checkPolicy(p, policyIds, calendarIds, found);
        }
        if (policies.isEmpty()) {
            found.add(UiText.of("slaadmin.problem.noPolicies"));
        }
        problems.set(List.copyOf(found));
        return problems.get();
    }

    /**
     * Validates, then saves: calendars first (new and changed ones, keeping removed ones still in use
     * for a moment), then the policies, then the calendars without the removed ones, so the server
     * never sees a policy whose calendar does not exist.
     */
    public void save() {
        if (!validate().isEmpty()) {
            status.set(UiText.of("slaadmin.status.fix", problems.get().size()));
            return;
        }
        List<BusinessCalendar> cals = calendars.stream().map(CalendarDraft::toCalendar).toList();
        List<SlaPolicy> pols = policies.stream().map(PolicyDraft::toPolicy).toList();
        Set<String> kept = new HashSet<>();
        cals.forEach(c -> kept.add(c.id()));
        List<BusinessCalendar> withRemoved = new ArrayList<>(cals);
        serverCalendars.stream().filter(c -> !kept.contains(c.id())).forEach(withRemoved::add);
        busy.set(true);
        status.set(UiText.of("slaadmin.status.saving"));
        tasks.run(() -> {
            api.saveCalendars(withRemoved);
            List<SlaPolicy> savedPolicies = api.savePolicies(pols);
            List<BusinessCalendar> savedCalendars = withRemoved.size() == cals.size() ? api.calendars()
                    : api.saveCalendars(cals);
            return new Loaded(savedCalendars, savedPolicies);
        }, saved -> {
            show(saved.calendars(), saved.policies());
            status.set(UiText.of("slaadmin.status.saved"));
            busy.set(false);
        }, error -> {
            status.set(failure("slaadmin.error.save", error));
            busy.set(false);
        });
    }

    // ---- checks ----

    private static void checkCalendar(CalendarDraft c, Set<String> ids, List<UiText> found) {
        String label = c.label();
        String id = c.idProperty().get() == null ? "" : c.idProperty().get().strip();
        if (!ID.matcher(id).matches()) {
            found.add(UiText.of("slaadmin.problem.calendar.id", label));
        } else if (!ids.add(id)) {
            found.add(UiText.of("slaadmin.problem.calendar.idTwice", id));
        }
        if (c.nameProperty().get() == null || c.nameProperty().get().isBlank()) {
            found.add(UiText.of("slaadmin.problem.calendar.name", id));
        }
        try {
            ZoneId.of(c.zoneProperty().get() == null ? "" : c.zoneProperty().get().strip());
        } catch (DateTimeException e) {
            found.add(UiText.of("slaadmin.problem.calendar.zone", label, String.valueOf(c.zoneProperty().get())));
        }
        boolean open = false;
        if (!c.alwaysOpenProperty().get()) {
            for (DayOfWeek day : DayOfWeek.values()) {
                List<PeriodsText.Period> periods = PeriodsText.parse(c.periodsProperty(day).get());
                UiText dayName = UiText.of("slaadmin.day." + day.name().toLowerCase(java.util.Locale.ROOT));
                List<PeriodsText.Period> good = new ArrayList<>();
                for (PeriodsText.Period p : periods) {
                    if (!p.readable()) {
                        found.add(UiText.of("slaadmin.problem.period.format", label, dayName, p.text()));
                    } else if (!p.endsAfterStart()) {
                        found.add(UiText.of("slaadmin.problem.period.order", label, dayName, p.text()));
                    } else {
                        good.add(p);
                    }
                }
                good.sort(java.util.Comparator.comparing(PeriodsText.Period::from));
                for (int i = 1; i < good.size(); i++) {
                    PeriodsText.Period before = good.get(i - 1);
                    PeriodsText.Period next = good.get(i);
                    if (before.toMidnight() || next.from().isBefore(before.to())) {
                        found.add(UiText.of("slaadmin.problem.period.overlap", label, dayName, before.text(),
                                next.text()));
                    }
                }
                open |= !good.isEmpty();
            }
            if (!open) {
                found.add(UiText.of("slaadmin.problem.calendar.closed", label));
            }
        }
        Set<LocalDate> dates = new HashSet<>();
        for (Holiday h : c.holidays()) {
            if (!dates.add(h.date())) {
                found.add(UiText.of("slaadmin.problem.holiday.twice", label, h.date().toString()));
            }
        }
    }

    private static void checkPolicy(PolicyDraft p, Set<String> ids, Set<String> calendarIds, List<UiText> found) {
        String label = p.label();
        String id = p.idProperty().get() == null ? "" : p.idProperty().get().strip();
        if (!ID.matcher(id).matches()) {
            found.add(UiText.of("slaadmin.problem.policy.id", label));
        } else if (!ids.add(id)) {
            found.add(UiText.of("slaadmin.problem.policy.idTwice", id));
        }
        if (p.nameProperty().get() == null || p.nameProperty().get().isBlank()) {
            found.add(UiText.of("slaadmin.problem.policy.name", id));
        }
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("slaadmin.field.firstResponse", p.firstResponseProperty().get());
        targets.put("slaadmin.field.nextResponse", p.nextResponseProperty().get());
        targets.put("slaadmin.field.resolution", p.resolutionProperty().get());
        boolean any = false;
        for (Map.Entry<String, String> t : targets.entrySet()) {
            UiText field = UiText.of(t.getKey());
            DurationText.Parsed parsed = DurationText.parse(t.getValue());
            if (parsed instanceof DurationText.Negative) {
                found.add(UiText.of("slaadmin.problem.target.negative", label, field));
            } else if (parsed instanceof DurationText.Invalid) {
                found.add(UiText.of("slaadmin.problem.target.format", label, field, t.getValue().strip()));
            } else if (parsed instanceof DurationText.Valid v) {
                if (v.duration().isZero()) {
                    found.add(UiText.of("slaadmin.problem.target.zero", label, field));
                } else if (v.duration().compareTo(java.time.Duration.ofDays(365)) > 0) {
                    found.add(UiText.of("slaadmin.problem.target.long", label, field));
                }
                any = true;
            }
        }
        if (!any && targets.values().stream().allMatch(v -> v == null || v.isBlank())) {
            found.add(UiText.of("slaadmin.problem.target.none", label));
        }
        String warn = p.warnPercentProperty().get() == null ? "" : p.warnPercentProperty().get().strip();
        if (!warn.matches("\\d{1,2}") || Integer.parseInt(warn) < 1) {
            found.add(UiText.of("slaadmin.problem.warn", label, warn));
        }
        String cal = p.calendarIdProperty().get();
        if (cal == null || cal.isBlank()) {
            found.add(UiText.of("slaadmin.problem.policy.calendar", label));
        } else if (!calendarIds.contains(cal)) {
            found.add(UiText.of("slaadmin.problem.policy.calendarGone", label, cal));
        }
    }

    private static String freeId(String base, List<String> taken) {
        String id = base;
        for (int i = 2; taken.contains(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** An error in words: the server's own explanation of a refused change, or what went wrong on the way. */
    private static UiText failure(String whatKey, Throwable error) {
        LOG.warn("SLA admin: {} failed: {}", whatKey, error.toString());
        UiText what = UiText.of(whatKey);
        if (error instanceof ApiException api) {
            if (api.status() == 403) {
                return UiText.of("slaadmin.error.forbidden", what);
            }
            if (api.status() == 401) {
                return UiText.of("slaadmin.error.session", what);
            }
            if (api.status() >= 400 && api.status() < 500 && api.error() != null && api.error().error() != null) {
                return UiText.of("slaadmin.error.refused", what, api.error().error().message());
            }
            return UiText.of("slaadmin.error.server", what, api.status());
        }
        if (error instanceof IOException) {
            return UiText.of("slaadmin.error.network", what);
        }
        return UiText.of("slaadmin.error.unexpected", what);
    }
}
