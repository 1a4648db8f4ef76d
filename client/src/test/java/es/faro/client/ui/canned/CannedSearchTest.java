package es.faro.client.ui.canned;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.model.CannedResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class CannedSearchTest {
    static CannedResponse canned(String id, String brand, String lang, String shortcut, String title, String body,
                                 String owner, int usage) {
        return new CannedResponse(id, brand, lang, "F", title, shortcut, body, List.of(), owner, usage);
    }

    static final List<CannedResponse> ALL = List.of(
            canned("saludo", null, "es", "saludo", "Saludo", "¡Hola, {{customer.name}}!", null, 3),
            canned("saludo-en", null, "en", "hello", "Greeting", "Hi {{customer.name}}!", null, 50),
            canned("averia", "orange", "es", "averia", "Avería de fibra", "Hay una incidencia en tu zona", null, 1),
            canned("amena", "amena", "es", "amena", "Saludo Amena", "Hola desde Amena", null, 90),
            canned("mio", null, "es", "sal2", "Saludo mío", "Hola", "u-ana", 0),
            canned("suyo", null, "es", "sal3", "Saludo de Pablo", "Hola", "u-pablo", 0),
            canned("gracias", null, "es", "gracias", "Agradecer", "Gracias por tu paciencia, saludos", null, 7));

    static List<String> ids(List<CannedSearch.Hit> hits) {
        return hits.stream().map(h -> h.response().id()).toList();
    }

    @Test
    void filtersToBrandLanguageAndOwner() {
        CannedSearch search = new CannedSearch(ALL, "u-ana");
        assertThat(ids(search.search("", "orange", "es", 50)))
                .containsExactlyInAnyOrder("saludo", "averia", "mio", "gracias");
        assertThat(ids(search.search("", "amena", "en", 50))).containsExactly("saludo-en");
        assertThat(search.size()).isEqualTo(6);
    }

    @Test
    void sortsByMatchQualityThenUsage() {
        CannedSearch search = new CannedSearch(ALL, "u-ana");
        // "sal": shortcut prefix for saludo and sal2 (same quality: usage decides), body-only for gracias.
        assertThat(ids(search.search("sal", "orange", "es", 50))).containsExactly("saludo", "mio", "gracias");
        assertThat(ids(search.search("fibra", "orange", "es", 50))).containsExactly("averia");
        assertThat(ids(search.search("avria", "orange", "es", 50))).containsExactly("averia");
        assertThat(ids(search.search("", "orange", "es", 2))).containsExactly("gracias", "saludo");
        assertThat(search.search("zzz", "orange", "es", 50)).isEmpty();
    }
}
