package es.faro.client.ui.queues;

import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.CheckCombos;
import es.faro.client.ui.common.DisplayConverter;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import org.controlsfx.control.CheckComboBox;

/**
 * Lays out a {@link QueueFilterForm}: a name, a check-combo per list part of the filter, the
 * assignee and the ordering, and (for shared queues) push mode. Node ids start with {@code idPrefix}
 * so the admin screen and the personal-view dialog can both be driven by tests.
 */
public final class QueueFilterEditor {
    private final GridPane root = new GridPane();

    public QueueFilterEditor(QueueFilterForm form, ReferenceIndex ref, I18n i18n, String idPrefix, boolean shared) {
        TextField name = new TextField();
        name.setId(idPrefix + "name");
        name.setPromptText(i18n.get("queues.admin.name"));
        name.textProperty().bindBidirectional(form.nameProperty());

        CheckComboBox<String> brands = checks(idPrefix + "brands", ref.visibleBrands().stream().map(Brand::id).toList(),
                id -> ref.brand(id).map(Brand::name).orElse(id), form.brands(), i18n);
        CheckComboBox<Channel> channels = checks(idPrefix + "channels", List.of(Channel.values()),
                c -> i18n.get(ChannelIcons.nameKey(c)), form.channels(), i18n);
        CheckComboBox<String> labels = checks(idPrefix + "labels", ref.labels().stream().map(Label::id).toList(),
                ref::labelName, form.labels(), i18n);
        CheckComboBox<Priority> priorities = checks(idPrefix + "priorities", List.of(Priority.values()),
                p -> i18n.get("priority." + p.name().toLowerCase(Locale.ROOT)), form.priorities(), i18n);
        // No status ticked means the default set, not every status.
        CheckComboBox<ConversationStatus> statuses = CheckCombos.of(idPrefix + "statuses",
                List.of(ConversationStatus.values()),
                s -> i18n.get("conversation.status." + s.name().toLowerCase(Locale.ROOT)), form.statuses(),
                i18n.get("queues.filter.defaultStatuses"));

        ComboBox<String> assignee = new ComboBox<>();
        assignee.setId(idPrefix + "assignee");
        List<String> who = new ArrayList<>(List.of(QueueFilterForm.ANYONE, Workqueue.ME, Workqueue.UNASSIGNED));
        ref.agents().stream().map(Agent::id).forEach(who::add);
        assignee.getItems().setAll(who);
        assignee.setConverter(DisplayConverter.nonNull(a -> switch (a) {
            case QueueFilterForm.ANYONE -> i18n.get("queues.filter.anyone");
            case Workqueue.ME -> i18n.get("queues.filter.me");
            case Workqueue.UNASSIGNED -> i18n.get("queues.filter.unassigned");
            default -> ref.agent(a).map(Agent::name).orElse(a);
        }));
        assignee.valueProperty().bindBidirectional(form.assigneeProperty());
        assignee.setMaxWidth(Double.MAX_VALUE);

        ComboBox<Workqueue.Ordering> ordering = new ComboBox<>();
        ordering.setId(idPrefix + "ordering");
        ordering.getItems().setAll(Workqueue.Ordering.values());
        ordering.setConverter(DisplayConverter.nonNull(o -> i18n.get("queues.filter.ordering."
                + o.name().toLowerCase(Locale.ROOT))));
        ordering.valueProperty().bindBidirectional(form.orderingProperty());
        ordering.setMaxWidth(Double.MAX_VALUE);

        root.setHgap(10);
        root.setVgap(8);
        ColumnConstraints labelsColumn = new ColumnConstraints();
        labelsColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(220, 320, Double.MAX_VALUE);
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        root.getColumnConstraints().setAll(labelsColumn, fields);
        int row = 0;
        root.addRow(row++, label(i18n.get("queues.admin.name")), name);
        root.addRow(row++, label(i18n.get("queues.admin.brands")), brands);
        root.addRow(row++, label(i18n.get("queues.admin.channels")), channels);
        root.addRow(row++, label(i18n.get("queues.admin.labels")), labels);
        root.addRow(row++, label(i18n.get("queues.admin.priorities")), priorities);
        root.addRow(row++, label(i18n.get("queues.filter.statuses")), statuses);
        root.addRow(row++, label(i18n.get("queues.filter.assignee")), assignee);
        root.addRow(row++, label(i18n.get("queues.filter.ordering")), ordering);
        if (shared) {
            CheckBox push = new CheckBox(i18n.get("queues.admin.push"));
            push.setId(idPrefix + "push");
            push.selectedProperty().bindBidirectional(form.pushProperty());
            root.addRow(row, new javafx.scene.control.Label(), push);
        }
    }

    public GridPane root() {
        return root;
    }

    private static javafx.scene.control.Label label(String text) {
        javafx.scene.control.Label l = new javafx.scene.control.Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> CheckComboBox<T> checks(String id, List<T> options, Function<T, String> show,
                                               ObservableList<T> target, I18n i18n) {
        return CheckCombos.of(id, options, show, target, i18n.get("queues.filter.all"));
    }
}
