package es.faro.client.ui.automation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.common.I18n;
import es.faro.protocol.automation.CustomerProfile.Csat;
import es.faro.protocol.automation.CustomerProfile.Rating;
import es.faro.protocol.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The customer panel's CSAT lines: CSAT % counted as the dashboard counts it (ratings of 4–5 ÷ all
 * ratings) and the response rate (answered ÷ sent), worked out by hand for a fixture.
 */
class CustomerCsatTextTest {
    static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneOffset.UTC);

    /** Four surveys sent, three answered: 5, 4 and 2 → 2 of 3 satisfied = 67 %, 3 of 4 answered = 75 %. */
    static Csat fixture() {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        return new Csat(3, 3.67, 4, List.of(new Rating("c-1", "orange", 5, "Genial", at),
                new Rating("c-2", "orange", 4, null, at), new Rating("c-3", "jazztel", 2, "Lento", at)), 2);
    }

    @Test
    void csatPercentAndResponseRateInSpanishAndEnglish() {
        Csat c = fixture();
        assertThat(c.satisfiedShare().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(c.responseRate().getAsDouble()).isEqualTo(0.75);
        assertThat(CustomerPanelView.csatText(c, new I18n(), DATES)).isEqualTo(
                "CSAT 67 % (2 de 3 valoraciones de 4–5) · media 3,7/5\n"
                        + "Encuestas: 4 enviadas, 3 respondidas (75 % de respuesta)\n"
                        + "5/5 el 24/11/2026 Genial\n4/5 el 24/11/2026 \n2/5 el 24/11/2026 Lento");
        assertThat(CustomerPanelView.csatText(c, new I18n(Locale.ENGLISH), DATES)).startsWith(
                "CSAT 67 % (2 of 3 ratings were 4–5) · average 3.7/5\n"
                        + "Surveys: 4 sent, 3 answered (75 % response rate)\n");
    }

    @Test
    void sentButUnansweredSaysNoDataWithAZeroResponseRate() {
        Csat c = new Csat(0, 0, 2, List.of(), 0);
        assertThat(c.satisfiedShare()).isEmpty();
        assertThat(CustomerPanelView.csatText(c, new I18n(), DATES))
                .isEqualTo("CSAT: sin datos\nEncuestas: 2 enviadas, 0 respondidas (0 % de respuesta)");
        assertThat(CustomerPanelView.csatText(null, new I18n(), DATES)).isEqualTo("CSAT: sin datos");
    }

    @Test
    void aProfileFromAServerThatDoesNotCountSatisfiedRatingsShowsTheAverage() throws Exception {
        Csat old = Json.MAPPER.readValue("{\"ratings\":2,\"average\":4.5,\"sent\":2,\"recent\":[]}", Csat.class);
        assertThat(old.satisfied()).isNull();
        assertThat(old.satisfiedShare()).isEmpty();
        assertThat(CustomerPanelView.csatText(old, new I18n(), DATES)).startsWith("CSAT dado: 4,5 de 5 (2 valoraciones)");
        Csat now = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(fixture()), Csat.class);
        assertThat(now).isEqualTo(fixture());
    }
}
