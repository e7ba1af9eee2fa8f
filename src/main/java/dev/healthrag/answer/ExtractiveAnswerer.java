package dev.healthrag.answer;

import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.retrieval.Terms;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers without a model: picks the sentences of the retrieved chunks that share the most (and the
 * rarest) words with the question, favouring better-ranked chunks, and prints them in reading order,
 * each with its source marker.
 */
public final class ExtractiveAnswerer {

    private static final int MAX_SENTENCES = 4;
    private static final int MAX_PER_CHUNK = 2;
    private static final int MIN_SENTENCE_CHARS = 25;

    private ExtractiveAnswerer() {
    }

    private record Candidate(int source, int order, String text, double score) {
    }

    /** @return text whose markers [n] refer to {@code sources.get(n - 1)} */
    public static String answer(String question, List<RetrievedChunk> sources) {
        Set<String> questionTerms = new HashSet<>(Terms.of(question));
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<List<String>> sentencesBySource = new ArrayList<>();
        for (RetrievedChunk source : sources) {
            List<String> sentences = sentences(source.text());
            sentencesBySource.add(sentences);
            for (String sentence : sentences) {
                new HashSet<>(Terms.of(sentence)).forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
            }
        }
        int sentenceCount = Math.max(1, documentFrequency.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        for (int s = 0; s < sources.size(); s++) {
            Set<String> headingTerms = new HashSet<>(Terms.of(sources.get(s).heading() + " " + sources.get(s).title()));
            double rankPrior = 1.0 / (1 + s);
            List<String> sentences = sentencesBySource.get(s);
            for (int i = 0; i < sentences.size(); i++) {
                double overlap = 0;
                for (String term : new HashSet<>(Terms.of(sentences.get(i)))) {
                    if (questionTerms.contains(term)) {
                        overlap += Math.log(1.0 + (double) sentenceCount / documentFrequency.getOrDefault(term, 1));
                    }
                }
                long headingMatches = questionTerms.stream().filter(headingTerms::contains).count();
                double score = overlap + 0.5 * headingMatches + rankPrior;
                candidates.add(new Candidate(s, i, sentences.get(i), score));
            }
        }
        return compose(select(candidates));
    }

    private static List<Candidate> select(List<Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        Map<Integer, Integer> perSource = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Candidate candidate : ranked) {
            if (chosen.size() == MAX_SENTENCES) {
                break;
            }
            String key = candidate.text().toLowerCase(Locale.ROOT);
            // Overlapping chunks repeat sentences; the same sentence twice reads like a bug.
            if (seen.add(key) && perSource.merge(candidate.source(), 1, Integer::sum) <= MAX_PER_CHUNK) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparingInt(Candidate::source).thenComparingInt(Candidate::order));
        return chosen;
    }

    private static String compose(List<Candidate> chosen) {
        StringBuilder text = new StringBuilder();
        int previousSource = -1;
        for (Candidate candidate : chosen) {
            if (previousSource != -1) {
                text.append(candidate.source() == previousSource ? " " : "\n\n");
            }
            String sentence = candidate.text().startsWith("- ") ? candidate.text().substring(2) : candidate.text();
            text.append(sentence).append(" [").append(candidate.source() + 1).append("]");
            previousSource = candidate.source();
        }
        return text.toString();
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String block : text.split("\\n+")) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            iterator.setText(block);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                String sentence = block.substring(start, end).strip();
                if (sentence.length() >= MIN_SENTENCE_CHARS) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
