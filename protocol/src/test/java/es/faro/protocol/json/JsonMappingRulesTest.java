package es.faro.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.Samples;
import es.faro.protocol.api.ApiError;
import es.faro.protocol.api.AssignRequest;
import es.faro.protocol.api.LoginRequest;
import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.api.PriorityRequest;
import es.faro.protocol.api.StatusRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ChannelInfo;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import es.faro.protocol.sla.TimeRange;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping rules every client and server rely on. */
class JsonMappingRulesTest {

    @Test
    void instantsAndDurationsAreIsoStrings() {
        JsonNode clock = Json.tree(Samples.runningClock());
        assertThat(clock.path("startedAt").isTextual()).isTrue();
        assertThat(clock.path("startedAt").asText()).isEqualTo("2026-11-23T09:15:30.123456789Z");
        JsonNode policy = Json.tree(Samples.policy());
        assertThat(policy.path("firstResponse").asText()).isEqualTo("PT2H");
        assertThat(policy.path("nextResponse").asText()).isEqualTo("PT1H30M");
        assertThat(Json.read("{\"id\":\"p\",\"firstResponse\":\"P1D\",\"warnPercent\":75}", SlaPolicy.class)
                .firstResponse()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void calendarHoursAreKeyedByDayNameWithLocalTimes() {
        JsonNode calendar = Json.tree(Samples.office());
        assertThat(calendar.path("zone").asText()).isEqualTo("Europe/Madrid");
        // Written as "16:00:00"; the config files' shorter "16:00" reads the same.
        assertThat(LocalTime.parse(calendar.path("hours").path("MONDAY").get(1).path("from").asText()))
                .isEqualTo(LocalTime.of(16, 0));
        assertThat(LocalTime.parse(calendar.path("hours").path("SATURDAY").get(0).path("to").asText()))
                .isEqualTo(LocalTime.of(14, 0));
        assertThat(calendar.path("holidays").toString()).contains("\"2026-12-25\"");
        BusinessCalendar read = Json.read("""
                {"id":"c","zone":"Europe/Madrid","alwaysOpen":false,"hours":{"FRIDAY":[{"from":"16:00","to":"20:00"},
                {"from":"09:00","to":"14:00"}]},"holidays":["2026-12-25"]}""", BusinessCalendar.class);
        assertThat(read.hours().get(DayOfWeek.FRIDAY)).extracting(TimeRange::from)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(16, 0));
    }

    @Test
    void brandAccountsAreKeyedByChannelAndAcceptTheWireName() {
        assertThat(Json.tree(Samples.brand()).path("accounts").has("GOOGLE_PLAY")).isTrue();
        Brand brand = Json.read("""
                {"id":"simyo","name":"Simyo","color":"#FF6A13","accounts":{
                "google_play":{"id":"com.simyo.misimyo","handle":"Mi Simyo"},"TWITTER":{"id":"1","handle":"@simyo_es"}}}""",
                Brand.class);
        assertThat(brand.account(Channel.GOOGLE_PLAY).orElseThrow().id()).isEqualTo("com.simyo.misimyo");
        assertThat(brand.account(Channel.TWITTER)).isPresent();
        assertThat(brand.account(Channel.FORUM)).isEmpty();
    }

    @Test
    void messagePublicFlagIsCalledPublicOnTheWire() {
        JsonNode message = Json.tree(Samples.message());
        assertThat(message.path("public").asBoolean()).isTrue();
        assertThat(message.has("isPublic")).isFalse();
        String json = Json.write(Samples.message()).replace("\"public\":true", "\"public\":false");
        assertThat(Json.read(json, Message.class).isPublic()).isFalse();
    }

    @Test
    void postMessageRequestPublicFlagIsCalledPublicOnTheWire() {
        PostMessageRequest request = Json.read("{\"kind\":\"reply\",\"body\":\"Hola\",\"public\":false}",
                PostMessageRequest.class);
        assertThat(request.isPublic()).isFalse();
        assertThat(Json.read("{\"kind\":\"reply\",\"body\":\"Hola\"}", PostMessageRequest.class).isPublic()).isNull();
        JsonNode written = Json.tree(new PostMessageRequest("note", "x", true));
        assertThat(written.path("public").asBoolean()).isTrue();
        assertThat(written.has("isPublic")).isFalse();
    }

    @Test
    void slaClockWritesOnlyItsComponents() {
        assertThat(Json.tree(Samples.runningClock()).has("running")).isFalse();
    }

    @Test
    void nullsAreLeftOut() {
        assertThat(Json.write(new AssignRequest(null, 3L))).isEqualTo("{\"version\":3}");
        assertThat(Json.write(ApiError.of("not_found", "No existe")))
                .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"No existe\"}}");
        Conversation unassigned = Samples.conversation().toBuilder().assigneeId(null).resolution(null).build();
        JsonNode tree = Json.tree(unassigned);
        assertThat(tree.has("assigneeId")).isFalse();
        assertThat(tree.has("resolution")).isFalse();
        assertThat(Json.tree(Samples.stoppedClock()).has("stoppedAt")).isTrue();
        assertThat(Json.tree(Samples.runningClock()).has("stoppedAt")).isFalse();
    }

    @Test
    void unknownFieldsAreIgnored() {
        LoginRequest login = Json.read("{\"username\":\"ana\",\"password\":\"x\",\"remember\":{\"days\":[1,2]}}",
                LoginRequest.class);
        assertThat(login).isEqualTo(new LoginRequest("ana", "x"));
        Agent agent = Json.read("{\"id\":\"u-ana\",\"username\":\"ana\",\"password\":\"faro-demo\",\"demoOnly\":true,"
                + "\"roles\":[\"AGENT\"],\"capacity\":8}", Agent.class);
        assertThat(agent.capacity()).isEqualTo(8);
        assertThat(agent.brands()).isEmpty();
    }

    @Test
    void trailingTokensAreRejected() {
        assertThatThrownBy(() -> Json.read("{\"version\":1} {\"version\":2}", AssignRequest.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"version\":1}]", AssignRequest.class))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void numbersForEnumsAreRejected() {
        assertThatThrownBy(() -> Json.read("{\"priority\":0,\"version\":1}", PriorityRequest.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"status\":2}", StatusRequest.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"id\":1,\"name\":\"X\"}", ChannelInfo.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"priority\":\"1\"}", PriorityRequest.class))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void unknownEnumNamesAreRejected() {
        assertThatThrownBy(() -> Json.read("{\"priority\":\"P9\"}", PriorityRequest.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"id\":\"myspace\",\"name\":\"X\"}", ChannelInfo.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"id\":\"w\",\"ordering\":\"RANDOM\"}", Workqueue.class))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void channelValuesAcceptTheLowerCaseWireName() {
        assertThat(Json.read("{\"id\":\"google_play\",\"name\":\"GP\",\"publicReplyLimit\":350,\"privateReplyLimit\":350}", ChannelInfo.class).id())
                .isEqualTo(Channel.GOOGLE_PLAY);
        assertThat(Json.read("{\"id\":\"app-store\",\"name\":\"AS\",\"publicReplyLimit\":1,\"privateReplyLimit\":1}", ChannelInfo.class).id())
                .isEqualTo(Channel.APP_STORE);
    }

    @Test
    void workqueueDefaultsToActiveStatusesAndSlaOrder() {
        Workqueue queue = Json.read("{\"id\":\"q\",\"name\":\"Todas\",\"position\":1}", Workqueue.class);
        assertThat(queue.ordering()).isEqualTo(Workqueue.Ordering.SLA_DUE);
        assertThat(queue.statuses()).extracting(Enum::name).containsExactly("NEW", "OPEN", "PENDING");
        assertThat(queue.brands()).isEmpty();
        assertThat(queue.priorities()).isEmpty();
    }

    @Test
    void hostileNestingFailsFast() {
        String deep = "[".repeat(1_000) + "]".repeat(1_000);
        assertThatThrownBy(() -> Json.read(deep, JsonNode.class)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void credentialsStayOutOfToString() {
        assertThat(new LoginRequest("ana", "faro-demo").toString()).doesNotContain("faro-demo").contains("ana");
        assertThat(new LoginResponse("secret-token", Samples.agent(), Samples.T0).toString())
                .doesNotContain("secret-token");
    }

    /**
     * FAIL_ON_NULL_FOR_PRIMITIVES also applies to absent creator properties: every primitive record
     * component (alwaysOpen, position, capacity, usageCount, public of Message…) is in effect required.
     */
    @Test
    void absentPrimitiveFieldsAreRejected() {
        assertThatThrownBy(() -> Json.read("{\"id\":\"q\",\"name\":\"Todas\"}", Workqueue.class))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("int");
        assertThatThrownBy(() -> Json.read("{\"id\":\"c\",\"hours\":{\"MONDAY\":[{\"from\":\"09:00\",\"to\":\"14:00\"}]}}",
                BusinessCalendar.class)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("boolean");
    }

    @Test
    void slaPolicyNeedsASaneWarnPercent() {
        assertThatThrownBy(() -> Json.read("{\"id\":\"p\",\"firstResponse\":\"PT2H\"}", SlaPolicy.class))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.read("{\"id\":\"p\",\"firstResponse\":\"PT2H\",\"warnPercent\":100}",
                SlaPolicy.class)).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(Json.read("{\"id\":\"p\",\"firstResponse\":\"PT2H\",\"warnPercent\":75}", SlaPolicy.class)
                .warnAfter(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(90));
        assertThat(List.of(Priority.values())).hasSize(4);
    }
}
