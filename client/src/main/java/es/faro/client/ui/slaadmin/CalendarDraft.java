package es.faro.client.ui.slaadmin;

import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.Holiday;
import es.faro.protocol.sla.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One business-hours calendar being edited: time zone, 24/7 or the open periods of each weekday as
 * typed ({@code 09:00-14:00, 16:00-20:00}), and its holidays with name and scope.
 */
public final class CalendarDraft {
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty zone = new SimpleStringProperty(this, "zone", "Europe/Madrid");
    private final BooleanProperty alwaysOpen = new SimpleBooleanProperty(this, "alwaysOpen");
    private final Map<DayOfWeek, StringProperty> periods = new EnumMap<>(DayOfWeek.class);
    private final ObservableList<Holiday> holidays = FXCollections.observableArrayList();

    public CalendarDraft() {
        for (DayOfWeek d : DayOfWeek.values()) {
            periods.put(d, new SimpleStringProperty(this, d.name(), ""));
        }
    }

    public static CalendarDraft of(BusinessCalendar c) {
        CalendarDraft d = new CalendarDraft();
        d.id.set(c.id());
        d.name.set(c.name());
        d.zone.set(c.zone().getId());
        d.alwaysOpen.set(c.alwaysOpen());
        c.hours().forEach((day, ranges) -> d.periods.get(day).set(PeriodsText.format(ranges)));
        // Every closed day is shown; unnamed ones (from older files) as national without a name.
        Set<LocalDate> named = new HashSet<>();
        c.namedHolidays().forEach(h -> named.add(h.date()));
        List<Holiday> all = new ArrayList<>(c.namedHolidays());
        c.holidays().stream().filter(date -> !named.contains(date))
                .forEach(date -> all.add(new Holiday(date, "", Holiday.Scope.NATIONAL)));
        all.sort(java.util.Comparator.comparing(Holiday::date));
        d.holidays.setAll(all);
        return d;
    }

    /** The calendar; call only when {@link SlaAdminViewModel#validate()} found no problem. */
    BusinessCalendar toCalendar() {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        if (!alwaysOpen.get()) {
            periods.forEach((day, text) -> {
                List<TimeRange> ranges = PeriodsText.parse(text.get()).stream().map(PeriodsText.Period::range).toList();
                if (!ranges.isEmpty()) {
                    hours.put(day, ranges);
                }
            });
        }
        Set<LocalDate> dates = new HashSet<>();
        List<Holiday> named = new ArrayList<>();
        for (Holiday h : holidays) {
            dates.add(h.date());
            if (!h.name().isEmpty() || h.scope() != Holiday.Scope.NATIONAL) {
                named.add(h);
            }
        }
        return new BusinessCalendar(id.get().strip(), name.get().strip(), ZoneId.of(zone.get().strip()),
                alwaysOpen.get(), hours, dates, named);
    }

    public String label() {
        return name.get() == null || name.get().isBlank() ? id.get() : name.get();
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public BooleanProperty alwaysOpenProperty() {
        return alwaysOpen;
    }

    /** The typed open periods of a weekday. */
    public StringProperty periodsProperty(DayOfWeek day) {
        return periods.get(day);
    }

    public ObservableList<Holiday> holidays() {
        return holidays;
    }
}
