package es.faro.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.Samples;
import es.faro.protocol.api.ApiError;
import es.faro.protocol.api.AssignRequest;
import es.faro.protocol.api.Changes;
import es.faro.protocol.api.ClaimRequest;
import es.faro.protocol.api.ConversationPage;
import es.faro.protocol.api.LabelsRequest;
import es.faro.protocol.api.LoginRequest;
import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.api.PostMessageResponse;
import es.faro.protocol.api.PriorityRequest;
import es.faro.protocol.api.StatusRequest;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ChannelInfo;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaClockKind;
import es.faro.protocol.sla.SlaState;
import es.faro.protocol.sla.TimeRange;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every wire record and enum survives Json.MAPPER write → read unchanged. */
class WireRoundTripTest {

    static Stream<Arguments> records() {
        JsonNode conversationTree = Json.read(Json.write(Samples.conversation()), JsonNode.class);
        Event event = new Event(42, EventType.CONVERSATION, Samples.T0, conversationTree);
        return Stream.of(
                Samples.brand(), new BrandAccount("1000001", "@orange_es"), Samples.agent(), Samples.conversation(),
                Samples.conversation().toBuilder().assigneeId(null).response(null).labels(List.of()).build(),
                Samples.message(), Samples.workqueue(), Samples.cannedResponse(), Samples.customer(),
                new Label("fibra", "Fibra", "#00897B"), ChannelInfo.of(Channel.GOOGLE_PLAY, "Google Play"),
                Samples.reference(), Samples.office(), BusinessCalendar.twentyFourSeven("24x7"),
                new TimeRange(LocalTime.of(8, 0), LocalTime.MIDNIGHT), Samples.policy(),
                new es.faro.protocol.sla.SlaPolicy("any", "Any", null, null, null, Duration.ofHours(8), null, null, 80,
                        null),
                Samples.runningClock(), Samples.stoppedClock(), event,
                new es.faro.protocol.sla.SlaClock(SlaClockKind.FIRST_RESPONSE, Samples.T0, Samples.T0.plusSeconds(7200),
                        Samples.T0.plusSeconds(5400), null, Samples.T0.plusSeconds(600)),
                new es.faro.protocol.metrics.SlaAlert("c-1", SlaClockKind.NEXT_RESPONSE, Samples.T0, "orange",
                        Channel.TWITTER),
                new es.faro.protocol.metrics.VolumeReport(Samples.T0, Samples.T0.plusSeconds(3600), "hour", "brand",
                        List.of(new es.faro.protocol.metrics.VolumeReport.Bucket(Samples.T0, Samples.T0.plusSeconds(3600),
                                3, java.util.Map.of("orange", 2, "amena", 1)))),
                new es.faro.protocol.metrics.FirstResponseHistogram(Samples.T0, Samples.T0.plusSeconds(3600), 2,
                        Duration.ofMinutes(20), List.of(new es.faro.protocol.metrics.FirstResponseHistogram.Bucket(
                                Duration.ZERO, Duration.ofMinutes(15), 1),
                                new es.faro.protocol.metrics.FirstResponseHistogram.Bucket(Duration.ofHours(8), null, 1))),
                new Changes(List.of(event, new Event(43, EventType.MESSAGE, Samples.T0.plusMillis(1),
                        Json.read(Json.write(Samples.message()), JsonNode.class))), 43),
                Samples.bootstrap(), new ConversationPage(List.of(Samples.conversation()), "c-1"),
                new ConversationPage(List.of(), null), Samples.conflict(), ApiError.of("not_found", "No existe"),
                new AssignRequest("u-ana", 7L), new AssignRequest(null, null), new ClaimRequest(7L),
                new LabelsRequest(List.of("fibra"), List.of("tv"), 3L), new LoginRequest("ana", "faro-demo"),
                new LoginResponse("tok-123", Samples.agent(), Samples.T0.plus(Duration.ofHours(12))),
                new PostMessageRequest(PostMessageRequest.REPLY, "Hola", true),
                new PostMessageRequest(PostMessageRequest.NOTE, "Nota interna", false),
                new PostMessageRequest(PostMessageRequest.REPLY, "Sin visibilidad", null),
                new PostMessageResponse(Samples.message(), Samples.conversation()),
                new PriorityRequest(Priority.P1, 2L), new StatusRequest(ConversationStatus.PENDING, 5L))
                .map(o -> Arguments.of(o.getClass().getSimpleName(), o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void recordRoundTrips(String name, Object value) {
        String json = Json.write(value);
        Object back = Json.read(json, value.getClass());
        assertThat(back).isEqualTo(value);
        // Compared as trees: immutable maps do not promise one key order, so the text may differ.
        assertThat(Json.tree(back)).isEqualTo(Json.tree(value));
        assertThat(Json.read(Json.writeBytes(value), value.getClass())).isEqualTo(value);
    }

    static Stream<Arguments> enums() {
        return Stream.of(Channel.values(), ConversationStatus.values(), DeliveryState.values(), MessageKind.values(),
                        Presence.values(), Priority.values(), Role.values(), Workqueue.Ordering.values(),
                        SlaClockKind.values(), SlaState.values())
                .flatMap(Stream::of)
                .map(e -> Arguments.of(e.getClass().getSimpleName() + "." + e.name(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void enumRoundTripsAsItsName(String name, Enum<?> value) {
        String json = Json.write(value);
        assertThat(json).isEqualTo("\"" + value.name() + "\"");
        assertThat(Json.read(json, value.getDeclaringClass())).isEqualTo(value);
    }
}
