package dev.healthrag.answer.extractive;

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
 * Answers without a model: picks the sentences of the retrieved chunks closest in meaning to the question
 * (word overlap and source rank break ties), and prints them in reading order, each with its source marker.
 */
public final class ExtractiveAnswerer {

    private static final int MAX_SENTENCES = 4;
    private static final int MAX_PER_CHUNK = 2;
    private static final int MIN_SENTENCE_CHARS = 25;
    private static final int SHORTLIST = 10;
    /** Sentences this far below the best one in meaning are left out rather than padded in. */
    private static final double MAX_GAP = 0.12;

    private ExtractiveAnswerer() {
    }

    private record Candidate(int source, int order, String text, double score) {
    }

    /** Scores sentences by meaning against the question: cosine similarity of their embeddings. */
    public interface SentenceSimilarity {
        double[] of(String question, List<String> sentences);
    }

    /**
     * @param similarity how close each candidate sentence is to the question in meaning; word overlap alone
     *                   picks sentences that merely repeat the question's everyday words
     * @return text whose markers [n] refer to {@code sources.get(n - 1)}
     */
    public static String answer(String question, List<RetrievedChunk> sources, SentenceSimilarity similarity) {
        Set<String> questionTerms = new HashSet<>(Terms.of(question));
        List<Candidate> lexical = new ArrayList<>();
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
            List<String> sentences = sentencesBySource.get(s);
            for (int i = 0; i < sentences.size(); i++) {
                double overlap = 0;
                for (String term : new HashSet<>(Terms.of(sentences.get(i)))) {
                    if (questionTerms.contains(term)) {
                        overlap += Math.log(1.0 + (double) sentenceCount / documentFrequency.getOrDefault(term, 1));
                    }
                }
                lexical.add(new Candidate(s, i, sentences.get(i), overlap + 1.0 / (1 + s)));
            }
        }
        // Meaning decides among the best lexical candidates and every source's opening sentence (which
        // often state the answer in words the question does not use); embedding them all would be slow.
        List<Candidate> shortlist = new ArrayList<>(lexical);
        shortlist.sort(Comparator.comparingDouble(Candidate::score).reversed());
        Set<Candidate> pool = new java.util.LinkedHashSet<>(shortlist.subList(0, Math.min(SHORTLIST, shortlist.size())));
        lexical.stream().filter(c -> c.order() == 0).forEach(pool::add);
        List<Candidate> candidates = new ArrayList<>(pool);
        double[] meaning = similarity.of(question, candidates.stream().map(Candidate::text).toList());
        double maxLexical = candidates.stream().mapToDouble(Candidate::score).max().orElse(1);
        List<Candidate> scored = new ArrayList<>(candidates.size());
        for (int c = 0; c < candidates.size(); c++) {
            Candidate candidate = candidates.get(c);
            scored.add(new Candidate(candidate.source(), candidate.order(), candidate.text(),
                    meaning[c] + 0.1 * candidate.score() / maxLexical));
        }
        return compose(select(scored));
    }

    private static List<Candidate> select(List<Candidate> candidates) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        double floor = ranked.isEmpty() ? 0 : ranked.get(0).score() - MAX_GAP;
        ranked.removeIf(candidate -> candidate.score() < floor);
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
