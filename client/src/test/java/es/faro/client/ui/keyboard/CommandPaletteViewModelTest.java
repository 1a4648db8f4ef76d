package es.faro.client.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class CommandPaletteViewModelTest {

    @Test
    void searchesEverySourceAndRunsTheChoice() {
        List<String> ran = new ArrayList<>();
        CommandPaletteViewModel vm = new CommandPaletteViewModel();
        vm.addSource(() -> List.of(new PaletteItem(PaletteItem.Kind.ACTION, "Resolver la conversación", "E",
                () -> ran.add("resolve")), new PaletteItem(PaletteItem.Kind.ACTION, "Paleta", "Ctrl+K", () -> { })));
        vm.addSource(() -> List.of(new PaletteItem(PaletteItem.Kind.QUEUE, "Ir a la cola Jazztel", "3",
                () -> ran.add("jazztel")), new PaletteItem(PaletteItem.Kind.QUEUE, "Ir a la cola Orange", "5",
                () -> ran.add("orange"))));
        vm.show();
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.results()).hasSize(4);
        vm.queryProperty().set("jaz");
        assertThat(vm.results()).extracting(PaletteItem::label).containsExactly("Ir a la cola Jazztel");
        vm.queryProperty().set("cola");
        assertThat(vm.results()).hasSize(2);
        vm.move(1);
        vm.move(-1);
        assertThat(vm.selectedProperty().get()).isZero();
        vm.select(vm.results().stream().map(PaletteItem::label).toList().indexOf("Ir a la cola Orange"));
        assertThat(vm.runSelected()).isTrue();
        assertThat(ran).containsExactly("orange");
        assertThat(vm.openProperty().get()).isFalse();

        vm.show();
        vm.queryProperty().set("rslv");
        assertThat(vm.results()).extracting(PaletteItem::label).containsExactly("Resolver la conversación");
        vm.runSelected();
        assertThat(ran).containsExactly("orange", "resolve");
        vm.show();
        vm.queryProperty().set("qqqq");
        assertThat(vm.results()).isEmpty();
        assertThat(vm.runSelected()).isFalse();
    }

    @Test
    void registryReplacesByIdAndRunsOnlyEnabledActions() {
        ActionRegistry registry = new ActionRegistry();
        List<String> ran = new ArrayList<>();
        SimpleBooleanProperty enabled = new SimpleBooleanProperty(false);
        registry.register(AppAction.of("a/x", "keys.action.next", "g", "X", enabled, () -> ran.add("first")));
        registry.register(AppAction.of("a/x", "keys.action.next", "g", "X", enabled, () -> ran.add("second")));
        assertThat(registry.actions()).hasSize(1);
        assertThat(registry.run("a/x")).isFalse();
        enabled.set(true);
        assertThat(registry.run("a/x")).isTrue();
        assertThat(registry.run("a/none")).isFalse();
        assertThat(ran).containsExactly("second");
        assertThat(Shortcuts.display("Shortcut+K")).endsWith("+K");
    }
}
