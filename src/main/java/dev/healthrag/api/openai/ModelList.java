package dev.healthrag.api.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** OpenAI's model list: {@code {"object": "list", "data": [model, ...]}}. */
public record ModelList(String object, List<Model> data) {

    /** One model as OpenAI describes it; {@code created} is in seconds since the epoch. */
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
    }
}
