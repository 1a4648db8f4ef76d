package es.faro.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The delivery details are optional on the wire: old JSON parses, new JSON round-trips. */
class MessageDeliveryWireTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void oldJsonWithoutDeliveryDetailsStillParses() {
        String old = "{\"id\":\"m-1\",\"conversationId\":\"c-1\",\"kind\":\"OUT\",\"body\":\"Hola\",\"public\":true,"
                + "\"channel\":\"TWITTER\",\"createdAt\":\"2026-11-26T10:00:00Z\",\"delivery\":\"SENT\"}";
        Message m = Json.read(old, Message.class);
        assertThat(m.delivery()).isEqualTo(DeliveryState.SENT);
        assertThat(m.deliveryError()).isNull();
        assertThat(m.deliveryLink()).isNull();
        assertThat(Json.write(m)).doesNotContain("deliveryError").doesNotContain("deliveryLink");
    }

    @Test
    void failedAndPreparedRoundTrip() {
        Message queued = new Message("m-1", "c-1", MessageKind.OUT, "u-ana", "Ana", "Hola", true, Channel.FORUM,
                null, null, T0, DeliveryState.QUEUED, "k-1");
        Message failed = queued.withDelivery(DeliveryState.FAILED, null, "HTTP 403: duplicate content", null);
        Message prepared = queued.withDelivery(DeliveryState.PREPARED, null, null, "https://foro.example/t/1");
        assertThat(Json.read(Json.write(failed), Message.class)).isEqualTo(failed);
        assertThat(Json.read(Json.write(prepared), Message.class)).isEqualTo(prepared);
        assertThat(prepared.body()).isEqualTo("Hola");
        assertThat(prepared.clientId()).isEqualTo("k-1");
    }
}
