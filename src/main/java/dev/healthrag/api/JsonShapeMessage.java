package dev.healthrag.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What to fix in a body that is valid JSON but not the request's shape, in the client's terms: the field's
 * JSON path and the JSON type it takes. Jackson's own message names Java classes and quotes the input.
 */
final class JsonShapeMessage {

    private static final String EXAMPLE = " Send an object such as {\"question\": \"...\"}.";

    private JsonShapeMessage() {
    }

    static String of(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return "The request body has more after its JSON object; send exactly one JSON object." + EXAMPLE;
        }
        if (e.getPath().isEmpty()) {
            return "The request body must be a JSON object." + EXAMPLE;
        }
        String field = e.getPath().stream().map(JsonShapeMessage::step).collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return "The request body is JSON, but " + field + " must be " + type(e.getTargetType()) + "." + EXAMPLE;
    }

    private static String step(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static String type(Class<?> target) {
        if (target == null) {
            return "another JSON type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class) {
            return "a whole number";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "an array";
        }
        return "an object";
    }
}
