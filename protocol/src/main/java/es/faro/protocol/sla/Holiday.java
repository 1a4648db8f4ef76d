package es.faro.protocol.sla;

import java.time.LocalDate;

/**
 * A named holiday of a calendar and whether it is national or regional (e.g. 2026-05-02, "Día de la
 * Comunidad de Madrid", REGIONAL). The calendar is closed on its date either way; the name and scope
 * are for the people who maintain the calendar.
 */
public record Holiday(LocalDate date, String name, Scope scope) {
    /** National holidays apply across the country, regional ones to one region (comunidad autónoma). */
    public enum Scope { NATIONAL, REGIONAL }

    public Holiday {
        if (date == null) {
            throw new IllegalArgumentException("a holiday needs a date");
        }
        name = name == null ? "" : name.strip();
        scope = scope == null ? Scope.NATIONAL : scope;
    }
}
