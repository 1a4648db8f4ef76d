package es.faro.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("es.faro.server");
    }

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void neverDependsOnTheClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("es.faro.client..").check(classes);
    }

    @Test
    void noSystemOutOrErr() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }

    @Test
    void loggingGoesThroughSlf4j() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
        noClasses().should().dependOnClassesThat().resideInAPackage("ch.qos.logback..").check(classes);
    }

    @Test
    void storeDoesNotKnowAboutHttp() {
        noClasses().that().resideInAPackage("es.faro.server.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "es.faro.server.http..")
                .check(classes);
    }
}
