package dev.healthrag;

import dev.healthrag.cli.BenchCommand;
import dev.healthrag.cli.CalibrateCommand;
import dev.healthrag.cli.EvalCommand;
import dev.healthrag.cli.GroundingEvalCommand;
import dev.healthrag.cli.GroundingSetCommand;
import dev.healthrag.cli.IngestCommand;
import dev.healthrag.cli.TriageEvalCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

import java.util.Arrays;

/** One jar, several jobs: no argument (or {@code serve}) serves HTTP; the rest are batch commands. */
@QuarkusMain
public class HealthRagMain implements QuarkusApplication {

    @Inject
    IngestCommand ingest;

    @Inject
    EvalCommand eval;

    @Inject
    CalibrateCommand calibrate;

    @Inject
    BenchCommand bench;

    @Inject
    TriageEvalCommand triageEval;

    @Inject
    GroundingSetCommand groundingSet;

    @Inject
    GroundingEvalCommand groundingEval;

    @Override
    public int run(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        return switch (command) {
            case "serve" -> {
                Quarkus.waitForExit();
                yield 0;
            }
            case "ingest" -> ingest.run(rest);
            case "eval" -> eval.run(rest);
            case "calibrate" -> calibrate.run(rest);
            case "bench" -> bench.run(rest);
            case "triage-eval" -> triageEval.run(rest);
            case "grounding-set" -> groundingSet.run(rest);
            case "grounding-eval" -> groundingEval.run(rest);
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands: serve, ingest, eval, calibrate, bench, "
                        + "triage-eval, grounding-set, grounding-eval");
                yield 2;
            }
        };
    }
}
