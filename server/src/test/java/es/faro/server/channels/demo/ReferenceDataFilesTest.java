package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaCalculator;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.protocol.sla.SlaPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reference data in config/reference/ reads into the protocol records and is consistent. */
class ReferenceDataFilesTest {
    private static final Set<String> BRAND_IDS = Set.of("orange", "jazztel", "amena", "simyo", "republica");
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]*)}}");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static <T> List<T> read(String file, TypeReference<List<T>> type) throws IOException {
        return Json.MAPPER.readValue(ConfigFiles.reference(file).toFile(), type);
    }

    private static List<Brand> brands() throws IOException {
        return read("brands.json", new TypeReference<>() { });
    }

    private static Set<String> labelIds() throws IOException {
        List<Label> labels = read("labels.json", new TypeReference<>() { });
        return labels.stream().map(Label::id).collect(Collectors.toSet());
    }

    private static List<BusinessCalendar> calendars() throws IOException {
        return read("calendars.json", new TypeReference<>() { });
    }

    private static List<SlaPolicy> policies() throws IOException {
        return read("sla-policies.json", new TypeReference<>() { });
    }

    private static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    @Test
    void fiveBrandsWithDistinctAccountsOnEveryChannel() throws IOException {
        List<Brand> brands = brands();
        assertThat(brands).extracting(Brand::id).containsExactlyInAnyOrderElementsOf(BRAND_IDS);
        assertThat(brands).allSatisfy(b -> {
            assertThat(b.color()).matches(HEX_COLOR);
            assertThat(b.accounts().keySet()).containsExactlyInAnyOrder(Channel.values());
            b.accounts().values().forEach(a -> {
                assertThat(a.id()).isNotBlank();
                assertThat(a.handle()).isNotBlank();
            });
            assertThat(b.account(Channel.TWITTER).orElseThrow().id()).matches("[0-9]+");
            assertThat(b.account(Channel.TWITTER).orElseThrow().handle()).matches("@[A-Za-z0-9_]{1,15}");
            assertThat(b.account(Channel.FACEBOOK).orElseThrow().id()).matches("[0-9]+");
            assertThat(b.account(Channel.INSTAGRAM).orElseThrow().id()).matches("[0-9]+");
            assertThat(b.account(Channel.GOOGLE_PLAY).orElseThrow().id()).matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
            assertThat(b.account(Channel.APP_STORE).orElseThrow().id()).matches("[0-9]+");
            assertThat(b.account(Channel.FORUM).orElseThrow().id()).startsWith("https://").contains(".example.com/");
        });
        for (Channel channel : Channel.values()) {
            Set<String> ids = brands.stream().map(b -> b.accounts().get(channel).id()).collect(Collectors.toSet());
            assertThat(ids).as("account ids on %s", channel).hasSize(brands.size());
        }
        Map<String, String> colors = brands.stream().collect(Collectors.toMap(Brand::id, Brand::color));
        assertThat(colors).containsEntry("orange", "#FF7900").containsEntry("amena", "#8DC63F");
        // A lead tells brands apart by colour on the wallboard's stacked charts: no two may look alike.
        List<Brand> all = List.copyOf(brands);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(distance(all.get(i).color(), all.get(j).color()))
                        .as("%s and %s look alike", all.get(i).id(), all.get(j).id()).isGreaterThan(75);
            }
        }
    }

    /** Euclidean distance between two #RRGGBB colours (0–441). */
    private static double distance(String a, String b) {
        int x = Integer.parseInt(a.substring(1), 16);
        int y = Integer.parseInt(b.substring(1), 16);
        int dr = (x >> 16 & 0xFF) - (y >> 16 & 0xFF);
        int dg = (x >> 8 & 0xFF) - (y >> 8 & 0xFF);
        int db = (x & 0xFF) - (y & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void labelsAreUniqueAndColoured() throws IOException {
        List<Label> labels = read("labels.json", new TypeReference<>() { });
        assertThat(labels).hasSizeGreaterThanOrEqualTo(15);
        assertThat(labels).extracting(Label::id).doesNotHaveDuplicates()
                .contains("factura", "fibra", "movil", "portabilidad", "roaming", "averia", "cobertura", "tv",
                        "tienda", "baja", "queja", "urgente", "fraude", "tarifa", "router");
        assertThat(labels).allSatisfy(l -> {
            assertThat(l.name()).isNotBlank();
            assertThat(l.color()).matches(HEX_COLOR);
        });
    }

    @Test
    void queuesReferenceExistingBrandsAndLabelsAndAreOrdered() throws IOException {
        List<Workqueue> queues = read("queues.json", new TypeReference<>() { });
        Set<String> labels = labelIds();
        assertThat(queues).extracting(Workqueue::id).doesNotHaveDuplicates();
        assertThat(queues).extracting(Workqueue::position).doesNotHaveDuplicates();
        assertThat(queues).allSatisfy(q -> {
            assertThat(BRAND_IDS).containsAll(q.brands());
            assertThat(labels).containsAll(q.labels());
            assertThat(q.assignee()).isIn(null, Workqueue.ME, Workqueue.UNASSIGNED);
            assertThat(q.ordering()).isEqualTo(Workqueue.Ordering.SLA_DUE);
        });
        Map<String, Workqueue> byName = queues.stream().collect(Collectors.toMap(Workqueue::name, Function.identity()));
        assertThat(byName.get("Todas mis marcas").brands()).isEmpty();
        assertThat(byName.get("Mis conversaciones").assignee()).isEqualTo(Workqueue.ME);
        assertThat(byName.get("Sin asignar").assignee()).isEqualTo(Workqueue.UNASSIGNED);
        assertThat(byName.get("Averías urgentes").labels()).containsExactly("averia");
        assertThat(byName.get("Averías urgentes").priorities()).containsExactly(Priority.P1, Priority.P2);
        assertThat(byName.get("Reseñas de apps").channels()).containsExactly(Channel.GOOGLE_PLAY, Channel.APP_STORE);
        for (String brand : BRAND_IDS) {
            assertThat(queues).anySatisfy(q -> assertThat(q.brands()).containsExactly(brand));
        }
    }

    @Test
    void demoUsersAreAsSpecifiedAndFlaggedDemoOnly() throws IOException {
        Path file = ConfigFiles.reference("users.json");
        List<Agent> users = Json.MAPPER.readValue(file.toFile(), new TypeReference<>() { });
        JsonNode raw = Json.MAPPER.readTree(file.toFile());
        Map<String, Agent> byName = users.stream().collect(Collectors.toMap(Agent::username, Function.identity()));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("ana", "pablo", "lucia", "admin", "datos");
        assertThat(users).allSatisfy(u -> {
            assertThat(u.id()).isEqualTo("u-" + u.username());
            assertThat(u.name()).contains(" ");
            assertThat(BRAND_IDS).containsAll(u.brands());
        });
        assertThat(byName.get("ana").roles()).containsExactly(Role.AGENT);
        assertThat(byName.get("ana").brands()).containsExactlyInAnyOrder("orange", "jazztel");
        assertThat(byName.get("ana").channels()).isEmpty();
        assertThat(byName.get("ana").languages()).containsExactly("es", "en");
        assertThat(byName.get("ana").capacity()).isEqualTo(8);
        assertThat(byName.get("pablo").roles()).containsExactly(Role.AGENT);
        assertThat(byName.get("pablo").brands()).containsExactlyInAnyOrder("amena", "simyo", "republica");
        assertThat(byName.get("lucia").roles()).containsExactly(Role.LEAD);
        assertThat(byName.get("lucia").brands()).containsExactlyInAnyOrderElementsOf(BRAND_IDS);
        assertThat(byName.get("admin").roles()).containsExactly(Role.ADMIN);
        assertThat(byName.get("datos").roles()).containsExactly(Role.ANALYST);
        assertThat(raw).hasSize(5);
        raw.forEach(u -> {
            assertThat(u.path("password").asText()).isEqualTo("faro-demo");
            assertThat(u.path("demoOnly").isBoolean() && u.path("demoOnly").asBoolean()).isTrue();
        });
    }

    @Test
    void calendarsHaveTheirHoursAndSpanishHolidays() throws IOException {
        Map<String, BusinessCalendar> calendars = calendars().stream()
                .collect(Collectors.toMap(BusinessCalendar::id, Function.identity()));
        assertThat(calendars.keySet()).containsExactlyInAnyOrder("24x7", "madrid-oficina", "madrid-extendido");
        assertThat(calendars.get("24x7").alwaysOpen()).isTrue();
        BusinessCalendar office = calendars.get("madrid-oficina");
        assertThat(office.zone()).isEqualTo(MADRID);
        assertThat(office.isOpen(madrid("2026-11-23T09:00"))).isTrue();   // Monday
        assertThat(office.isOpen(madrid("2026-11-23T14:30"))).isFalse();  // lunch break
        assertThat(office.isOpen(madrid("2026-11-23T19:59"))).isTrue();
        assertThat(office.isOpen(madrid("2026-11-23T20:00"))).isFalse();
        assertThat(office.isOpen(madrid("2026-11-28T11:00"))).isTrue();   // Saturday morning
        assertThat(office.isOpen(madrid("2026-11-28T16:30"))).isFalse();  // Saturday afternoon
        assertThat(office.isOpen(madrid("2026-11-29T11:00"))).isFalse();  // Sunday
        assertThat(office.isOpen(madrid("2026-12-25T10:00"))).isFalse();  // Christmas, a Friday
        assertThat(office.isOpen(madrid("2027-10-12T10:00"))).isFalse();  // Fiesta Nacional, a Tuesday
        assertThat(office.holidays()).contains(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-06"),
                LocalDate.parse("2026-05-02"));
        assertThat(office.holidays()).allSatisfy(d -> assertThat(d.getYear()).isBetween(2026, 2027));
        BusinessCalendar extended = calendars.get("madrid-extendido");
        assertThat(extended.isOpen(madrid("2026-11-29T21:59"))).isTrue();  // Sunday evening
        assertThat(extended.isOpen(madrid("2026-11-29T22:00"))).isFalse();
        assertThat(extended.isOpen(madrid("2026-11-30T07:59"))).isFalse();
    }

    @Test
    void slaPoliciesReferenceCalendarsAndEndWithACatchAll() throws IOException {
        List<SlaPolicy> policies = policies();
        Set<String> calendarIds = calendars().stream().map(BusinessCalendar::id).collect(Collectors.toSet());
        assertThat(policies).extracting(SlaPolicy::id).doesNotHaveDuplicates();
        assertThat(policies).allSatisfy(p -> {
            assertThat(calendarIds).contains(p.calendarId());
            assertThat(BRAND_IDS).containsAll(p.brands());
            assertThat(p.warnPercent()).isEqualTo(75);
            assertThat(p.firstResponse()).isPositive();
        });
        SlaPolicy last = policies.get(policies.size() - 1);
        assertThat(last.brands()).isEmpty();
        assertThat(last.channels()).isEmpty();
        assertThat(last.priorities()).isEmpty();
        for (Channel channel : Channel.values()) {
            for (Priority priority : Priority.values()) {
                assertThat(policies.stream().anyMatch(p -> p.matches("simyo", channel, priority))).isTrue();
            }
        }
    }

    @Test
    void slaPoliciesGiveTheExpectedDueInstants() throws IOException {
        Map<String, BusinessCalendar> calendars = calendars().stream()
                .collect(Collectors.toMap(BusinessCalendar::id, Function.identity()));
        SlaCalculator sla = new SlaCalculator(policies(), calendars);
        Instant mondayMorning = madrid("2026-11-23T10:00");
        assertThat(sla.start(SlaClockKind.FIRST_RESPONSE, "orange", Channel.TWITTER, Priority.P3, mondayMorning)
                .orElseThrow().dueAt()).isEqualTo(madrid("2026-11-23T12:00"));
        assertThat(sla.start(SlaClockKind.FIRST_RESPONSE, "orange", Channel.TWITTER, Priority.P1, mondayMorning)
                .orElseThrow().dueAt()).isEqualTo(madrid("2026-11-23T10:30"));
        // A tweet at 21:30 gets 30 min that evening and 90 min from 08:00 the next day.
        assertThat(sla.start(SlaClockKind.FIRST_RESPONSE, "amena", Channel.FACEBOOK, Priority.P3,
                madrid("2026-11-23T21:30")).orElseThrow().dueAt()).isEqualTo(madrid("2026-11-24T09:30"));
        assertThat(sla.policyFor("jazztel", Channel.INSTAGRAM, Priority.P2).orElseThrow().firstResponse())
                .isEqualTo(Duration.ofHours(2));
        // P1D of office time from Friday 19:00: 1 h Friday, 4 h Saturday, 9 h Monday, 9 h Tuesday, 1 h Wednesday.
        assertThat(sla.start(SlaClockKind.FIRST_RESPONSE, "simyo", Channel.GOOGLE_PLAY, Priority.P3,
                madrid("2026-11-20T19:00")).orElseThrow().dueAt()).isEqualTo(madrid("2026-11-25T10:00"));
        assertThat(sla.policyFor("orange", Channel.FORUM, Priority.P4).orElseThrow().firstResponse())
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void cannedResponsesCoverEveryBrandInSpanishAndEnglish() throws IOException {
        List<CannedResponse> responses = read("canned-responses.json", new TypeReference<>() { });
        Set<String> labels = labelIds();
        assertThat(responses).extracting(CannedResponse::id).doesNotHaveDuplicates();
        assertThat(responses.stream().filter(r -> r.language().equals("es"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(responses.stream().filter(r -> r.language().equals("en"))).hasSizeGreaterThanOrEqualTo(8);
        assertThat(responses).anyMatch(r -> r.brandId() == null).anyMatch(r -> r.brandId() != null);
        assertThat(responses).extracting(CannedResponse::shortcut).contains("saludo", "dni", "averia");
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.language()).isIn("es", "en");
            assertThat(r.brandId()).isIn(null, "orange", "jazztel", "amena", "simyo", "republica");
            assertThat(labels).containsAll(r.labels());
            assertThat(r.folder()).isNotBlank();
            assertThat(r.title()).isNotBlank();
            assertThat(r.shortcut()).matches("[a-z]+");
            assertThat(r.ownerId()).isNull();
            Matcher m = PLACEHOLDER.matcher(r.body());
            while (m.find()) {
                assertThat(m.group(1)).as(r.id()).matches("customer\\.name|agent\\.name|brand|ask:[^{}]+");
            }
        });
        assertThat(responses).anyMatch(r -> r.body().contains("{{ask:Número de pedido}}"));
        for (String brand : BRAND_IDS) {
            for (String language : List.of("es", "en")) {
                Set<String> shortcuts = new HashSet<>();
                responses.stream()
                        .filter(r -> r.language().equals(language) && (r.brandId() == null || r.brandId().equals(brand)))
                        .forEach(r -> shortcuts.add(r.shortcut()));
                assertThat(shortcuts).as("%s in %s", brand, language)
                        .contains("saludo", "dni", "averia", "porta", "duplicada", "roaming", "tienda", "cierre");
            }
        }
    }

    @Test
    void brandAccountsRoundTripThroughTheMapper() throws IOException {
        for (Brand brand : brands()) {
            Brand back = Json.read(Json.write(brand), Brand.class);
            assertThat(back).isEqualTo(brand);
            assertThat(back.account(Channel.GOOGLE_PLAY)).map(BrandAccount::id).isPresent();
        }
    }
}
