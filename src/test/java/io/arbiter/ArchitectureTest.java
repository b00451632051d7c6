package io.arbiter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of ARCHITECTURE.md, checked on the compiled classes so a stray import fails the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.arbiter");
    }

    @Test
    void coreNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("io.arbiter.core..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void coreKnowsNothingOfTheLayersAboveIt() {
        noClasses().that().resideInAPackage("io.arbiter.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.arbiter.ui..", "io.arbiter.cli..", "io.arbiter.offline..")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateButNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void offlineServerDoesNotReachIntoTheUi() {
        noClasses().that().resideInAPackage("io.arbiter.offline..")
                .should().dependOnClassesThat().resideInAnyPackage("io.arbiter.ui..", "io.arbiter.cli..")
                .check(classes);
    }
}
