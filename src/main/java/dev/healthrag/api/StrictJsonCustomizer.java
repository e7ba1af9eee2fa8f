package dev.healthrag.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A request body is one JSON document: {@code {"question":"a"}{"question":"b"}} or an object followed by text is
 * a 400, not the first object with the rest ignored. Set on the shared mapper because Jackson has no per-type
 * switch for it; a well-formed document from any other source is unaffected.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
