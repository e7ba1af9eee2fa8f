package dev.healthrag.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Request fields that take exactly the JSON type they declare. Jackson by default turns {@code 123} into
 * {@code "123"} and {@code 5.5} into {@code 5}; a client sending those has a bug it should hear about, so each
 * mismatch is a {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}, a 400 naming the field.
 * Local to the API's records, not set on the shared ObjectMapper, so the LLM client's parsing is untouched.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A JSON string; numbers, booleans, arrays and objects are refused. */
    public static final class Text extends StdScalarDeserializer<String> {
        public Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return parser.getText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }

    /** A JSON integer that fits an int; fractions, strings and booleans are refused. */
    public static final class WholeNumber extends StdScalarDeserializer<Integer> {
        public WholeNumber() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            return (Integer) context.handleUnexpectedToken(Integer.class, parser);
        }
    }

    /** A JSON boolean; the strings "true" and "false", numbers and the rest are refused. */
    public static final class Flag extends StdScalarDeserializer<Boolean> {
        public Flag() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_TRUE) || parser.hasToken(JsonToken.VALUE_FALSE)) {
                return parser.getBooleanValue();
            }
            return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
        }
    }
}
