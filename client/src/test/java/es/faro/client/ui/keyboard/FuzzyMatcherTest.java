package es.faro.client.ui.keyboard;

import static es.faro.client.ui.keyboard.FuzzyMatcher.fold;
import static es.faro.client.ui.keyboard.FuzzyMatcher.score;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyMatcherTest {

    @Test
    void foldsCaseAndAccents() {
        assertThat(fold("Días de PORTABILIDAD")).isEqualTo("dias de portabilidad");
        assertThat(fold(null)).isEmpty();
    }

    @Test
    void lettersMustAppearInOrder() {
        assertThat(score("prt", fold("Portabilidad"))).isPositive();
        assertThat(score("tpr", fold("Portabilidad"))).isZero();
        assertThat(score("portabilidadx", fold("Portabilidad"))).isZero();
        assertThat(score("", "anything")).isPositive();
    }

    @Test
    void prefixBeatsWordStartBeatsMiddleBeatsScattered() {
        int prefix = score("fib", fold("Fibra caída"));
        int wordStart = score("fib", fold("Avería de fibra"));
        int middle = score("ibr", fold("Avería de fibra"));
        int scattered = score("fba", fold("Avería de fibra"));
        assertThat(prefix).isGreaterThan(wordStart);
        assertThat(wordStart).isGreaterThan(middle);
        assertThat(middle).isGreaterThan(scattered);
        assertThat(scattered).isPositive();
    }

    @Test
    void wordInitialsScoreAboveLooseLetters() {
        assertThat(score("pdp", fold("Plazos de portabilidad")))
                .isGreaterThan(score("pdp", fold("pagado por un tiempo adicional")));
        assertThat(score("mi pe", fold("Mi pedido"))).isGreaterThan(score("mi pe", fold("mira el pedido")));
    }
}
