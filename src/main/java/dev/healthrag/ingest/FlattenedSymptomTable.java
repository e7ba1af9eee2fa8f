package dev.healthrag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of signs and symptoms that the page's scraping flattened into its paragraph, as the U.S. Genetic and Rare
 * Diseases (GARD) pages of MedQuAD have it: "... medical terms. Signs and Symptoms Approximate number of patients
 * (when available) Seizures 90% Ataxia - Hypotonia 5/12 - The Human Phenotype Ontology (HPO) has collected ...".
 * Read back as a lead-in and a list, each row one item with its frequency, so that an answer quotes whole rows under
 * their header instead of a run of names, and a passage that says "the table below" is followed by it.
 *
 * @param before the paragraph's text before the table (empty when none)
 * @param leadIn the table's header as a lead-in ending in ":"
 * @param rows   the rows, each "name" or "name (frequency)"
 * @param after  the paragraph's text after the table (empty when none)
 */
record FlattenedSymptomTable(String before, String leadIn, List<String> rows, String after) {

    private static final Pattern HEADER = Pattern.compile(
            "\\bSigns and Symptoms Approximate number of patients \\(when available\\)\\s+");
    /** Where the rows end: the page's note on frequencies, which follows every such table. */
    private static final Pattern END = Pattern.compile("\\s+The Human Phenotype Ontology \\(HPO\\) has collected\\b");
    /** A row's end: its frequency (a percentage, "5/12" or "3 of 4" patients) or "-" when none is known. */
    private static final Pattern ROW_END = Pattern.compile(" (\\d+(?:\\.\\d+)?%|\\d+/\\d+|\\d+ of \\d+|-)(?= |$)");
    /** Fewer rows than this are not read as a table: "a - b" is as likely an ordinary dash. */
    private static final int MIN_ROWS = 2;

    static final String LEAD_IN = "Signs and Symptoms (approximate number of patients, when available):";

    /** The table in {@code paragraph}, if it holds one whose rows all parse. */
    static Optional<FlattenedSymptomTable> in(String paragraph) {
        Matcher header = HEADER.matcher(paragraph);
        if (!header.find()) {
            return Optional.empty();
        }
        Matcher end = END.matcher(paragraph);
        int rowsEnd = end.find(header.end()) ? end.start() : paragraph.length();
        String cells = " " + paragraph.substring(header.end(), rowsEnd).strip();
        List<String> rows = new ArrayList<>();
        Matcher row = ROW_END.matcher(cells);
        int start = 0;
        while (row.find()) {
            String name = cells.substring(start, row.start()).strip();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            rows.add(row.group(1).equals("-") ? name : name + " (" + row.group(1) + ")");
            start = row.end();
        }
        if (!cells.substring(start).isBlank() || rows.size() < MIN_ROWS) {
            return Optional.empty();
        }
        return Optional.of(new FlattenedSymptomTable(paragraph.substring(0, header.start()).strip(), LEAD_IN,
                List.copyOf(rows), paragraph.substring(rowsEnd).strip()));
    }
}
