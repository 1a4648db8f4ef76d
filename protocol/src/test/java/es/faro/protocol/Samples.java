package es.faro.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.api.ApiError;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ChannelInfo;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.protocol.sla.SlaPolicy;
import es.faro.protocol.sla.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Realistic instances of every wire record, with every field set, for round-trip tests. */
public final class Samples {
    public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    public static final Instant T0 = Instant.parse("2026-11-23T09:15:30.123456789Z");

    private Samples() {
    }

    public static Brand brand() {
        return new Brand("orange", "Orange", "#FF7900", Map.of(
                Channel.TWITTER, new BrandAccount("1000001", "@orange_es"),
                Channel.GOOGLE_PLAY, new BrandAccount("com.orange.miorange", "Mi Orange"),
                Channel.FORUM, new BrandAccount("https://foros.example.com/orange/feed.atom", "Foro")));
    }

    public static Agent agent() {
        return new Agent("u-ana", "ana", "Ana García Martín", Set.of(Role.AGENT, Role.LEAD), List.of("orange", "jazztel"),
                List.of(Channel.TWITTER, Channel.FACEBOOK), List.of("es", "en"), 8, Presence.AWAY);
    }

    public static SlaClock runningClock() {
        return new SlaClock(SlaClockKind.FIRST_RESPONSE, T0, T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofMinutes(90)), null);
    }

    public static SlaClock stoppedClock() {
        return new SlaClock(SlaClockKind.RESOLUTION, T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofHours(18)),
                T0.plus(Duration.ofHours(3)));
    }

    public static Conversation conversation() {
        return new Conversation("c-1", "orange", Channel.TWITTER, "cu-1", "Laura Gómez", "@lauragr87",
                ConversationStatus.OPEN, Priority.P2, List.of("fibra", "averia"), "q-todas", "u-ana", "es",
                "Llevo 3 días sin fibra en Getafe 😡", MessageKind.IN, 3, T0, T0.plusSeconds(60), T0.plusSeconds(30),
                runningClock(), stoppedClock(), 7);
    }

    public static Message message() {
        return new Message("m-1", "c-1", MessageKind.OUT, "u-ana", "Ana García", "Hola Laura, ¿nos escribes por privado?",
                true, Channel.TWITTER, "1861234567890123456", "1861234500000000001", T0, DeliveryState.SENT,
                "7f3c0e2a-0d5b-4f0e-9a52-7d1f9c3b2a10");
    }

    public static Workqueue workqueue() {
        return new Workqueue("q-averias", "Averías urgentes", List.of("orange"), List.of(Channel.TWITTER),
                List.of("averia"), List.of(Priority.P1, Priority.P2), List.of(ConversationStatus.NEW), Workqueue.ME,
                Workqueue.Ordering.PRIORITY, 40);
    }

    public static CannedResponse cannedResponse() {
        return new CannedResponse("cr-1", null, "es", "Saludos", "Saludo", "saludo",
                "¡Hola, {{customer.name}}! Soy {{agent.name}} de {{brand}}. {{ask:Número de pedido}}",
                List.of("fibra"), "u-ana", 12);
    }

    public static BusinessCalendar office() {
        List<TimeRange> split = List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(14, 0)),
                new TimeRange(LocalTime.of(16, 0), LocalTime.of(20, 0)));
        return new BusinessCalendar("madrid-oficina", "Oficina", MADRID, false,
                Map.of(DayOfWeek.MONDAY, split, DayOfWeek.TUESDAY, split, DayOfWeek.WEDNESDAY, split,
                        DayOfWeek.THURSDAY, split, DayOfWeek.FRIDAY, split,
                        DayOfWeek.SATURDAY, List.of(new TimeRange(LocalTime.of(10, 0), LocalTime.of(14, 0)))),
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 8)));
    }

    public static SlaPolicy policy() {
        return new SlaPolicy("sla-social", "Social", List.of("orange"), List.of(Channel.TWITTER, Channel.FACEBOOK),
                List.of(Priority.P2, Priority.P3), Duration.ofHours(2), Duration.ofMinutes(90), Duration.ofDays(1), 75,
                "madrid-oficina");
    }

    public static ReferenceData reference() {
        return new ReferenceData(List.of(brand()), List.of(ChannelInfo.of(Channel.TWITTER, "X")), List.of(workqueue()),
                List.of(agent()), List.of(new Label("fibra", "Fibra", "#00897B")), List.of(cannedResponse()),
                List.of(policy()), List.of(office(), BusinessCalendar.twentyFourSeven("24x7")));
    }

    public static Event event() {
        JsonNode data = Json.tree(conversation());
        return new Event(42, EventType.CONVERSATION, T0, data);
    }

    public static Bootstrap bootstrap() {
        return new Bootstrap(reference(), List.of(conversation()), List.of(message()), 42, "page-2");
    }

    public static Customer customer() {
        return new Customer("cu-1", "Laura Gómez", "@lauragr87", Channel.TWITTER, "734512987", 48_211, "es");
    }

    public static ApiError conflict() {
        return new ApiError(new ApiError.Detail("version_conflict", "Otro agente la ha cogido"), conversation());
    }
}
