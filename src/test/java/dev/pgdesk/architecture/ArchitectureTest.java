package dev.pgdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.pgdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDoesNotUseJavaFx = noClasses()
            .that()
            .resideOutsideOfPackage("dev.pgdesk.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.fxmisc..", "org.controlsfx..", "com.sun.javafx..")
            .because("the core is driven by the command line and by tests without a screen;"
                    + " everything JavaFX lives under dev.pgdesk.ui");

    @ArchTest
    static final ArchRule coreDoesNotUseTheUi = noClasses()
            .that()
            .resideOutsideOfPackage("dev.pgdesk.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.pgdesk.ui..")
            .because("the UI is a thin layer of views over the core, never the other way round");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.pgdesk.(**)")
            .should()
            .beFreeOfCycles()
            .because("a cycle makes two packages one, and the layering unreadable");

    @ArchTest
    static final ArchRule logsThroughSlf4j = noClasses()
            .that()
            .resideOutsideOfPackage("dev.pgdesk.cli..")
            .should()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace")
            .because("only the command line writes to the standard streams; everything else logs through SLF4J");
}
