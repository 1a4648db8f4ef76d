package es.faro.client.ui.slaadmin;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Channel;
import es.faro.protocol.sla.Holiday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The admin's SLA screen: a tab of policies (ordered: the first match applies) and a tab of
 * business-hours calendars with their weekday periods and holidays. The form on the right edits the
 * draft selected on the left; nothing reaches the server until Save, which checks everything first.
 */
public final class SlaAdminView {
    private final SlaAdminViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final List<Runnable> policyUnbind = new ArrayList<>();
    private final List<Runnable> calendarUnbind = new ArrayList<>();

    public SlaAdminView(SlaAdminViewModel vm, List<String> brandIds, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.getStyleClass().add("sla-admin");

        Label title = new Label(i18n.get("slaadmin.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Button reload = new Button(i18n.get("slaadmin.reload"), new FontIcon(Material2OutlinedMZ.REFRESH));
        reload.setId("slaadmin-reload");
        reload.setOnAction(e -> vm.load());
        Button save = new Button(i18n.get("slaadmin.save"), new FontIcon(Material2OutlinedMZ.SAVE));
        save.setId("slaadmin-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        reload.disableProperty().bind(vm.busyProperty());
        HBox top = new HBox(10, title, new Spacer(), reload, save);
        top.getStyleClass().add("sla-admin-bar");
        root.setTop(top);

        Tab policies = new Tab(i18n.get("slaadmin.tab.policies"), policiesPane(brandIds));
        policies.setId("slaadmin-tab-policies");
        Tab calendars = new Tab(i18n.get("slaadmin.tab.calendars"), calendarsPane());
        calendars.setId("slaadmin-tab-calendars");
        TabPane tabs = new TabPane(policies, calendars);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);

        Label status = new Label();
        status.setId("slaadmin-status");
        status.textProperty().bind(vm.statusProperty().map(i18n::get).orElse(""));
        VBox problems = new VBox(2);
        problems.setId("slaadmin-problems");
        problems.getStyleClass().add("sla-admin-problems");
        vm.problemsProperty().subscribe(list -> problems.getChildren().setAll(list.stream().map(p -> {
            Label l = new Label("• " + i18n.get(p));
            l.getStyleClass().add(Styles.DANGER);
            l.setWrapText(true);
            return l;
        }).toList()));
        ScrollPane problemsScroll = new ScrollPane(problems);
        problemsScroll.setFitToWidth(true);
        problemsScroll.setMaxHeight(140);
        problemsScroll.visibleProperty().bind(vm.problemsProperty().map(l -> !l.isEmpty()));
        problemsScroll.managedProperty().bind(problemsScroll.visibleProperty());
        VBox bottom = new VBox(6, problemsScroll, status);
        bottom.getStyleClass().add("sla-admin-bottom");
        root.setBottom(bottom);
    }

    public Parent root() {
        return root;
    }

    // ---- policies ----

    private Parent policiesPane(List<String> brandIds) {
        ListView<PolicyDraft> list = new ListView<>(vm.policies());
        list.setId("slaadmin-policy-list");
        list.setCellFactory(v -> labelledCell(PolicyDraft::label));
        list.setPrefWidth(300);
        selectionBothWays(list, vm.selectedPolicyProperty());
        Button add = iconButton("slaadmin-policy-add", Material2OutlinedAL.ADD, "slaadmin.policy.add");
        add.setOnAction(e -> vm.addPolicy());
        Button remove = iconButton("slaadmin-policy-remove", Material2OutlinedAL.DELETE, "slaadmin.policy.remove");
        remove.setOnAction(e -> vm.removePolicy());
        Button up = iconButton("slaadmin-policy-up", Material2OutlinedAL.ARROW_UPWARD, "slaadmin.policy.up");
        up.setOnAction(e -> vm.movePolicy(-1));
        Button down = iconButton("slaadmin-policy-down", Material2OutlinedAL.ARROW_DOWNWARD, "slaadmin.policy.down");
        down.setOnAction(e -> vm.movePolicy(1));
        Label order = new Label(i18n.get("slaadmin.policy.order"));
        order.setWrapText(true);
        order.getStyleClass().add(Styles.TEXT_MUTED);
        VBox left = new VBox(6, list, new HBox(4, add, remove, up, down), order);
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField id = field("policy-id");
        TextField name = field("policy-name");
        CheckComboBox<String> brands = new CheckComboBox<>();
        brands.setId("policy-brands");
        brands.getItems().setAll(brandIds);
        brands.setTitle(null);
        CheckComboBox<Channel> channels = new CheckComboBox<>();
        channels.setId("policy-channels");
        channels.getItems().setAll(Channel.values());
        channels.setConverter(converter(c -> i18n.get(es.faro.client.ui.common.ChannelIcons.nameKey(c))));
        CheckComboBox<es.faro.protocol.model.Priority> priorities = new CheckComboBox<>();
        priorities.setId("policy-priorities");
        priorities.getItems().setAll(es.faro.protocol.model.Priority.values());
        TextField first = field("policy-first");
        TextField next = field("policy-next");
        TextField resolution = field("policy-resolution");
        for (TextField t : new TextField[] {first, next, resolution}) {
            t.setPromptText(i18n.get("slaadmin.target.prompt"));
        }
        TextField warn = field("policy-warn");
        ComboBox<String> calendar = new ComboBox<>();
        calendar.setId("policy-calendar");
        calendar.setMaxWidth(Double.MAX_VALUE);
        Runnable calendarIds = () -> calendar.getItems().setAll(vm.calendars().stream()
                .map(c -> c.idProperty().get()).toList());
        vm.calendars().addListener((ListChangeListener<CalendarDraft>) c -> calendarIds.run());
        calendar.setOnShowing(e -> {
            String keep = calendar.getValue();
            calendarIds.run();
            calendar.setValue(keep);
        });
        calendar.setConverter(converter(cid -> vm.calendars().stream().filter(c -> c.idProperty().get().equals(cid))
                .findFirst().map(c -> c.label() + " (" + cid + ")").orElse(cid)));

        GridPane form = form();
        int row = 0;
        row = addRow(form, row, "slaadmin.field.id", id);
        row = addRow(form, row, "slaadmin.field.name", name);
        row = addRow(form, row, "slaadmin.field.brands", brands);
        row = addRow(form, row, "slaadmin.field.channels", channels);
        row = addRow(form, row, "slaadmin.field.priorities", priorities);
        Label any = new Label(i18n.get("slaadmin.match.any"));
        any.getStyleClass().add(Styles.TEXT_MUTED);
        form.add(any, 1, row++);
        row = addRow(form, row, "slaadmin.field.firstResponse", first);
        row = addRow(form, row, "slaadmin.field.nextResponse", next);
        row = addRow(form, row, "slaadmin.field.resolution", resolution);
        row = addRow(form, row, "slaadmin.field.warn", warn);
        addRow(form, row, "slaadmin.field.calendar", calendar);
        form.disableProperty().bind(vm.selectedPolicyProperty().isNull());

        vm.selectedPolicyProperty().subscribe(d -> {
            policyUnbind.forEach(Runnable::run);
            policyUnbind.clear();
            if (d == null) {
                return;
            }
            calendarIds.run();
            bind(policyUnbind, id.textProperty(), d.idProperty());
            bind(policyUnbind, name.textProperty(), d.nameProperty());
            bind(policyUnbind, first.textProperty(), d.firstResponseProperty());
            bind(policyUnbind, next.textProperty(), d.nextResponseProperty());
            bind(policyUnbind, resolution.textProperty(), d.resolutionProperty());
            bind(policyUnbind, warn.textProperty(), d.warnPercentProperty());
            bind(policyUnbind, calendar.valueProperty(), d.calendarIdProperty());
            checks(policyUnbind, brands, d.brands());
            checks(policyUnbind, channels, d.channels());
            checks(policyUnbind, priorities, d.priorities());
            // The list shows names: refresh it as the name is typed.
            Runnable refresh = list::refresh;
            javafx.beans.value.ChangeListener<String> l = (o, a, b) -> refresh.run();
            d.nameProperty().addListener(l);
            policyUnbind.add(() -> d.nameProperty().removeListener(l));
        });
        return split(left, form);
    }

    // ---- calendars ----

    private Parent calendarsPane() {
        ListView<CalendarDraft> list = new ListView<>(vm.calendars());
        list.setId("slaadmin-calendar-list");
        list.setCellFactory(v -> labelledCell(CalendarDraft::label));
        list.setPrefWidth(300);
        selectionBothWays(list, vm.selectedCalendarProperty());
        Button add = iconButton("slaadmin-calendar-add", Material2OutlinedAL.ADD, "slaadmin.calendar.add");
        add.setOnAction(e -> vm.addCalendar());
        Button remove = iconButton("slaadmin-calendar-remove", Material2OutlinedAL.DELETE, "slaadmin.calendar.remove");
        remove.setOnAction(e -> vm.removeCalendar());
        VBox left = new VBox(6, list, new HBox(4, add, remove));
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField id = field("calendar-id");
        TextField name = field("calendar-name");
        TextField zone = field("calendar-zone");
        CheckBox alwaysOpen = new CheckBox(i18n.get("slaadmin.calendar.alwaysOpen"));
        alwaysOpen.setId("calendar-247");
        GridPane form = form();
        int row = 0;
        row = addRow(form, row, "slaadmin.field.id", id);
        row = addRow(form, row, "slaadmin.field.name", name);
        row = addRow(form, row, "slaadmin.field.zone", zone);
        form.add(alwaysOpen, 1, row++);
        Label hint = new Label(i18n.get("slaadmin.periods.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        form.add(hint, 1, row++);
        List<TextField> dayFields = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            TextField periods = field("calendar-" + day.name());
            periods.setPromptText(i18n.get("slaadmin.periods.closed"));
            periods.disableProperty().bind(alwaysOpen.selectedProperty());
            dayFields.add(periods);
            row = addRow(form, row, "slaadmin.day." + day.name().toLowerCase(Locale.ROOT), periods);
        }

        ListView<Holiday> holidays = new ListView<>();
        holidays.setId("calendar-holidays");
        holidays.setPrefHeight(180);
        holidays.setCellFactory(v -> labelledCell(h -> h.date() + " · "
                + i18n.get("slaadmin.holiday.scope." + h.scope().name().toLowerCase(Locale.ROOT))
                + (h.name().isEmpty() ? "" : " · " + h.name())));
        DatePicker date = new DatePicker();
        date.setId("holiday-date");
        date.setPromptText(i18n.get("slaadmin.holiday.date"));
        date.setConverter(DATES);
        TextField holidayName = field("holiday-name");
        holidayName.setPromptText(i18n.get("slaadmin.holiday.name"));
        ComboBox<Holiday.Scope> scope = new ComboBox<>();
        scope.setId("holiday-scope");
        scope.getItems().setAll(Holiday.Scope.values());
        scope.setValue(Holiday.Scope.NATIONAL);
        scope.setConverter(converter(s -> i18n.get("slaadmin.holiday.scope." + s.name().toLowerCase(Locale.ROOT))));
        Label holidayProblem = new Label();
        holidayProblem.setId("holiday-problem");
        holidayProblem.getStyleClass().add(Styles.DANGER);
        Button addHoliday = iconButton("holiday-add", Material2OutlinedAL.ADD, "slaadmin.holiday.add");
        addHoliday.setText(i18n.get("slaadmin.holiday.add"));
        addHoliday.setOnAction(e -> {
            LocalDate picked = typedDate(date);
            List<UiText> problem = vm.addHoliday(picked, holidayName.getText(), scope.getValue());
            holidayProblem.setText(problem.isEmpty() ? "" : i18n.get(problem.get(0)));
            if (problem.isEmpty()) {
                date.setValue(null);
                date.getEditor().clear();
                holidayName.clear();
            }
        });
        Button removeHoliday = iconButton("holiday-remove", Material2OutlinedAL.DELETE, "slaadmin.holiday.remove");
        removeHoliday.setOnAction(e -> vm.removeHoliday(holidays.getSelectionModel().getSelectedItem()));
        removeHoliday.disableProperty().bind(holidays.getSelectionModel().selectedItemProperty().isNull());
        HBox holidayEntry = new HBox(6, date, holidayName, scope, addHoliday, removeHoliday);
        HBox.setHgrow(holidayName, Priority.ALWAYS);
        Label holidaysTitle = new Label(i18n.get("slaadmin.holidays"));
        holidaysTitle.getStyleClass().add(Styles.TITLE_4);
        VBox holidayBox = new VBox(6, holidaysTitle, holidays, holidayEntry, holidayProblem);
        form.add(holidayBox, 0, row, 2, 1);
        form.disableProperty().bind(vm.selectedCalendarProperty().isNull());

        vm.selectedCalendarProperty().subscribe(d -> {
            calendarUnbind.forEach(Runnable::run);
            calendarUnbind.clear();
            holidayProblem.setText("");
            if (d == null) {
                holidays.setItems(javafx.collections.FXCollections.observableArrayList());
                return;
            }
            bind(calendarUnbind, id.textProperty(), d.idProperty());
            bind(calendarUnbind, name.textProperty(), d.nameProperty());
            bind(calendarUnbind, zone.textProperty(), d.zoneProperty());
            bind(calendarUnbind, alwaysOpen.selectedProperty(), d.alwaysOpenProperty());
            DayOfWeek[] days = DayOfWeek.values();
            for (int i = 0; i < days.length; i++) {
                bind(calendarUnbind, dayFields.get(i).textProperty(), d.periodsProperty(days[i]));
            }
            holidays.setItems(d.holidays());
            javafx.beans.value.ChangeListener<String> l = (o, a, b) -> list.refresh();
            d.nameProperty().addListener(l);
            calendarUnbind.add(() -> d.nameProperty().removeListener(l));
        });
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        return split(left, scroll);
    }

    /** Dates as people in Spain write them (24/12/2026), or ISO (2026-12-24); unreadable text is no date. */
    private static final StringConverter<LocalDate> DATES = new StringConverter<>() {
        private final java.time.format.DateTimeFormatter shown = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        private final java.time.format.DateTimeFormatter typed = java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu");

        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : shown.format(date);
        }

        @Override
        public LocalDate fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip(), typed);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(text.strip());
                } catch (DateTimeParseException again) {
                    return null;
                }
            }
        }
    };

    /** The date typed or picked (the text is read too: a typed date counts before the picker commits it). */
    private static LocalDate typedDate(DatePicker picker) {
        String text = picker.getEditor().getText();
        return text != null && !text.isBlank() ? DATES.fromString(text) : picker.getValue();
    }

    // ---- helpers ----

    private static <T> void bind(List<Runnable> unbind, Property<T> control, Property<T> draft) {
        control.bindBidirectional(draft);
        unbind.add(() -> control.unbindBidirectional(draft));
    }

    /** Keeps a CheckComboBox's checks and a draft's list equal while the draft is selected. */
    private static <T> void checks(List<Runnable> unbind, CheckComboBox<T> box, ObservableList<T> draft) {
        box.getCheckModel().clearChecks();
        draft.forEach(box.getCheckModel()::check);
        ListChangeListener<T> l = c -> {
            List<T> checked = box.getItems().stream().filter(box.getCheckModel()::isChecked).toList();
            if (!checked.equals(draft)) {
                draft.setAll(checked);
            }
        };
        box.getCheckModel().getCheckedItems().addListener(l);
        unbind.add(() -> box.getCheckModel().getCheckedItems().removeListener(l));
    }

    private static <T> void selectionBothWays(ListView<T> list, Property<T> selected) {
        list.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null) {
                selected.setValue(item);
            }
        });
        selected.subscribe(item -> {
            if (item != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(item);
            }
        });
    }

    private static <T> ListCell<T> labelledCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return es.faro.client.ui.common.DisplayConverter.nonNull(text);
    }

    private Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tipKey) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(i18n.get(tipKey)));
        b.setAccessibleText(i18n.get(tipKey));
        return b;
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        return t;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(4, 12, 12, 12));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(170);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        return form;
    }

    private int addRow(GridPane form, int row, String labelKey, javafx.scene.control.Control control) {
        Label label = new Label(i18n.get(labelKey));
        label.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        form.add(label, 0, row);
        form.add(control, 1, row);
        return row + 1;
    }

    private static Parent split(Parent left, Parent right) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(left, right);
        split.setDividerPositions(0.28);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }
}
