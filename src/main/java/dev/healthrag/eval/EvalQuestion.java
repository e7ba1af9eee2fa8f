package dev.healthrag.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of a questions.jsonl file: the question, the ids of the articles that answer it, and the reference
 * answer's text when the file has one (null otherwise; only the answer evaluation reads it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String question, Set<String> relevant, String answer) {

    public static List<EvalQuestion> read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<EvalQuestion> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            EvalQuestion question;
            try {
                question = mapper.readValue(lines.get(i), EvalQuestion.class);
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a JSON question: " + e.getMessage(), e);
            }
            if (question.question() == null || question.relevant() == null || question.relevant().isEmpty()) {
                throw new IOException(file + " line " + (i + 1) + " needs \"question\" and a non-empty \"relevant\"");
            }
            questions.add(question);
        }
        return questions;
    }
}
