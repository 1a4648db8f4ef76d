package es.faro.protocol.sla;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Named holidays (national or regional) on the wire, old calendars without them, and their closed days. */
class NamedHolidaysTest {

    @Test
    void aCalendarWithoutNamedHolidaysStillParsesAndKeepsItsDates() {
        BusinessCalendar cal = Json.read(("{\"id\":\"c\",\"name\":\"C\",\"zone\":\"Europe/Madrid\",\"alwaysOpen\":false,"
                + "\"hours\":{\"MONDAY\":[{\"from\":\"09:00\",\"to\":\"14:00\"}]},\"holidays\":[\"2026-12-07\"]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), BusinessCalendar.class);
        assertThat(cal.namedHolidays()).isEmpty();
        assertThat(cal.holidays()).containsExactly(LocalDate.parse("2026-12-07"));
    }

    @Test
    void namedHolidaysRoundTripAndCloseTheirDay() {
        BusinessCalendar cal = Json.read(("{\"id\":\"c\",\"name\":\"C\",\"zone\":\"Europe/Madrid\",\"alwaysOpen\":false,"
                + "\"hours\":{\"MONDAY\":[{\"from\":\"09:00\",\"to\":\"14:00\"}]},\"holidays\":[],"
                + "\"namedHolidays\":[{\"date\":\"2026-05-04\",\"name\":\"Día de la Comunidad (trasladado)\","
                + "\"scope\":\"REGIONAL\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BusinessCalendar.class);
        assertThat(cal.namedHolidays()).containsExactly(
                new Holiday(LocalDate.parse("2026-05-04"), "Día de la Comunidad (trasladado)", Holiday.Scope.REGIONAL));
        assertThat(cal.holidays()).containsExactly(LocalDate.parse("2026-05-04"));
        assertThat(Json.read(Json.writeBytes(cal), BusinessCalendar.class)).isEqualTo(cal);
        // Monday 4 May 2026 is closed: an hour from 09:00 Madrid ends on Monday 11 May at 10:00 (UTC+2).
        assertThat(cal.plus(Instant.parse("2026-05-04T07:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-05-11T08:00:00Z"));
        assertThat(new BusinessCalendar("c", "C", null, true, null, null, List.of()).namedHolidays()).isEmpty();
    }
}
