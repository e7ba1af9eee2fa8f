package dev.healthrag.answer.verify;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import dev.healthrag.embedding.Vectors;
import dev.healthrag.retrieval.EnglishWords;
import dev.healthrag.retrieval.RetrievedChunk;
import dev.healthrag.retrieval.Terms;
import dev.healthrag.text.ListItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges each draft sentence against the source sentence most like it. A sentence a source quotes is kept at
 * once ("quoted"), without embedding anything: extractive drafts are all quotes. Any other sentence is
 * compared with the few source sentences per source that share most of its content words; those and the
 * draft sentences are embedded in one batch, and the most similar one per source is its aligned sentence.
 * An aligned sentence supports the draft sentence when the draft's numbers (with units and frequencies) are in
 * that source, its negations and hedges agree with the sentence's, it neither adds nor drops a population
 * qualifier, and overlap and similarity clear the {@link VerifierSettings}. A {@link ListItems#MORE} line is
 * judged by {@link MoreItems}.
 */
@ApplicationScoped
public class AlignedSourceVerifier implements GroundingVerifier {

    private static final Logger LOG = Logger.getLogger(AlignedSourceVerifier.class);
    private static final int MIN_QUOTED_TERMS = 2;
    private static final EnglishWords ENGLISH = EnglishWords.load();
    // The English word list has next to no words this short ("few", "you"), so they cannot be judged new names.
    private static final int MAX_SHORT_WORD = 3;

    private final PassageEmbedder embedder;
    private final VerifierSettings settings;

    @Inject
    public AlignedSourceVerifier(Embedder embedder, HealthRagConfig config) {
        this(embedder::embedPassages, VerifierSettings.of(config.verification()));
    }

    public AlignedSourceVerifier(PassageEmbedder embedder, VerifierSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    @Override
    public List<GroundedSentence> verify(List<DraftSentence> draft, List<RetrievedChunk> sources) {
        return MoreItems.judge(evidence(draft, sources).stream().map(e -> Verdicts.judge(e, settings)).toList(),
                sources);
    }

    /** The evidence on every draft sentence, independent of the thresholds; one embedding call at most. */
    public List<SentenceEvidence> evidence(List<DraftSentence> draft, List<RetrievedChunk> sources) {
        long start = System.nanoTime();
        List<Passage> passages = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            passages.add(Passage.of(i + 1, sources.get(i)));
        }
        List<Claim> claims = draft.stream().map(sentence -> Claim.of(sentence, passages)).toList();
        Map<String, Integer> toEmbed = new LinkedHashMap<>();
        for (Claim claim : claims) {
            // A MORE line claims nothing a source sentence could support; MoreItems judges it.
            if (claim.quotedBy == null && !ListItems.isMore(claim.sentence.text())) {
                claim.candidates = candidates(claim, passages);
                if (!claim.candidates.isEmpty()) {
                    toEmbed.putIfAbsent(claim.sentence.text(), toEmbed.size());
                    claim.candidates.forEach(c -> toEmbed.putIfAbsent(c.text(), toEmbed.size()));
                }
            }
        }
        List<float[]> vectors = toEmbed.isEmpty() ? List.of() : embedder.embed(List.copyOf(toEmbed.keySet()));
        List<SentenceEvidence> evidence = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            evidence.add(claim.evidence(passages, text -> vectors.get(toEmbed.get(text))));
        }
        LOG.debugf("verified %d sentences against %d sources in %d ms (%d texts embedded)", draft.size(),
                sources.size(), (System.nanoTime() - start) / 1_000_000, toEmbed.size());
        return evidence;
    }

    /**
     * Per source, the sentences sharing most content words with the claim; one sharing fewer than
     * {@code minSharedTerms} could not support it, so it is not worth embedding.
     */
    private List<SourceSentence> candidates(Claim claim, List<Passage> passages) {
        List<SourceSentence> out = new ArrayList<>();
        for (Passage passage : passages) {
            passage.sentences().stream().filter(s -> claim.shared(s, passage) >= settings.minSharedTerms())
                    .sorted(Comparator.comparingInt((SourceSentence s) -> claim.shared(s, passage)).reversed()
                            .thenComparingInt(s -> s.terms().size()))
                    .limit(settings.candidatesPerSource()).forEach(out::add);
        }
        return out;
    }

    /** A draft sentence while it is being judged. */
    private static final class Claim {

        final DraftSentence sentence;
        final List<Integer> cited;
        final String normalised;
        final Set<String> terms;
        final Integer quotedBy;
        final Quantities quantities;
        final Polarity polarity;
        final Set<String> qualifiers;
        List<SourceSentence> candidates = List.of();

        private Claim(DraftSentence sentence, List<Integer> cited, String normalised, Integer quotedBy) {
            this.sentence = sentence;
            this.cited = cited;
            this.normalised = normalised;
            this.terms = new HashSet<>(Terms.of(sentence.text()));
            this.quotedBy = quotedBy;
            this.quantities = Quantities.of(normalised);
            this.polarity = Polarity.of(normalised);
            this.qualifiers = Qualifiers.of(normalised);
        }

        static Claim of(DraftSentence sentence, List<Passage> passages) {
            List<Integer> cited = sentence.cited().stream().filter(ref -> ref >= 1 && ref <= passages.size())
                    .distinct().toList();
            String normalised = ClaimText.quotable(sentence.text());
            Claim claim = new Claim(sentence, cited, normalised, null);
            Integer quotedBy = claim.quotedBy(passages);
            return quotedBy == null ? claim : new Claim(sentence, cited, normalised, quotedBy);
        }

        /**
         * Content words the claim shares with a sentence of {@code passage}, leaving out the passage's title: every
         * sentence about "X" shares "X", so "X is caused by a virus" must share something else.
         */
        int shared(SourceSentence source, Passage passage) {
            int shared = 0;
            for (String term : terms) {
                if (source.terms().contains(term) && !passage.titleTerms().contains(term)) {
                    shared++;
                }
            }
            return shared;
        }

        /** The claim's content words outside the passage's title. */
        int ownTerms(Passage passage) {
            int own = 0;
            for (String term : terms) {
                if (!passage.titleTerms().contains(term)) {
                    own++;
                }
            }
            return own;
        }

        /**
         * The first source (cited ones first) that holds the sentence word for word. A quote of part of a
         * source sentence must still agree with it: "take aspirin" is in "do not take aspirin". A sentence of
         * fewer than {@value #MIN_QUOTED_TERMS} content words is quoted only as a whole source sentence or list
         * item ("- Hemeralopia" of a list of signs): as part of one, a word or two says nothing of its context.
         */
        private Integer quotedBy(List<Passage> passages) {
            if (terms.isEmpty() || normalised.isEmpty()) {
                return null;
            }
            boolean whole = terms.size() < MIN_QUOTED_TERMS;
            List<Integer> order = new ArrayList<>(cited);
            for (int ref = 1; ref <= passages.size(); ref++) {
                if (!order.contains(ref)) {
                    order.add(ref);
                }
            }
            for (int ref : order) {
                Passage passage = passages.get(ref - 1);
                for (SourceSentence source : passage.sentences()) {
                    if (source.normalised().equals(normalised)) {
                        return ref;
                    }
                    if (!whole && containsPhrase(source.normalised(), normalised) && failure(passage, source) == null) {
                        return ref;
                    }
                }
                if (!whole && containsPhrase(passage.normalised(), normalised) && normalised.matches(".*[.!?;] .*")) {
                    return ref;
                }
            }
            return null;
        }

        SentenceEvidence evidence(List<Passage> passages, java.util.function.Function<String, float[]> vectorOf) {
            if (quotedBy != null) {
                return new SentenceEvidence(sentence, cited, quotedBy, List.of());
            }
            List<Alignment> alignments = new ArrayList<>();
            float[] own = candidates.isEmpty() ? null : vectorOf.apply(sentence.text());
            for (Passage passage : passages) {
                SourceSentence best = null;
                double bestSimilarity = -1;
                for (SourceSentence candidate : candidates) {
                    if (candidate.ref() == passage.ref()) {
                        double similarity = Vectors.cosine(own, vectorOf.apply(candidate.text()));
                        if (similarity > bestSimilarity) {
                            best = candidate;
                            bestSimilarity = similarity;
                        }
                    }
                }
                if (best != null) {
                    int shared = shared(best, passage);
                    int claimTerms = ownTerms(passage);
                    alignments.add(new Alignment(passage.ref(), best.text(), bestSimilarity,
                            claimTerms == 0 ? 0 : shared / (double) claimTerms, shared, failure(passage, best)));
                }
            }
            return new SentenceEvidence(sentence, cited, null, alignments);
        }

        /** Why the claim disagrees with {@code source} (a sentence of {@code passage}), or null. */
        String failure(Passage passage, SourceSentence source) {
            String missing = quantities.missingFrom(passage.quantities());
            if (missing != null) {
                return (missing.startsWith("per ") ? "frequency '" + missing + "'" : "number " + missing)
                        + " not in source " + passage.ref();
            }
            String unknown = unknownTerm(passage);
            if (unknown != null) {
                return "term '" + unknown + "' not in source " + passage.ref();
            }
            String swapped = swappedTopic(passage, source);
            if (swapped != null) {
                return swapped;
            }
            if (polarity.negationDiffers(source.polarity())) {
                return "negation differs from source " + passage.ref();
            }
            if (polarity.modalityDiffers(source.polarity())) {
                return "modality differs from source " + passage.ref();
            }
            for (String qualifier : qualifiers) {
                if (!source.qualifiers().contains(qualifier)) {
                    return "qualifier '" + qualifier + "' not in source " + passage.ref();
                }
            }
            for (String qualifier : source.qualifiers()) {
                if (!qualifiers.contains(qualifier)) {
                    return "qualifier '" + qualifier + "' of source " + passage.ref() + " dropped";
                }
            }
            return null;
        }

        /**
         * A word of the claim that the passage lacks and that is no everyday English word: most often the name of
         * a condition, drug or gene the source does not mention. Everyday words may be new (a paraphrase).
         */
        private String unknownTerm(Passage passage) {
            for (String word : ClaimText.tokens(normalised)) {
                if (word.length() > MAX_SHORT_WORD && Character.isLetter(word.charAt(0)) && !Terms.isStopWord(word)
                        && !passage.vocabulary().contains(ClaimText.root(word))
                        && !ENGLISH.contains(word) && !ENGLISH.contains(ClaimText.root(word))) {
                    return word;
                }
            }
            return null;
        }

        /**
         * The claim names something the passage never mentions where the aligned sentence names the passage's
         * topic (a word of its title): "Poisoning is an inherited condition ..." for "LEOPARD syndrome is ...".
         */
        private String swappedTopic(Passage passage, SourceSentence source) {
            String novel = null;
            for (String word : ClaimText.tokens(normalised)) {
                if (word.length() > MAX_SHORT_WORD && Character.isLetter(word.charAt(0)) && !Terms.isStopWord(word)
                        && !passage.vocabulary().contains(ClaimText.root(word))) {
                    novel = word;
                    break;
                }
            }
            if (novel == null) {
                return null;
            }
            for (String topic : passage.titleRoots()) {
                if (source.polarity().roots().contains(topic) && !polarity.roots().contains(topic)) {
                    return "term '" + novel + "' not in source " + passage.ref() + " (in place of its topic)";
                }
            }
            return null;
        }

        private static boolean containsPhrase(String text, String phrase) {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
                boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (startsWord && endsWord) {
                    return true;
                }
            }
            return false;
        }
    }
}
