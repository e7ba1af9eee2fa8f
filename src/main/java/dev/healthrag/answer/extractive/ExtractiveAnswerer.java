package dev.healthrag.answer.extractive;

import dev.healthrag.retrieval.QuestionIntent;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.retrieval.Terms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers without a model by quoting passages, not loose sentences: one contiguous passage from the section
 * that best answers the question, then at most {@value #MAX_SUPPORTING} shorter ones from other sources that
 * answer it nearly as well, each marked [n] with its source.
 *
 * <p>A passage is a run of {@link Atom}s in source order ({@link Passage#from}), so a list is never quoted without
 * its lead-in nor a lead-in without its list, and a passage never starts with a sentence that leans on the one
 * before it. Candidates start at every atom that can start one; they are ranked cheaply first (the source's
 * similarity from retrieval, whether its heading names what the question asks for, and the question's rare words
 * it uses), and only a shortlist of at most {@value #MAX_EMBEDDED} is compared with the question by meaning.
 * A {@link ResourceList} (where else to read) is quoted alone, up to its own items, and never in support.
 */
public final class ExtractiveAnswerer {

    static final int MIN_WORDS = 40;
    static final int MAX_WORDS = 120;
    /**
     * A supporting passage corroborates in a sentence or two (its first whole sentence or list item even when
     * longer) rather than answering a second time; the runs that chose it over 60 are in docs/performance.md.
     */
    static final int MAX_SUPPORTING_WORDS = 40;
    static final int MAX_SUPPORTING = 2;
    /**
     * Texts embedded per answer: the latency of the extractive step is mostly these embeddings. 5 candidates of 40
     * words answered both MedQuAD question files as well as 8 of 70, in about half the time (docs/performance.md).
     */
    static final int MAX_EMBEDDED = 5;
    private static final int MAX_CANDIDATES_PER_SOURCE = 3;
    /** Words of a candidate that are embedded: its opening says what it is about, and tokens cost time. */
    private static final int EMBEDDED_WORDS = 40;
    /** A heading that names what is asked ("Symptoms" for "what are the symptoms") outweighs small gaps in meaning. */
    private static final double INTENT_WEIGHT = 0.06;
    private static final double WORD_WEIGHT = 0.03;
    /** Sections usually open with their answer, so a passage from a section's start is slightly preferred. */
    private static final double OPENING_WEIGHT = 0.02;
    /** A supporting passage must score this close to the main one, or it dilutes more than it adds. */
    private static final double SUPPORT_GAP = 0.02;
    /**
     * Retrieval is unsure which article a question is about when another article's best fused score comes within
     * this share of the leading article's: real messages (rambling, misspelt, naming a condition in lay words) often
     * end there, a question that names its article rarely does. Then the answer also quotes that other article,
     * within {@link #UNSURE_SUPPORT_GAP}, so that the reader sees both sources rather than only the one that ranked
     * first by a hair. Both chosen with ./healthrag eval --answers on both MedQuAD question files (docs/performance.md).
     */
    private static final double UNSURE_SCORE_SHARE = 0.8;
    private static final double UNSURE_SUPPORT_GAP = 0.10;
    /**
     * Weight of the place of the source's article in retrieval's ranking, as weight / (1 + place): the fused
     * ranking (dense, full text, article names) knows better than one passage's cosine similarity which article the
     * question is about, while within an article the heading and the passage's meaning pick the section. Chosen
     * with ./healthrag eval --answers on both MedQuAD question files (docs/performance.md).
     */
    private static final double RANK_WEIGHT = 0.15;

    private ExtractiveAnswerer() {
    }

    /** Scores passages by meaning against the question: cosine similarity of their embeddings. */
    public interface PassageSimilarity {
        double[] of(String question, List<String> passages);
    }

    private record Candidate(Passage passage, double prior, boolean answersIntent) {
    }

    /** {@code score} ranks the main passage (with the source's retrieval place); {@code fit} compares passages. */
    private record Scored(Candidate candidate, double score, double fit) {
    }

    /**
     * @param similarity how close each candidate passage is to the question in meaning
     * @return text whose markers [n] refer to {@code sources.get(n - 1)}; empty when no source has text to quote
     */
    public static String answer(String question, List<RetrievedChunk> sources, PassageSimilarity similarity) {
        List<List<Atom>> atoms = sources.stream().map(source -> SourceAtoms.of(source.text(), source.heading())).toList();
        List<Candidate> candidates = candidates(question, sources, atoms);
        if (candidates.isEmpty()) {
            return "";
        }
        List<Scored> ranked = ranked(question, sources, shortlist(candidates, sources), similarity);
        StringBuilder draft = new StringBuilder();
        for (Passage passage : chosen(ranked, sources, atoms)) {
            draft.append(draft.isEmpty() ? "" : "\n\n").append(passage.draft(passage.source() + 1));
        }
        return draft.toString();
    }

    /** A passage from every atom of every source that can open one, with its prior (before any embedding). */
    private static List<Candidate> candidates(String question, List<RetrievedChunk> sources, List<List<Atom>> atoms) {
        Set<QuestionIntent> intents = QuestionIntent.of(question);
        WordWeights words = WordWeights.of(question, atoms);
        List<Candidate> candidates = new ArrayList<>();
        for (int s = 0; s < sources.size(); s++) {
            for (Passage passage : candidatesOf(s, atoms.get(s), MAX_WORDS)) {
                boolean answers = QuestionIntent.answeredBy(intents, passage.section());
                double prior = sources.get(s).similarity() + (answers ? INTENT_WEIGHT : 0)
                        + WORD_WEIGHT * words.share(passage) + (opensSection(passage, atoms.get(s)) ? OPENING_WEIGHT : 0);
                candidates.add(new Candidate(passage, prior, answers));
            }
        }
        return candidates;
    }

    /** The shortlist compared with the question by meaning and ranked, best first. */
    private static List<Scored> ranked(String question, List<RetrievedChunk> sources, List<Candidate> shortlist,
                                       PassageSimilarity similarity) {
        double[] meaning = similarity.of(question, shortlist.stream()
                .map(c -> embeddedText(sources.get(c.passage().source()), c.passage())).toList());
        int[] articlePlace = articlePlaces(sources);
        List<Scored> ranked = new ArrayList<>();
        for (int i = 0; i < shortlist.size(); i++) {
            Candidate candidate = shortlist.get(i);
            double retrieval = sources.get(candidate.passage().source()).similarity();
            // The passage's own meaning replaces its source's, which the prior stood in for.
            double fit = candidate.prior() - retrieval + meaning[i];
            ranked.add(new Scored(candidate, fit + RANK_WEIGHT / (1 + articlePlace[candidate.passage().source()]), fit));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        return ranked;
    }

    /** The main passage, then at most {@value #MAX_SUPPORTING} supporting ones from other sources. */
    private static List<Passage> chosen(List<Scored> ranked, List<RetrievedChunk> sources, List<List<Atom>> atoms) {
        Scored main = ranked.get(0);
        List<Passage> chosen = new ArrayList<>(List.of(main.candidate().passage()));
        Map<String, Double> articleScores = bestScoreByArticle(sources);
        double leadingScore = articleScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (Scored other : ranked.subList(1, ranked.size())) {
            if (chosen.size() == MAX_SUPPORTING + 1) {
                break;
            }
            Passage candidate = other.candidate().passage();
            if (candidate.pointsElsewhere()) {
                continue;
            }
            String article = sources.get(candidate.source()).articleId();
            boolean unsureAlternative = articleScores.get(article) >= UNSURE_SCORE_SHARE * leadingScore
                    && chosen.stream().noneMatch(p -> sources.get(p.source()).articleId().equals(article));
            if (other.fit() < main.fit() - (unsureAlternative ? UNSURE_SUPPORT_GAP : SUPPORT_GAP)) {
                continue;
            }
            Passage passage = Passage.from(candidate.source(), atoms.get(candidate.source()), candidate.start(), 0,
                    MAX_SUPPORTING_WORDS);
            boolean sameKind = other.candidate().answersIntent() || !main.candidate().answersIntent();
            // One that opens by announcing a list could quote only its first item: it would corroborate nothing.
            if (sameKind && !passage.opensWithAnnouncement()
                    && chosen.stream().noneMatch(p -> p.source() == passage.source() || p.overlaps(passage))) {
                chosen.add(passage);
            }
        }
        return chosen;
    }

    /** Each source article's best fused score from retrieval. */
    private static Map<String, Double> bestScoreByArticle(List<RetrievedChunk> sources) {
        Map<String, Double> best = new HashMap<>();
        for (RetrievedChunk source : sources) {
            best.merge(source.articleId(), source.score(), Math::max);
        }
        return best;
    }

    /** For each source, how many other articles retrieval ranked above the first chunk of its article. */
    private static int[] articlePlaces(List<RetrievedChunk> sources) {
        Map<String, Integer> places = new HashMap<>();
        int[] place = new int[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            place[s] = places.computeIfAbsent(sources.get(s).articleId(), article -> places.size());
        }
        return place;
    }

    /**
     * A passage from every atom that can open one; a source whose every atom leans on an earlier one (a chunk
     * cut mid-section) still offers its first, rather than nothing.
     */
    static List<Passage> candidatesOf(int source, List<Atom> atoms, int maxWords) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            if (!atoms.get(i).dependent()) {
                passages.add(Passage.from(source, atoms, i, MIN_WORDS, maxWords));
            }
        }
        if (passages.isEmpty() && !atoms.isEmpty()) {
            passages.add(Passage.from(source, atoms, 0, MIN_WORDS, maxWords));
        }
        return passages;
    }

    private static boolean opensSection(Passage passage, List<Atom> atoms) {
        return passage.start() == 0 || !atoms.get(passage.start() - 1).section().equals(passage.section());
    }

    /** The best candidates by prior, at most a few per source so that other sources get compared too. */
    private static List<Candidate> shortlist(List<Candidate> candidates, List<RetrievedChunk> sources) {
        List<Candidate> byPrior = new ArrayList<>(candidates);
        byPrior.sort(Comparator.comparingDouble(Candidate::prior).reversed());
        Map<Integer, Integer> perSource = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Candidate> shortlist = new ArrayList<>();
        for (Candidate candidate : byPrior) {
            if (shortlist.size() == MAX_EMBEDDED) {
                break;
            }
            // Overlapping chunks of one section offer the same passage twice, and the chunks of one long list
            // the same lead-in, which an answer quotes once: comparing both is waste. Other articles' lists may
            // share a lead-in and nothing else (every GARD list of signs and symptoms has the same one).
            if (shortlist.stream().noneMatch(c -> c.passage().source() != candidate.passage().source()
                    && sameArticle(sources, c.passage(), candidate.passage())
                    && c.passage().sharesListLeadIn(candidate.passage()))
                    && seen.add(candidate.passage().text())
                    && perSource.merge(candidate.passage().source(), 1, Integer::sum) <= MAX_CANDIDATES_PER_SOURCE) {
                shortlist.add(candidate);
            }
        }
        return shortlist;
    }

    private static boolean sameArticle(List<RetrievedChunk> sources, Passage one, Passage other) {
        return sources.get(one.source()).articleId().equals(sources.get(other.source()).articleId());
    }

    /** Title, section and the passage's opening words: how chunks were embedded, so the two compare alike. */
    private static String embeddedText(RetrievedChunk source, Passage passage) {
        String[] words = passage.text().split("\\s+");
        String opening = words.length <= EMBEDDED_WORDS ? passage.text()
                : String.join(" ", java.util.Arrays.copyOf(words, EMBEDDED_WORDS));
        String title = source.title() == null ? "" : source.title();
        return title + "\n" + passage.section() + "\n\n" + opening;
    }

    /** The question's content words, each weighted by how rare it is among the atoms of all sources. */
    private record WordWeights(Map<String, Double> weights, double total) {

        static WordWeights of(String question, List<List<Atom>> atoms) {
            Map<String, Integer> frequency = new HashMap<>();
            int count = 0;
            for (List<Atom> sourceAtoms : atoms) {
                for (Atom atom : sourceAtoms) {
                    count++;
                    new HashSet<>(Terms.of(atom.text())).forEach(term -> frequency.merge(term, 1, Integer::sum));
                }
            }
            Map<String, Double> weights = new HashMap<>();
            for (String term : new LinkedHashSet<>(Terms.of(question))) {
                weights.put(term, Math.log(1.0 + (double) Math.max(1, count) / frequency.getOrDefault(term, 1)));
            }
            return new WordWeights(weights, weights.values().stream().mapToDouble(Double::doubleValue).sum());
        }

        /** The weighted share of the question's words the passage uses, 0 to 1. */
        double share(Passage passage) {
            if (total == 0) {
                return 0;
            }
            Set<String> used = new HashSet<>(Terms.of(passage.text()));
            return weights.entrySet().stream().filter(e -> used.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum() / total;
        }
    }
}
