package es.faro.client.ui.slaadmin;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.SlaAdminApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Channel;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.Holiday;
import es.faro.protocol.sla.SlaPolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SLA admin view model against a real embedded server over HTTP: it loads what the server has,
 * refuses bad input with an admin's words before sending anything, and saves what the admin changed.
 * Tests share one server, so each one restores the configuration it found.
 */
class SlaAdminViewModelTest {
    @TempDir
    static java.nio.file.Path dir;
    static LiveServer server;
    static SlaAdminApi adminApi;
    static List<SlaPolicy> originalPolicies;
    static List<BusinessCalendar> originalCalendars;

    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    SlaAdminViewModel vm;

    @BeforeAll
    static void startServer() throws Exception {
        server = new LiveServer(dir);
        adminApi = new SlaAdminApi(server.signedIn("admin"));
        originalPolicies = adminApi.policies();
        originalCalendars = adminApi.calendars();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void restoreAndLoad() throws Exception {
        adminApi.saveCalendars(union(originalCalendars, adminApi.calendars()));
        adminApi.savePolicies(originalPolicies);
        adminApi.saveCalendars(originalCalendars);
        vm = new SlaAdminViewModel(adminApi, tasks);
        vm.load();
        tasks.drain();
    }

    private static List<BusinessCalendar> union(List<BusinessCalendar> a, List<BusinessCalendar> b) {
        List<BusinessCalendar> all = new java.util.ArrayList<>(a);
        b.stream().filter(x -> a.stream().noneMatch(y -> y.id().equals(x.id()))).forEach(all::add);
        return all;
    }

    private PolicyDraft policy(String id) {
        return vm.policies().stream().filter(p -> p.idProperty().get().equals(id)).findFirst().orElseThrow();
    }

    private CalendarDraft calendar(String id) {
        return vm.calendars().stream().filter(c -> c.idProperty().get().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> keys(List<UiText> problems) {
        return problems.stream().map(UiText::key).toList();
    }

    @Test
    void loadsThePoliciesInOrderAndTheCalendarsAsTheServerHasThem() {
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.policies()).extracting(p -> p.idProperty().get())
                .containsExactlyElementsOf(originalPolicies.stream().map(SlaPolicy::id).toList());
        PolicyDraft social = policy("sla-social");
        assertThat(social.firstResponseProperty().get()).isEqualTo("2h");
        assertThat(social.resolutionProperty().get()).isEqualTo("1d");
        assertThat(social.channels()).containsExactly(Channel.TWITTER, Channel.FACEBOOK, Channel.INSTAGRAM);
        CalendarDraft office = calendar("madrid-oficina");
        assertThat(office.periodsProperty(DayOfWeek.MONDAY).get()).isEqualTo("09:00-14:00, 16:00-20:00");
        assertThat(office.periodsProperty(DayOfWeek.SATURDAY).get()).isEqualTo("10:00-14:00");
        assertThat(office.periodsProperty(DayOfWeek.SUNDAY).get()).isEmpty();
        assertThat(office.holidays()).extracting(Holiday::date).contains(LocalDate.parse("2026-12-08"),
                LocalDate.parse("2027-12-08"));
        assertThat(office.holidays()).contains(new Holiday(LocalDate.parse("2026-05-02"),
                "Fiesta de la Comunidad de Madrid", Holiday.Scope.REGIONAL));
        assertThat(calendar("24x7").alwaysOpenProperty().get()).isTrue();
        // Loading as-is and saving changes nothing on the server.
        assertThat(vm.validate()).isEmpty();
    }

    @Test
    void badInputIsExplainedAndNothingIsSent() throws Exception {
        PolicyDraft social = policy("sla-social");
        social.firstResponseProperty().set("-2h");
        social.nextResponseProperty().set("dos horas");
        social.resolutionProperty().set("0m");
        social.warnPercentProperty().set("120");
        PolicyDraft general = policy("sla-general");
        general.calendarIdProperty().set("no-such-calendar");
        general.idProperty().set("sla-social");
        CalendarDraft office = calendar("madrid-oficina");
        office.periodsProperty(DayOfWeek.MONDAY).set("09:00-14:00, 13:00-20:00");
        office.periodsProperty(DayOfWeek.TUESDAY).set("14:00-09:00");
        office.periodsProperty(DayOfWeek.WEDNESDAY).set("nueve a dos");
        office.zoneProperty().set("Europe/Madird");

        vm.save();
        tasks.drain();

        assertThat(keys(vm.problemsProperty().get())).contains(
                "slaadmin.problem.target.negative", "slaadmin.problem.target.format", "slaadmin.problem.target.zero",
                "slaadmin.problem.warn", "slaadmin.problem.policy.calendarGone", "slaadmin.problem.policy.idTwice",
                "slaadmin.problem.period.overlap", "slaadmin.problem.period.order", "slaadmin.problem.period.format",
                "slaadmin.problem.calendar.zone");
        UiText overlap = vm.problemsProperty().get().stream()
                .filter(p -> p.key().equals("slaadmin.problem.period.overlap")).findFirst().orElseThrow();
        assertThat(overlap.args()).contains("09:00-14:00", "13:00-20:00", UiText.of("slaadmin.day.monday"));
        assertThat(vm.statusProperty().get().key()).isEqualTo("slaadmin.status.fix");
        assertThat(adminApi.policies()).isEqualTo(originalPolicies);
        assertThat(adminApi.calendars()).isEqualTo(originalCalendars);
    }

    @Test
    void aCalendarThatNeverOpensAndAPolicyWithoutTargetsAreRefused() {
        CalendarDraft c = vm.addCalendar();
        for (DayOfWeek d : DayOfWeek.values()) {
            c.periodsProperty(d).set("");
        }
        c.nameProperty().set("Nunca");
        PolicyDraft p = vm.addPolicy();
        p.nameProperty().set("Sin objetivos");
        p.firstResponseProperty().set("");
        assertThat(keys(vm.validate())).contains("slaadmin.problem.calendar.closed", "slaadmin.problem.target.none");
        c.alwaysOpenProperty().set(true);
        p.resolutionProperty().set("3d");
        assertThat(vm.validate()).isEmpty();
    }

    @Test
    void savesEditedTargetsOrderAndHolidaysToTheServer() throws Exception {
        vm.selectedPolicyProperty().set(policy("sla-social"));
        policy("sla-social").firstResponseProperty().set("1h 30m");
        vm.movePolicy(-1);
        vm.selectedCalendarProperty().set(calendar("madrid-oficina"));
        assertThat(vm.addHoliday(LocalDate.parse("2026-12-24"), "Nochebuena", Holiday.Scope.REGIONAL)).isEmpty();
        assertThat(keys(vm.addHoliday(LocalDate.parse("2026-12-24"), "Otra", Holiday.Scope.NATIONAL)))
                .containsExactly("slaadmin.problem.holiday.twice");
        calendar("madrid-oficina").periodsProperty(DayOfWeek.SATURDAY).set("10:00-14:00, 16:00-19:00");

        vm.save();
        tasks.drain();

        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get().key()).isEqualTo("slaadmin.status.saved");
        List<SlaPolicy> policies = adminApi.policies();
        assertThat(policies.get(0).id()).isEqualTo("sla-social");
        assertThat(policies.get(0).firstResponse()).isEqualTo(Duration.ofMinutes(90));
        BusinessCalendar office = adminApi.calendars().stream().filter(c -> c.id().equals("madrid-oficina"))
                .findFirst().orElseThrow();
        assertThat(office.holidays()).contains(LocalDate.parse("2026-12-24"));
        assertThat(office.namedHolidays()).contains(
                new Holiday(LocalDate.parse("2026-12-24"), "Nochebuena", Holiday.Scope.REGIONAL),
                new Holiday(LocalDate.parse("2026-05-02"), "Fiesta de la Comunidad de Madrid", Holiday.Scope.REGIONAL));
        assertThat(office.hours().get(DayOfWeek.SATURDAY)).hasSize(2);
        assertThat(office.hours().get(DayOfWeek.SATURDAY).get(1).to()).isEqualTo(LocalTime.of(19, 0));
        // The unnamed holidays of the file are kept as they were.
        assertThat(office.holidays()).containsAll(originalCalendars.stream()
                .filter(c -> c.id().equals("madrid-oficina")).findFirst().orElseThrow().holidays());
    }

    @Test
    void aCalendarCanBeReplacedByANewOneInOneSave() throws Exception {
        CalendarDraft fresh = vm.addCalendar();
        fresh.idProperty().set("canarias");
        fresh.nameProperty().set("Oficina Canarias");
        fresh.zoneProperty().set("Atlantic/Canary");
        for (PolicyDraft p : vm.policies()) {
            if (p.calendarIdProperty().get().equals("madrid-extendido")) {
                p.calendarIdProperty().set("canarias");
            }
        }
        vm.selectedCalendarProperty().set(calendar("madrid-extendido"));
        vm.removeCalendar();

        vm.save();
        tasks.drain();

        assertThat(vm.statusProperty().get().key()).isEqualTo("slaadmin.status.saved");
        assertThat(adminApi.calendars()).extracting(BusinessCalendar::id)
                .containsExactly("24x7", "madrid-oficina", "canarias");
        assertThat(adminApi.policies().stream().filter(p -> p.id().equals("sla-social")).findFirst().orElseThrow()
                .calendarId()).isEqualTo("canarias");
    }

    @Test
    void aNonAdminIsToldInWordsAndSeesNothing() throws Exception {
        SlaAdminViewModel lead = new SlaAdminViewModel(new SlaAdminApi(server.signedIn("lucia")), tasks);
        lead.load();
        tasks.drain();
        assertThat(lead.loadedProperty().get()).isFalse();
        assertThat(lead.policies()).isEmpty();
        assertThat(lead.statusProperty().get()).isEqualTo(
                UiText.of("slaadmin.error.forbidden", UiText.of("slaadmin.error.load")));
    }

    @Test
    void durationsAndPeriodsReadAsAdminsWriteThem() {
        assertThat(DurationText.value("1d 4h 30m")).contains(Duration.ofMinutes(28 * 60 + 30));
        assertThat(DurationText.value("PT2H")).contains(Duration.ofHours(2));
        assertThat(DurationText.parse("-PT2H")).isInstanceOf(DurationText.Negative.class);
        assertThat(DurationText.parse("2 horas")).isInstanceOf(DurationText.Invalid.class);
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h 30m");
        List<PeriodsText.Period> periods = PeriodsText.parse("9:00–14:00; 16:00-24:00");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).range().from()).isEqualTo(LocalTime.of(9, 0));
        assertThat(periods.get(1).range().endsAtMidnight()).isTrue();
        assertThat(PeriodsText.parse("25:00-26:00").get(0).readable()).isFalse();
    }
}
