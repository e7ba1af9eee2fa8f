package dev.healthrag.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Plain-text pages saved by a scraper: no markup, so structure and furniture are recovered
 * from line shapes (see {@link ScrapedLineRules}). Every line is one paragraph, a bullet,
 * or a bare heading; lines above the title are navigation and are dropped.
 */
final class ScrapedTextReader {

    Article read(String text, String defaultId) {
        DropCounts drops = new DropCounts();
        drops.add(DropReason.INVISIBLE_CHARACTERS, Text.hidingCharacters(text));
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            lines.add(Text.collapse(ScrapedLineRules.TEMPLATE_MARKER.matcher(raw).replaceAll(" ")));
        }
        int titleAt = ScrapedTitle.find(lines);
        String title = titleAt >= 0 ? lines.get(titleAt) : null;
        LocalDate published = published(lines);
        ScrapedLineFilter filter = new ScrapedLineFilter(title == null ? null : Text.key(title));
        List<String> kept = filter.apply(lines.subList(titleAt + 1, lines.size()));
        ArticleMetadata metadata = new ArticleMetadata(filter.author(), published, null, List.of(), List.of(), null);
        List<Section> sections = structure(kept, drops);
        return new Article(defaultId, title, "", metadata, sections, "text", drops.toMap());
    }

    /** "Published"/"Posted" wins over "Updated", which is only a fallback for when a page has no other date. */
    private static LocalDate published(List<String> lines) {
        LocalDate fallback = null;
        for (String line : lines) {
            String[] d = ScrapedLineRules.dateLine(line);
            LocalDate date = d == null ? null : Dates.parseLenient(d[1]);
            if (date != null && (d[0].equals("published") || d[0].equals("posted"))) {
                return date;
            }
            fallback = fallback == null ? date : fallback;
        }
        return fallback;
    }

    private static List<Section> structure(List<String> kept, DropCounts drops) {
        SectionBuilder sections = new SectionBuilder(drops);
        for (String line : joinWrappedLines(kept)) {
            Matcher bullet = ScrapedLineRules.BULLET.matcher(line);
            if (line.isEmpty()) {
                continue;
            } else if (bullet.matches()) {
                sections.listItem(bullet.group(1));
            } else if (ScrapedLineRules.isHeadingShaped(line)) {
                sections.heading(line);
            } else {
                sections.paragraph(line);
            }
        }
        return sections.build();
    }

    /** Hard-wrapped text: a line continuing a sentence (no end punctuation, next starts lower-case) is rejoined. */
    private static List<String> joinWrappedLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int last = out.size() - 1;
            boolean continues = last >= 0 && !out.get(last).isEmpty() && !line.isEmpty()
                    && Character.isLowerCase(line.charAt(0))
                    && !ScrapedLineRules.BULLET.matcher(line).matches()
                    && !out.get(last).matches(".*[.!?:;\"'\\u201D)]$");
            if (continues) {
                out.set(last, out.get(last) + " " + line);
            } else {
                out.add(line);
            }
        }
        return out;
    }
}
