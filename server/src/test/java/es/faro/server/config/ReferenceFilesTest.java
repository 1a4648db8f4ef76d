package es.faro.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.protocol.model.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReferenceFilesTest {

    @Test
    void bundledCopyHasTheDemoData() {
        ReferenceSeed seed = new ReferenceFiles(null).load();
        assertThat(seed.brands()).extracting(b -> b.id()).contains("orange", "jazztel", "amena", "simyo", "republica");
        assertThat(seed.brands().get(0).account(Channel.TWITTER)).isPresent();
        assertThat(seed.users()).extracting(UserSeed::username).contains("ana", "pablo", "lucia", "admin", "datos");
        assertThat(seed.users()).allMatch(UserSeed::demoOnly);
        assertThat(seed.slaPolicies()).isNotEmpty();
        assertThat(seed.calendars()).isNotEmpty();
    }

    @Test
    void aFolderOverridesFileByFile() throws Exception {
        Path dir = Files.createTempDirectory("faro-ref");
        Files.writeString(dir.resolve("brands.json"),
                "[{\"id\":\"solo\",\"name\":\"Solo\",\"color\":\"#000000\",\"accounts\":{\"TWITTER\":{\"id\":\"9\",\"handle\":\"@solo\"}}}]");
        ReferenceSeed seed = new ReferenceFiles(dir).load();
        assertThat(seed.brands()).extracting(b -> b.id()).containsExactly("solo");
        assertThat(seed.users()).isNotEmpty();
    }

    @Test
    void anInvalidFileNamesItself() throws Exception {
        Path dir = Files.createTempDirectory("faro-ref");
        Files.writeString(dir.resolve("queues.json"), "{\"not\":\"a list\"}");
        assertThatThrownBy(() -> new ReferenceFiles(dir).load()).hasMessageContaining("queues.json");
    }
}
