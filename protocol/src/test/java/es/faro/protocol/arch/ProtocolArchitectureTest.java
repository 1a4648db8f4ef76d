package es.faro.protocol.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The protocol is the wire model both sides share: no UI, no database, no HTTP, no server or client code. */
class ProtocolArchitectureTest {
    private final JavaClasses protocol = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("es.faro.protocol");

    @Test
    void protocolStaysFreeOfUiDatabaseAndHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.sql..", "okhttp3..", "io.javalin..", "org.eclipse.jetty..",
                        "es.faro.server..", "es.faro.client..")
                .check(protocol);
    }

    @Test
    void noStandardStreams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(protocol);
    }
}
