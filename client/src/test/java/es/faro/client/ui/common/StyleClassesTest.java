package es.faro.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Switching within a family of style classes touches the list only when the class changes. */
class StyleClassesTest {
    private static final List<String> FAMILY = SlaFormat.ALL;

    @Test
    void choosingTheClassAlreadySetChangesNothingAndAnotherOneSwapsIt() {
        ObservableList<String> classes = FXCollections.observableArrayList("label", "sla");
        List<ListChangeListener.Change<? extends String>> changes = new ArrayList<>();
        classes.addListener((ListChangeListener<String>) changes::add);

        StyleClasses.choose(classes, FAMILY, SlaFormat.OK);
        assertThat(classes).containsExactly("label", "sla", SlaFormat.OK);
        assertThat(changes).hasSize(1);

        // A repaint in the same state (every second for a countdown): no change, so no CSS pass.
        StyleClasses.choose(classes, FAMILY, SlaFormat.OK);
        assertThat(changes).hasSize(1);

        StyleClasses.choose(classes, FAMILY, SlaFormat.WARNING);
        assertThat(classes).containsExactly("label", "sla", SlaFormat.WARNING);
        assertThat(changes).hasSize(3);

        StyleClasses.choose(classes, FAMILY, null);
        assertThat(classes).containsExactly("label", "sla");
        StyleClasses.choose(classes, FAMILY, null);
        assertThat(changes).hasSize(4);
    }

    @Test
    void strayClassesOfTheFamilyAreRemovedEvenWhenTheWantedOneIsThere() {
        ObservableList<String> classes = FXCollections.observableArrayList(SlaFormat.OK, "sla", SlaFormat.BREACHED);
        StyleClasses.choose(classes, FAMILY, SlaFormat.BREACHED);
        assertThat(classes).containsExactly("sla", SlaFormat.BREACHED);
    }
}
