package io.arbiter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/ARCHITECTURE.md, checked on the compiled classes so a stray import fails the build. */
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
        noClasses()
                .that()
                .resideInAPackage("io.arbiter.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void coreKnowsNothingOfTheLayersAboveIt() {
        noClasses()
                .that()
                .resideInAPackage("io.arbiter.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.arbiter.ui..", "io.arbiter.cli..", "io.arbiter.offline..")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateButNoNodes() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void offlineServerDoesNotReachIntoTheUi() {
        noClasses()
                .that()
                .resideInAPackage("io.arbiter.offline..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.arbiter.ui..", "io.arbiter.cli..")
                .check(classes);
    }

    @Test
    void cliNeverReachesIntoTheUi() {
        noClasses()
                .that()
                .resideInAPackage("io.arbiter.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.arbiter.ui..")
                .check(classes);
    }

    /**
     * Core's own order, bottom to top: what a package may use. A new arrow upward (say, the engine reading the
     * project file) fails here and is a design change to make in docs/ARCHITECTURE.md first.
     */
    @Test
    void corePackagesFollowTheirOrder() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Dataset")
                .definedBy("io.arbiter.core.dataset..")
                .layer("Llm")
                .definedBy("io.arbiter.core.llm..")
                .layer("Prompt")
                .definedBy("io.arbiter.core.prompt..")
                .layer("Verdict")
                .definedBy("io.arbiter.core.verdict..")
                .layer("Metrics")
                .definedBy("io.arbiter.core.metrics..")
                .layer("Review")
                .definedBy("io.arbiter.core.review..")
                .layer("Scheme")
                .definedBy("io.arbiter.core.scheme..")
                .layer("Run")
                .definedBy("io.arbiter.core.run..")
                .layer("Store")
                .definedBy("io.arbiter.core.store..")
                .layer("Export")
                .definedBy("io.arbiter.core.export..")
                .layer("Project")
                .definedBy("io.arbiter.core.project..")
                .whereLayer("Dataset")
                .mayNotAccessAnyLayer()
                .whereLayer("Llm")
                .mayNotAccessAnyLayer()
                .whereLayer("Prompt")
                .mayOnlyAccessLayers("Dataset")
                .whereLayer("Verdict")
                .mayOnlyAccessLayers("Dataset")
                .whereLayer("Metrics")
                .mayOnlyAccessLayers("Dataset", "Verdict")
                .whereLayer("Review")
                .mayOnlyAccessLayers("Metrics", "Verdict", "Dataset")
                .whereLayer("Scheme")
                .mayOnlyAccessLayers("Dataset", "Llm", "Prompt", "Verdict", "Metrics", "Review")
                .whereLayer("Run")
                .mayOnlyAccessLayers("Dataset", "Llm", "Prompt", "Verdict", "Metrics", "Review", "Scheme")
                .whereLayer("Store")
                .mayOnlyAccessLayers("Llm", "Review", "Run", "Dataset", "Verdict", "Metrics", "Prompt", "Scheme")
                .whereLayer("Export")
                .mayOnlyAccessLayers("Dataset", "Llm", "Metrics", "Review", "Run", "Verdict", "Prompt", "Scheme")
                .check(classes);
    }
}
