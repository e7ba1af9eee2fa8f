package dev.healthrag.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The service's layers: api → conversation → answer → retrieval → store, each using only the ones below it
 * (skipping is allowed, going up is not; conversation implements answer's rewriting and recording steps); ingest writes through store; embedding and text serve everyone. The tools that
 * measure or drive the service (cli, bench, eval) sit outside its request path: nothing in it depends on them.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.healthrag");

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Api").definedBy("dev.healthrag.api..")
                .layer("Conversation").definedBy("dev.healthrag.conversation..")
                .layer("Answer").definedBy("dev.healthrag.answer..")
                .layer("Retrieval").definedBy("dev.healthrag.retrieval..")
                .layer("Ingest").definedBy("dev.healthrag.ingest..")
                .layer("Store").definedBy("dev.healthrag.store..")
                .layer("Embedding").definedBy("dev.healthrag.embedding..")
                .layer("Text").definedBy("dev.healthrag.text..")
                .layer("Tools").definedBy("dev.healthrag.cli..", "dev.healthrag.bench..", "dev.healthrag.eval..")
                .whereLayer("Tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Tools")
                .whereLayer("Conversation").mayOnlyBeAccessedByLayers("Api", "Tools")
                .whereLayer("Answer").mayOnlyBeAccessedByLayers("Conversation", "Api", "Tools")
                .whereLayer("Retrieval").mayOnlyBeAccessedByLayers("Conversation", "Answer", "Api", "Tools")
                .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Tools")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Conversation", "Retrieval", "Ingest", "Api", "Tools")
                .whereLayer("Embedding").mayOnlyBeAccessedByLayers("Answer", "Retrieval", "Ingest", "Store", "Api",
                        "Tools")
                .check(CLASSES);
    }

    @Test
    void answeringNeverReachesTheStoreAroundRetrieval() {
        noClasses().that().resideInAPackage("dev.healthrag.answer..")
                .should().dependOnClassesThat().resideInAPackage("dev.healthrag.store..")
                .because("answers draw on what retrieval returns; the store's SQL-bound types stay below it")
                .check(CLASSES);
    }
}
