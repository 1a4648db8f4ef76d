package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.sync.ConnectionState;
import es.faro.client.sync.ConnectionState.Status;
import es.faro.client.ui.common.I18n;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private final I18n es = new I18n();
    private final StatusBarViewModel vm = new StatusBarViewModel("Ana García", ZoneId.of("Europe/Madrid"));

    @Test
    void saysWhereTheLinkStandsInWords() {
        vm.update(new ConnectionState(Status.ONLINE, 0, 0, null, 0, null));
        assertThat(es.get(vm.connectionTextProperty().get())).isEqualTo("Conectado");
        assertThat(vm.pendingTextProperty().get()).isNull();

        vm.update(new ConnectionState(Status.SYNCING, 120, 500, null, 0, null));
        assertThat(es.get(vm.connectionTextProperty().get())).isEqualTo("Sincronizando 120/500");

        vm.update(new ConnectionState(Status.OFFLINE, 0, 0, Instant.parse("2026-11-26T09:42:00Z"), 3, "timeout"));
        assertThat(es.get(vm.connectionTextProperty().get())).isEqualTo("Sin conexión desde 10:42");
        assertThat(es.get(vm.pendingTextProperty().get())).isEqualTo("3 cambios pendientes");
        assertThat(vm.agentNameProperty().get()).isEqualTo("Ana García");
    }
}
