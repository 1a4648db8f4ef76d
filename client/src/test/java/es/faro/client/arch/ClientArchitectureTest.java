package es.faro.client.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's structural rules from DESIGN.md: dependencies point client → protocol ← server. */
class ClientArchitectureTest {
    private static JavaClasses client;

    @BeforeAll
    static void importClasses() {
        client = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("es.faro.client");
    }

    @Test
    void clientReachesServerCodeOnlyThroughTheEmbeddedEntryPoint() {
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "server classes other than es.faro.server.embedded.EmbeddedServer",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("es.faro.server")
                                && !c.getName().startsWith("es.faro.server.embedded.EmbeddedServer")))
                .check(client);
    }

    @Test
    void onlyTheAppLayerStartsTheEmbeddedServer() {
        noClasses().that().resideOutsideOfPackage("es.faro.client.app..")
                .should().dependOnClassesThat().resideInAPackage("es.faro.server..")
                .check(client);
    }

    @Test
    void cacheAndSyncKnowNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage("es.faro.client.cache..", "es.faro.client.sync..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(client);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true)
                .check(client);
    }

    @Test
    void noStandardStreamsAndLoggingThroughSlf4j() {
        // One documented exception: `Faro --version` answers on standard output, before logging exists.
        noClasses().that().doNotHaveFullyQualifiedName("es.faro.client.app.VersionCommand")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("output goes through SLF4J; only the --version answer is written to stdout")
                .check(client);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(client);
    }
}
