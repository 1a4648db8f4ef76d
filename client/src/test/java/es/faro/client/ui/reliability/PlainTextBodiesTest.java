package es.faro.client.ui.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Nothing in a customer's message can run or load anything: the client shows bodies as plain text
 * (labels), and no class of it may use a web view, an HTML editor or a scripting engine.
 */
class PlainTextBodiesTest {

    @Test
    void noWebViewHtmlOrScriptingAnywhereInTheClient() {
        JavaClasses client = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("es.faro.client");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx.scene.web..", "javax.script..")
                .because("message bodies are plain text: nothing in a customer message may render HTML or run")
                .check(client);
    }
}
