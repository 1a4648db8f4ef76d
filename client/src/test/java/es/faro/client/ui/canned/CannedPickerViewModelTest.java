package es.faro.client.ui.canned;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.TestData;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CannedPickerViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    final SimpleStringProperty text = new SimpleStringProperty("");
    final SimpleObjectProperty<Conversation> conversation = new SimpleObjectProperty<>();
    final List<String> used = new ArrayList<>();
    CannedPickerViewModel vm;

    static CannedResponse canned(String id, String brand, String lang, String shortcut, String title, String body,
                                 int usage) {
        return new CannedResponse(id, brand, lang, "F", title, shortcut, body, List.of(), null, usage);
    }

    @BeforeEach
    void setUp() {
        vm = new CannedPickerViewModel(TestData.ANA, text, conversation,
                id -> Optional.of(new Brand(id, id.equals("orange") ? "Orange" : id, "#f60", Map.of())),
                new SameThreadTaskRunner(), ZoneId.of("Europe/Madrid"));
        vm.useUsageRecorder(used::add);
        vm.setSearch(new CannedSearch(List.of(
                canned("saludo", null, "es", "saludo", "Saludo", "¡Hola, {{customer.first_name}}! Soy {{agent.name}}.", 5),
                canned("pedido", "orange", "es", "pedido", "Estado del pedido",
                        "Tu pedido {{ask:Número de pedido}} de {{brand}} sale hoy ({{ask:Número de pedido}}).", 1),
                canned("amena", "amena", "es", "pedido-amena", "Pedido Amena", "Amena", 99),
                canned("english", null, "en", "hello", "Hello", "Hello {{customer.name}}", 99)), "u-ana"));
        conversation.set(TestData.conversation("c1", "orange", Channel.TWITTER, "Elena Ruiz", "elena", Priority.P3,
                null, Duration.ofHours(1), NOW, "hola"));
    }

    void type(String s) {
        text.set(s);
        vm.caretMoved(s, s.length());
    }

    @Test
    void slashOpensOnlyAtLineStartOrAfterSpace() {
        assertThat(CannedPickerViewModel.triggerAt("/ped", 4)).isZero();
        assertThat(CannedPickerViewModel.triggerAt("hola\n/ped", 9)).isEqualTo(5);
        assertThat(CannedPickerViewModel.triggerAt("hola /", 6)).isEqualTo(5);
        assertThat(CannedPickerViewModel.triggerAt("y/o", 3)).isEqualTo(-1);
        assertThat(CannedPickerViewModel.triggerAt("/ped ido", 8)).isEqualTo(-1);
        assertThat(CannedPickerViewModel.triggerAt("", 0)).isEqualTo(-1);

        type("Hola y/o");
        assertThat(vm.openProperty().get()).isFalse();
        type("Hola /");
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.items()).extracting(CannedResponse::id).containsExactly("saludo", "pedido");
        type("Hola / ");
        assertThat(vm.openProperty().get()).isFalse();
    }

    @Test
    void filtersToTheConversationsBrandAndLanguage() {
        type("/ped");
        assertThat(vm.queryProperty().get()).isEqualTo("ped");
        assertThat(vm.items()).extracting(CannedResponse::id).containsExactly("pedido");
        conversation.set(null);
        type("/ped");
        assertThat(vm.openProperty().get()).as("no conversation, no picker").isFalse();
    }

    @Test
    void promptedVariablesAreAskedThenFilledWithThePlaceholders() {
        type("Buenas. /ped");
        vm.move(1);
        CannedPickerViewModel.Pending p = vm.accept().orElseThrow();
        assertThat(vm.openProperty().get()).isFalse();
        assertThat(p.prompts()).containsExactly("Número de pedido");
        int caret = vm.complete(p, Map.of("Número de pedido", "A-77"));
        assertThat(text.get()).isEqualTo("Buenas. Tu pedido A-77 de Orange sale hoy (A-77).");
        assertThat(caret).isEqualTo(text.get().length());
        assertThat(used).containsExactly("pedido");
    }

    @Test
    void responsesStackAndTextAfterTheCaretStays() {
        type("/salu");
        vm.complete(vm.accept().orElseThrow(), Map.of());
        assertThat(text.get()).isEqualTo("¡Hola, Elena! Soy Ana García.");
        String withTail = text.get() + " /ped";
        type(withTail);
        CannedPickerViewModel.Pending p = vm.accept().orElseThrow();
        vm.complete(p, Map.of());
        assertThat(text.get()).isEqualTo("¡Hola, Elena! Soy Ana García. Tu pedido {{ask:Número de pedido}} de Orange"
                + " sale hoy ({{ask:Número de pedido}}).");
        text.set("abc XYZ");
        vm.caretMoved("abc XYZ", 3);
        text.set("abc/ XYZ");
        vm.caretMoved("abc/ XYZ", 4);
        assertThat(vm.openProperty().get()).isFalse();
        text.set("abc / XYZ");
        vm.caretMoved("abc / XYZ", 5);
        vm.complete(vm.accept().orElseThrow(), Map.of());
        assertThat(text.get()).isEqualTo("abc ¡Hola, Elena! Soy Ana García. XYZ");
        assertThat(used).containsExactly("saludo", "pedido", "saludo");
    }

    @Test
    void escapeClosesAndNothingIsAccepted() {
        type("/");
        vm.close();
        assertThat(vm.accept()).isEmpty();
        assertThat(vm.values()).containsEntry("customer.handle", "@elena").containsEntry("brand", "Orange")
                .containsEntry("agent.first_name", "Ana");
    }
}
