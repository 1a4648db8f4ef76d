package es.faro.protocol.canned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedTemplateTest {

    @Test
    void fillsKnownPlaceholdersAndAnswersAndKeepsUnknownOnes() {
        String body = "¡Hola, {{customer.name}}! Soy {{ agent.name }} de {{brand}}. Pedido {{ask:Número de pedido}}"
                + " ({{ask:Número de pedido}}), {{otra.cosa}}.";
        String filled = CannedTemplate.fill(body,
                Map.of(CannedTemplate.CUSTOMER_NAME, "Elena", CannedTemplate.AGENT_NAME, "Ana", CannedTemplate.BRAND,
                        "Orange"),
                Map.of("Número de pedido", "A-123"));
        assertThat(filled).isEqualTo("¡Hola, Elena! Soy Ana de Orange. Pedido A-123 (A-123), {{otra.cosa}}.");
    }

    @Test
    void missingValuesLeaveThePlaceholderForTheAgent() {
        assertThat(CannedTemplate.fill("Hola {{customer.name}} y {{ask:Ref}}", Map.of(), Map.of("Ref", " ")))
                .isEqualTo("Hola {{customer.name}} y {{ask:Ref}}");
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        values.put(CannedTemplate.CUSTOMER_NAME, null);
        assertThat(CannedTemplate.fill("Hola {{customer.name}}", values, Map.of())).isEqualTo("Hola {{customer.name}}");
    }

    @Test
    void promptsAreListedOnceInOrder() {
        assertThat(CannedTemplate.prompts("{{ask:B}} {{ask: A }} {{ask:B}} {{brand}} {{ask:}}"))
                .containsExactly("B", "A");
        assertThat(CannedTemplate.prompts(null)).isEmpty();
        assertThat(CannedTemplate.placeholders("{{brand}} {{ask:X}} {{brand}} {{customer.name}}"))
                .containsExactly("brand", "customer.name");
        assertThat(CannedTemplate.unknownPlaceholders("{{brand}} {{custmer.name}}")).containsExactly("custmer.name");
    }

    @Test
    void replacementTextIsLiteral() {
        assertThat(CannedTemplate.fill("{{ask:Q}}", Map.of(), Map.of("Q", "$1 \\ ok"))).isEqualTo("$1 \\ ok");
        assertThat(CannedTemplate.firstName(" Elena Ruiz ")).isEqualTo("Elena");
        assertThat(CannedTemplate.firstName(" ")).isNull();
    }
}
