package dev.healthrag.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown with optional YAML front matter. Only the block structure that matters for
 * chunking is interpreted: headings, paragraphs, list items, tables and code fences.
 */
final class MarkdownArticleReader {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+\\u2022]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*(?:>\\s?)+");
    private static final Pattern REF_DEF = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^[\\s|:\\-]+$");

    Article read(String text, String defaultId) throws InvalidArticleException {
        FrontMatter fm = FrontMatter.split(text);
        String id = fm.text("id") != null ? fm.text("id") : defaultId;
        DropCounts drops = new DropCounts();
        drops.add(DropReason.INVISIBLE_CHARACTERS, Text.hidingCharacters(fm.body()));
        // Comments and hidden raw HTML go before line parsing: both may span lines.
        HiddenHtml.Stripped visible = HiddenHtml.fromMarkup(fm.body());
        drops.add(DropReason.HIDDEN, visible.hidden());
        Body body = new Body(fm.text("title"), drops);
        for (String line : visible.text().split("\n", -1)) {
            body.accept(line);
        }
        body.flush();
        String title = fm.text("title") != null ? fm.text("title") : body.h1 != null ? body.h1 : id;
        ArticleMetadata metadata = new ArticleMetadata(fm.text("author"), fm.date("published"),
                fm.text("category"), fm.list("tags"), fm.list("also_called"), fm.text("source"));
        return new Article(id, title, fm.text("url"), metadata, body.sections.build(), "markdown", drops.toMap());
    }

    /** Line-at-a-time state machine; one instance per document. */
    private static final class Body {
        final SectionBuilder sections;
        final String frontMatterTitle;
        final StringBuilder paragraph = new StringBuilder();
        StringBuilder item;
        String h1;
        boolean inFence;
        int paragraphLines;

        Body(String frontMatterTitle, DropCounts drops) {
            this.frontMatterTitle = frontMatterTitle;
            this.sections = new SectionBuilder(drops);
        }

        void accept(String raw) {
            if (FENCE.matcher(raw).find()) {
                flush();
                inFence = !inFence;
                return;
            }
            if (inFence) {
                appendText(raw);
                return;
            }
            String line = QUOTE.matcher(raw).replaceFirst("");
            Matcher m;
            if (line.isBlank()) {
                flush();
            } else if ((m = ATX.matcher(line)).matches()) {
                flush();
                heading(m.group(1).length(), m.group(2) == null ? "" : m.group(2));
            } else if (paragraphLines == 1 && item == null && (m = SETEXT.matcher(line)).matches()) {
                String text = paragraph.toString();
                paragraph.setLength(0);
                paragraphLines = 0;
                heading(m.group(1).startsWith("=") ? 1 : 2, text);
            } else if (RULE.matcher(line).matches() || REF_DEF.matcher(line).matches()) {
                flush();
            } else if (TABLE_ROW.matcher(line).matches()) {
                flush();
                tableRow(line);
            } else if ((m = LIST_ITEM.matcher(line)).matches()) {
                flush();
                item = new StringBuilder(m.group(1));
            } else {
                appendText(line);
            }
        }

        private void heading(int level, String rawText) {
            String text = MarkdownInline.clean(rawText);
            if (text.isEmpty()) {
                return;
            }
            // The first H1 is the document title, not a section; later H1s repeating it are skipped too.
            if (level == 1 && (h1 == null || Text.key(text).equals(Text.key(h1))
                    || (frontMatterTitle != null && Text.key(text).equals(Text.key(frontMatterTitle))))) {
                if (h1 == null) {
                    h1 = text;
                }
                return;
            }
            sections.heading(text);
        }

        // Rows become "- a; b" lines so each row stays one unit when chunking.
        private void tableRow(String line) {
            if (TABLE_RULE.matcher(line).matches()) {
                return;
            }
            String row = line.strip().replaceAll("^\\||\\|$", "");
            StringBuilder cells = new StringBuilder();
            for (String cell : row.split("\\|")) {
                String c = MarkdownInline.clean(cell);
                if (!c.isEmpty()) {
                    cells.append(cells.length() == 0 ? "" : "; ").append(c);
                }
            }
            sections.listItem(cells.toString());
        }

        private void appendText(String line) {
            StringBuilder target = item != null ? item : paragraph;
            target.append(target.length() == 0 ? "" : " ").append(line.strip());
            if (item == null) {
                paragraphLines++;
            }
        }

        void flush() {
            if (item != null) {
                sections.listItem(MarkdownInline.clean(item.toString()));
                item = null;
            }
            if (paragraph.length() > 0) {
                sections.paragraph(MarkdownInline.clean(paragraph.toString()));
                paragraph.setLength(0);
            }
            paragraphLines = 0;
        }
    }
}
