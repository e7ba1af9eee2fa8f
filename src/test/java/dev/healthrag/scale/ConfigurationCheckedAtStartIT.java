package dev.healthrag.scale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value its bean refuses stops the packaged service at start, naming the key, instead of passing the health
 * checks and failing the first request that needs the bean (a 500 for every search, or no breaker at all).
 * One key per bean that checks its configuration when it is made.
 */
class ConfigurationCheckedAtStartIT {

    private static final String JDBC_URL = Optional.ofNullable(System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL"))
            .orElse("jdbc:postgresql://localhost:5432/healthrag_test");
    private static final Duration START = Duration.ofSeconds(120);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "healthrag.retrieval.article-vectors-mb, -1",
            "healthrag.conversation.retention-days, 0",
            "healthrag.llm.breaker.failure-ratio, 0",
            "healthrag.llm.search-query.min-words, 0"})
    void givenAValueItsBeanRefuses_whenTheServiceStarts_thenItExitsNamingTheKey(String key, String value)
            throws Exception {
        Path log = Path.of("target", "configuration-checked", key + ".log");
        try (ServiceInstance service = ServiceInstance.serve(JDBC_URL, log, "-D" + key + "=" + value)) {
            int exit = service.awaitExit(START);

            String output = Files.readString(log);
            assertNotEquals(0, exit, output);
            assertTrue(output.contains(key + " must be"), "the start failure names " + key + ":\n" + output);
        }
    }
}
