package es.faro.client.ui.common;

import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckComboBox;

/** ControlsFX check-combos kept equal to a view model's list, both ways. */
public final class CheckCombos {
    private CheckCombos() {
    }

    /**
     * A check-combo over {@code options} whose checks follow {@code target} and change it. Values in
     * {@code target} that are not offered (e.g. something deleted since) stay visible and checked;
     * {@code none} shows as the title while nothing is checked.
     */
    public static <T> CheckComboBox<T> of(String id, List<T> options, Function<T, String> show,
                                          ObservableList<T> target, String none) {
        CheckComboBox<T> box = new CheckComboBox<>();
        box.setId(id);
        box.getItems().setAll(options);
        box.setConverter(DisplayConverter.nonNull(show::apply));
        box.setMaxWidth(Double.MAX_VALUE);
        boolean[] syncing = {false};
        Runnable title = () -> box.setTitle(target.isEmpty() ? none : null);
        // The skin reads the title only when the checks change: set it first.
        Runnable fromTarget = () -> {
            title.run();
            syncing[0] = true;
            try {
                target.stream().filter(v -> !box.getItems().contains(v)).forEach(box.getItems()::add);
                box.getCheckModel().clearChecks();
                target.forEach(box.getCheckModel()::check);
            } finally {
                syncing[0] = false;
            }
        };
        fromTarget.run();
        ListChangeListener<T> follow = c -> {
            title.run();
            List<T> checked = box.getItems().stream().filter(box.getCheckModel()::isChecked).toList();
            if (!syncing[0] && !new HashSet<>(checked).equals(new HashSet<>(target))) {
                fromTarget.run();
            }
        };
        // Weak: a row's control may be rebuilt while its list lives on.
        target.addListener(new javafx.collections.WeakListChangeListener<>(follow));
        box.getProperties().put(CheckCombos.class, follow); // keeps the listener as long as the control
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (syncing[0]) {
                return;
            }
            List<T> checked = box.getItems().stream().filter(box.getCheckModel()::isChecked).toList();
            if (!checked.equals(List.copyOf(target))) {
                target.setAll(checked);
            }
        });
        return box;
    }
}
