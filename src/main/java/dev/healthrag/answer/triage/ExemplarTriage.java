package dev.healthrag.answer.triage;

import dev.healthrag.HealthRagConfig;
import dev.healthrag.embedding.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Triage by nearest exemplars plus framing: a message is embedded as retrieval embeds it (the decision carries the
 * vector, so retrieval of the same text reuses it), compared with every labelled exemplar, and {@link TriageModel} turns the
 * emergency-versus-informational margin of its nearest neighbours and its {@link FramingCue}s into a probability.
 * At or above {@code healthrag.triage.threshold} it is an emergency of the category its nearest emergency
 * exemplars share.
 *
 * <p>The exemplars are embedded and the model fitted once, on first use or at {@link #warmUp()}, whichever comes
 * first; concurrent callers wait for that one build.
 */
@ApplicationScoped
public class ExemplarTriage implements EmergencyTriage {

    private static final Logger LOG = Logger.getLogger(ExemplarTriage.class);

    private final Embedder embedder;
    private final List<TriageExemplar> exemplars;
    private final double threshold;
    private final int neighbours;
    private final double minMargin;
    private final double statementThreshold;
    private volatile Classifier classifier;

    @Inject
    public ExemplarTriage(Embedder embedder, HealthRagConfig config) {
        this(embedder, withStatements(TriageExemplar.bundled()), config.triage().threshold(),
                config.triage().neighbours(), config.triage().minMargin(), config.triage().statementThreshold());
    }

    ExemplarTriage(Embedder embedder, List<TriageExemplar> exemplars, double threshold, int neighbours,
                   double minMargin, double statementThreshold) {
        this.minMargin = minMargin;
        this.statementThreshold = statementThreshold;
        this.embedder = embedder;
        this.exemplars = List.copyOf(exemplars);
        this.threshold = threshold;
        this.neighbours = neighbours;
    }

    /**
     * The exemplars and, after them, the statements of each long informational one ({@link MessageStatements}) as
     * informational exemplars of their own: triage reads a long message's statements one by one, so the pool needs
     * ordinary statements ("He never saw a tick on himself.") beside ordinary questions, or any statement is nearer
     * an emergency than anything informational.
     */
    static List<TriageExemplar> withStatements(List<TriageExemplar> exemplars) {
        List<TriageExemplar> all = new ArrayList<>(exemplars);
        for (TriageExemplar exemplar : exemplars) {
            if (!exemplar.emergency()) {
                MessageStatements.of(exemplar.text())
                        .forEach(statement -> all.add(new TriageExemplar(statement, false, exemplar.category())));
            }
        }
        return all;
    }

    /** The fitted classifier: its exemplar index and model. */
    record Classifier(ExemplarIndex index, TriageModel model) {
    }

    @Override
    public TriageDecision assess(String message) {
        Classifier ready = classifier();
        // A narrative statement is never read alone, so it is not embedded either. The statements are embedded
        // beside the whole message even though an emergency found in the whole needs none of them: emergencies
        // are rare, and embedding them after it would add their time to every long message's.
        List<String> statements = MessageStatements.ofMessage(message).stream()
                .filter(statement -> !MessageStatements.isNarrative(statement)).toList();
        Embedder.MessageVectors vectors = embedder.embedBeside(message, statements);
        return decide(ready, message, vectors.message().vector(), statements, vectors.parts())
                .withMessage(vectors.message());
    }

    /**
     * The whole message's decision, or, when that is not an emergency, the most probable emergency among its
     * statements read one by one ({@link MessageStatements}), each with its own framing cues.
     */
    private TriageDecision decide(Classifier ready, String message, float[] vector, List<String> statements,
                                  List<float[]> statementVectors) {
        Set<EmergencyCategory> named = CategoryPhrases.in(message);
        TriageDecision whole = decide(ready, message, vector, threshold, named);
        if (whole.emergency()) {
            return whole;
        }
        TriageDecision best = null;
        for (int i = 0; i < statements.size(); i++) {
            // A statement that names no hallmark itself ("I was planning to sleep it off") tells of the emergency
            // the rest of the message names ("a big knock to the head"), and gets its category.
            Set<EmergencyCategory> namedHere = CategoryPhrases.in(statements.get(i));
            TriageDecision one = decide(ready, statements.get(i), statementVectors.get(i), statementThreshold,
                    namedHere.isEmpty() ? named : namedHere);
            if (one.emergency() && (best == null || one.score() > best.score())) {
                best = TriageDecision.emergency(one.category(), one.score(),
                        "in \"" + statements.get(i) + "\": " + one.reason());
            }
        }
        return best != null ? best : whole;
    }

    private TriageDecision decide(Classifier ready, String message, float[] vector, double threshold,
                                  Set<EmergencyCategory> named) {
        Neighbours near = ready.index().near(vector, named);
        Set<FramingCue> cues = FramingCue.in(message);
        double probability = ready.model().probability(near.margin(), cues);
        String reason = reason(ready.model(), near, cues, probability, threshold);
        if (CrisisLanguage.statesIntent(message, cues)) {
            return TriageDecision.emergency(EmergencyCategory.SUICIDE, Math.max(probability, threshold),
                    "first-person crisis language; " + reason);
        }
        // A message hardly nearer the emergency exemplars than the informational ones carries no evidence of an
        // emergency, whatever its cues: long general questions (real users' kind) sit there, and need an answer.
        return probability >= threshold && near.margin() > minMargin && near.category() != null
                ? TriageDecision.emergency(near.category(), probability, reason)
                : TriageDecision.notEmergency(probability, reason);
    }

    /** Embeds the exemplars and fits the model now rather than on the first message. */
    public void warmUp() {
        classifier();
    }

    /** The model as fitted on the exemplars (fitting it first if need be). */
    public TriageModel model() {
        return classifier().model();
    }

    public double threshold() {
        return threshold;
    }

    private Classifier classifier() {
        Classifier ready = classifier;
        if (ready == null) {
            synchronized (this) {
                if (classifier == null) {
                    classifier = build();
                }
                ready = classifier;
            }
        }
        return ready;
    }

    private Classifier build() {
        long start = System.nanoTime();
        List<float[]> vectors = embedder.embedQueries(exemplars.stream().map(TriageExemplar::text).toList());
        ExemplarIndex index = new ExemplarIndex(exemplars, vectors, neighbours);
        List<TriageModel.Example> examples = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            TriageExemplar exemplar = index.exemplar(i);
            examples.add(new TriageModel.Example(index.nearExemplar(i).margin(), FramingCue.in(exemplar.text()),
                    exemplar.emergency()));
        }
        TriageModel model = TriageModel.fit(examples);
        LOG.infof("Triage ready: %d exemplars embedded and model fitted in %d ms (%s)", index.size(),
                (System.nanoTime() - start) / 1_000_000, model);
        return new Classifier(index, model);
    }

    private static String reason(TriageModel model, Neighbours near, Set<FramingCue> cues, double probability,
                                 double threshold) {
        String category = near.category() == null ? "" : " (" + near.category().id() + ")";
        String framing = cues.isEmpty() ? "no framing cue"
                : "cues " + cues.stream().map(cue -> String.format("%s %+.1f", cue.id(), model.cueWeight(cue)))
                .collect(Collectors.joining(", "));
        return String.format("p=%.2f %s %.2f: nearest emergency exemplars %.2f%s vs informational %.2f; %s",
                probability, probability >= threshold ? ">=" : "<", threshold, near.emergency(), category,
                near.informational(), framing);
    }
}
