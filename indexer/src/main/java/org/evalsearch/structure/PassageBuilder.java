package org.evalsearch.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.extract.ExtractedPdf;

/**
 * Turns a PDF's lines into passages: headings build the section path, body lines are joined into paragraphs and
 * list items (line-wrap hyphens undone), rows with cells into tables, and footnotes become passages of their own
 * placed right after the passage that cites them, whose {@code notes} carry their text.
 */
public final class PassageBuilder {
    private static final Pattern BULLET = Pattern.compile("^([•▪◦●○■□➢➤►▶✓·∙◼▫–—*-])\\s*(\\S.*)$");
    private static final Pattern SUB_BULLET = Pattern.compile("^(o)\\s+(\\S.*)$");
    private static final Pattern ENUMERATOR = Pattern.compile(
            "^(\\(?\\d{1,2}[.)]|\\(?[a-z][.)]|\\([ivx]{1,4}\\)|[ivx]{1,4}[.)]|(?i:recommendation)\\s+\\d{1,2}[.:]?)\\s+\\S.*");
    static final Pattern TOC_ENTRY = Pattern.compile("^(.*?\\S)\\s*(?:(?:\\.\\s?){3,}|…+|_{3,})\\s*(\\d{1,4}|[ivxlcIVXLC]{1,6})?\\s*$");
    /** Symbols typesetters mark footnotes with. */
    private static final String NOTE_SYMBOLS = "*†‡§¶";
    /**
     * Note numbers that a poor text layer (OCR under the page image) turned into symbols no typesetter uses for
     * notes; they stand on the baseline, so the extractor cannot tell them from text. None is special in a
     * character class.
     */
    private static final String GARBLED_SYMBOLS = "®¥°'\"“”’‘>";
    private static final Pattern NOTE_START = Pattern.compile(
            "^(\\d{1,3}|[" + NOTE_SYMBOLS + GARBLED_SYMBOLS + "]{1,3})\\s*(\\p{L}.*)$");
    private static final Pattern GARBLED_MARKER = Pattern.compile("[" + GARBLED_SYMBOLS + "]{1,3}");
    /** Such a marker in running text: a token of its own, as a note number stands after the word it follows. */
    private static final Pattern STRAY_MARKER = Pattern.compile(
            "\\s[" + NOTE_SYMBOLS + GARBLED_SYMBOLS + "]{1,3}(?=\\s|$)");
    private static final Pattern CAPTION = Pattern.compile("^(?i:table|tableau|cuadro)\\s+[\\dIVX]+\\b.*");
    private static final Pattern FIGURE_OR_TABLE = Pattern.compile(
            "^(?i:table|figure|box|chart|graph|map|tableau|graphique|encadré|cuadro|gráfico|recuadro)\\s+[\\dIVX]+\\b.*");
    private static final Pattern CONTENTS = Pattern.compile(
            "(?i)^(table of contents|contents|table des mati[eè]res|sommaire|[íi]ndice|contenido)$");
    private static final int MAX_ITEM_WORDS = 350;
    private static final int NOTE_LOOKAHEAD_PAGES = 3;
    private static final int MAX_TABLE_PASSAGE_WORDS = 120;
    /** A table passage this short (a header row, a caption) takes the next row whatever its size. */
    private static final int TABLE_HEAD_WORDS = 15;

    public List<Passage> build(ExtractedPdf pdf) {
        List<LineRef> lines = new ArrayList<>();
        for (ExtractedPdf.PageText page : pdf.pages()) {
            for (ExtractedPdf.Line l : page.lines()) {
                Matcher toc = TOC_ENTRY.matcher(l.text());
                boolean isToc = l.role() == ExtractedPdf.Role.BODY && hasLeader(l.text()) && toc.matches();
                lines.add(new LineRef(page.number(), page.label(), l, isToc ? toc.group(1) : l.text(), isToc));
            }
        }
        return new Run(pdf, lines).build();
    }

    /**
     * Whether a line has what {@link #TOC_ENTRY} needs between entry and page number (two dots at most one space
     * apart, an ellipsis or underscores): the expression's lazy prefix is tried at every position of a line, and
     * nearly no line has a leader, so this check saves most of its cost without changing what it matches.
     */
    static boolean hasLeader(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '…') {
                return true;
            }
            if (c == '_' && i + 2 < n && text.charAt(i + 1) == '_' && text.charAt(i + 2) == '_') {
                return true;
            }
            if (c == '.' && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (next == '.' || (RegexSpace.is(next) && i + 2 < n && text.charAt(i + 2) == '.')) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The length of the text's first word, {@code text.split("\\s", 2)[0]}: the text up to its first white space
     * (empty when it starts with one). Scanned: a two-character expression that is not a quoted punctuation
     * character is compiled by every call of {@link String#split}.
     */
    static int firstWordLength(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (RegexSpace.is(text.charAt(i))) {
                return i;
            }
        }
        return n;
    }

    private static boolean isContents(List<String> section) {
        return !section.isEmpty() && CONTENTS.matcher(section.get(0).strip()).matches();
    }

    /** The state of one document's pass. */
    private static final class Run {
        private final ExtractedPdf pdf;
        private final List<LineRef> lines;
        private final Dehyphenator dehyphenator;
        private final Map<Integer, HeadingDetector.Heading> headings;
        private final boolean[] table;
        private final Map<Float, Float> typicalSpacing;
        private final Map<Long, float[]> columnExtent = new HashMap<>();
        private final Map<Integer, LinkedHashMap<String, Note>> notesByPage = new HashMap<>();
        private final Map<Integer, String> labels = new HashMap<>();
        /** True when the footnotes are numbered with garbled markers, so the text's own markers are too. */
        private final boolean garbledMarkers;

        private final List<Passage> out = new ArrayList<>();
        private final Deque<HeadingDetector.Heading> sections = new ArrayDeque<>();
        private Draft draft;
        private LineRef previous;
        /** The first row of the table being read, which a page break may repeat; null outside tables. */
        private String tableHeader;
        /** Index of the line being read. */
        private int position;

        Run(ExtractedPdf pdf, List<LineRef> lines) {
            this.pdf = pdf;
            this.lines = lines;
            List<String> texts = new ArrayList<>(lines.size());
            for (LineRef l : lines) {
                texts.add(l.text());
            }
            this.dehyphenator = new Dehyphenator(texts);
            this.headings = new HeadingDetector(lines, pdf.bodyFontSize(), pdf.pageCount()).detect(pdf.outline());
            this.table = tableLines();
            this.typicalSpacing = typicalSpacing();
            for (ExtractedPdf.PageText p : pdf.pages()) {
                labels.put(p.number(), p.label());
            }
            collectNotes();
            this.garbledMarkers = notesByPage.values().stream().flatMap(m -> m.keySet().stream())
                    .filter(marker -> GARBLED_MARKER.matcher(marker).matches()).count() >= 2;
        }

        List<Passage> build() {
            for (int i = 0; i < lines.size(); i++) {
                LineRef ref = lines.get(i);
                position = i;
                if (ref.line().role() == ExtractedPdf.Role.FOOTNOTE) {
                    continue;
                }
                if (!table[i]) {
                    tableHeader = null;
                }
                HeadingDetector.Heading h = headings.get(i);
                if (h != null) {
                    flush();
                    enter(h);
                    emitHeadingNotes(h);
                    previous = lines.get(i + h.lines() - 1);
                    i += h.lines() - 1;
                    continue;
                }
                if (ref.toc()) {
                    // a contents entry is navigation, not content: it would repeat a heading out of place
                    if (wrapsInto(ref)) {
                        draft = null;
                    }
                    flush();
                } else if (table[i]) {
                    tableRow(ref);
                } else {
                    body(ref);
                }
                previous = ref;
            }
            flush();
            emitNotesBefore(Integer.MAX_VALUE);
            return out;
        }

        private void enter(HeadingDetector.Heading h) {
            while (!sections.isEmpty()) {
                HeadingDetector.Heading top = sections.peekLast();
                boolean child = top.level() < h.level()
                        || (top.level() == h.level() && top.numberingDepth() > 0
                        && h.numberingDepth() > top.numberingDepth());
                if (child) {
                    break;
                }
                sections.removeLast();
            }
            sections.addLast(h);
        }

        private List<String> sectionPath() {
            List<String> path = new ArrayList<>(sections.size());
            for (HeadingDetector.Heading h : sections) {
                path.add(h.text());
            }
            return path;
        }

        /**
         * Table rows are gathered into passages of at most a paragraph's size, so a table of figures is one passage
         * and a table whose cells are paragraphs (an evaluation grid) gives one passage per row. A table goes on
         * over a page break: the header row the next page repeats is dropped, and a row the break cut in two (its
         * first cell empty or running on in lower case) is joined again cell by cell.
         */
        private void tableRow(LineRef ref) {
            List<String> cells = cellTexts(ref);
            String row = String.join(" | ", cells.stream().filter(c -> !c.isEmpty()).toList());
            int rowWords = words(row);
            // a table draft is open only while rows follow one another: any other line flushes or replaces it
            boolean inTable = draft != null && draft.kind == Passage.Kind.TABLE;
            boolean overPage = inTable && ref.page() == draft.lastPage + 1 && cells.size() == draft.lastCells.size();
            if (overPage && row.equals(tableHeader)) {
                return;
            }
            if (overPage && (cells.get(0).isEmpty() || startsLower(cells.get(0)))) {
                draft.joinLastRow(cells, dehyphenator);
            } else {
                boolean continues = inTable && (ref.page() == draft.lastPage || overPage)
                        && (draft.words + rowWords <= MAX_TABLE_PASSAGE_WORDS || draft.words <= TABLE_HEAD_WORDS);
                if (!continues && draft != null && draft.caption) {
                    // the table's caption line heads the table's passage
                    Draft caption = draft;
                    draft = new Draft(ref, Passage.Kind.TABLE, caption.section);
                    draft.text.append(caption.text).append('\n');
                    draft.refs.addAll(caption.refs);
                    draft.words = caption.words;
                } else if (!continues) {
                    flush();
                    draft = new Draft(ref, Passage.Kind.TABLE, sectionPath());
                } else {
                    draft.text.append('\n');
                }
                draft.addRow(cells, row);
            }
            if (tableHeader == null) {
                tableHeader = row;
            }
            draft.words += rowWords;
            draft.refs.addAll(ref.line().noteRefs());
            draft.lastPage = ref.page();
        }

        /** The text of each cell of a row, empty cells kept; a line that is not a ruled row is one cell. */
        private List<String> cellTexts(LineRef ref) {
            List<String> cells = ref.line().cells();
            if (cells.size() < 2) {
                return List.of(ref.text());
            }
            List<String> out = new ArrayList<>(cells.size());
            for (String cell : cells) {
                String text = "";
                for (String part : cell.split("\n")) {
                    text = text.isEmpty() ? part : text.endsWith("-") ? dehyphenator.join(text, part) : text + " " + part;
                }
                out.add(text);
            }
            return out;
        }

        private void body(LineRef ref) {
            ExtractedPdf.Line l = ref.line();
            String text = ref.text();
            Matcher bullet = BULLET.matcher(text);
            boolean isBullet = bullet.matches() && !(text.startsWith("-") && text.length() > 1 && text.charAt(1) != ' ');
            if (!isBullet && text.startsWith("o ") && text.length() > 2) {
                // "o" is the second-level bullet of word processors; a sentence seldom wraps before a lone "o"
                bullet = SUB_BULLET.matcher(text);
                isBullet = bullet.matches() && (indent(ref) > 0.5f * l.fontSize()
                        || (draft != null && draft.kind == Passage.Kind.LIST_ITEM)
                        || (previous != null && endsSentence(previous.text())));
            }
            String clean = isBullet ? bullet.group(2) : text;
            if (isBullet && FIGURE_OR_TABLE.matcher(clean).matches()) {
                // a marker before a caption ("▶ Table 1. ...") does not make it a list item
                isBullet = false;
                text = clean;
            }
            boolean isEnumerated = !isBullet && ENUMERATOR.matcher(text).matches() && !runsOn(ref);
            if (draft == null || draft.kind == Passage.Kind.TABLE) {
                start(ref, clean, isBullet, isEnumerated);
                return;
            }
            if (isBullet || isEnumerated) {
                boolean subItem = draft.kind == Passage.Kind.LIST_ITEM
                        && indent(ref) > draft.firstIndent + 0.5f * l.fontSize() && draft.words < MAX_ITEM_WORDS;
                if (subItem) {
                    draft.text.append('\n').append(isBullet ? "• " : "").append(clean);
                    draft.add(ref, clean);
                    return;
                }
                start(ref, clean, isBullet, isEnumerated);
                return;
            }
            if (startsNewParagraph(ref)) {
                start(ref, clean, false, false);
                return;
            }
            String sofar = draft.text.toString();
            draft.text.setLength(0);
            if (sofar.endsWith("-")) {
                draft.text.append(dehyphenator.join(sofar, clean));
            } else {
                draft.text.append(sofar).append(' ').append(clean);
            }
            draft.add(ref, clean);
        }

        private boolean startsNewParagraph(LineRef ref) {
            ExtractedPdf.Line l = ref.line();
            ExtractedPdf.Line p = previous.line();
            String prevText = previous.text();
            boolean sameFlow = ref.page() == previous.page() && l.column() == p.column() && l.lineSpacing() > 0;
            if (Math.abs(l.fontSize() - p.fontSize()) > 0.8f) {
                return true;
            }
            if (!sameFlow) {
                return endsSentence(prevText) || startsList(ref) || backAtHangingEdge(ref);
            }
            float typical = typicalSpacing.getOrDefault(l.fontSize(), 1.25f * l.fontSize());
            if (l.lineSpacing() > 1.3f * typical) {
                return true;
            }
            if (draft.kind == Passage.Kind.LIST_ITEM && indent(ref) <= draft.firstIndent + 1f && endsSentence(prevText)) {
                return true;
            }
            // the block's edges, from the lines around: a whole column's extent would count titles and tables
            float right = Math.max(draft.maxX1, l.x1());
            LineRef next = position + 1 < lines.size() ? lines.get(position + 1) : null;
            if (next != null && next.page() == ref.page() && next.line().column() == l.column()
                    && Math.abs(next.line().fontSize() - l.fontSize()) < 0.5f) {
                right = Math.max(right, next.line().x1());
            }
            float left = Math.min(draft.minX0, p.x0());
            // the previous line ended early: the first word of this one would have fitted there
            boolean prevShort = right - p.x1() > (firstWordLength(ref.text()) + 1) * 0.5f * l.fontSize();
            boolean indented = l.x0() > left + 1.5f * l.fontSize() && p.x0() <= left + 1f;
            return (prevShort && endsSentence(prevText) && startsUpper(ref.text()))
                    || (indented && endsSentence(prevText) && draft.kind == Passage.Kind.PARAGRAPH
                    && !hangingSecondLine(ref, next, typical));
        }

        /**
         * An indented line after a paragraph's first line that is a hanging indent, not the indented first line of
         * the next paragraph: the line after it is indented as much, or a paragraph gap follows it. After a
         * first-line indent the paragraph goes on at the left edge.
         */
        private boolean hangingSecondLine(LineRef ref, LineRef next, float typical) {
            ExtractedPdf.Line l = ref.line();
            if (draft.lines != 1 || l.x0() <= draft.firstX0 + 0.5f * l.fontSize()) {
                return false;
            }
            boolean sameBlock = next != null && next.page() == ref.page() && next.line().column() == l.column()
                    && next.line().lineSpacing() > 0 && next.line().lineSpacing() <= 1.3f * typical;
            return !sameBlock || Math.abs(next.line().x0() - l.x0()) <= 1f;
        }

        /**
         * The draft is the first line or two of this contents entry, which wrapped before its leaders and page
         * number: short, not a sentence, and this line follows it in the same block.
         */
        private boolean wrapsInto(LineRef ref) {
            if (draft == null || draft.kind != Passage.Kind.PARAGRAPH || previous == null || previous.toc()
                    || draft.words > 40 || endsSentence(previous.text())) {
                return false;
            }
            ExtractedPdf.Line l = ref.line();
            float typical = typicalSpacing.getOrDefault(l.fontSize(), 1.25f * l.fontSize());
            return ref.page() == previous.page() && l.column() == previous.line().column()
                    && l.lineSpacing() > 0 && l.lineSpacing() <= 1.3f * typical;
        }

        /**
         * After a page or column break, a line back at the left edge of a paragraph set with a hanging indent
         * (a bibliography entry: first line out, the rest in) starts the next entry, sentence ended or not.
         */
        private boolean backAtHangingEdge(LineRef ref) {
            float em = ref.line().fontSize();
            return draft.kind == Passage.Kind.PARAGRAPH && draft.lines > 1
                    && previous.line().x0() > draft.firstX0 + 0.5f * em
                    && Math.abs(ref.line().x0() - draft.firstX0) <= 1f;
        }

        /**
         * An enumerator such as "(2)" that merely continues a sentence: same flow, ordinary line spacing, no
         * hanging indent on the next line, and the previous line did not end a sentence.
         */
        private boolean runsOn(LineRef ref) {
            if (previous == null || draft == null || draft.kind != Passage.Kind.PARAGRAPH) {
                return false;
            }
            ExtractedPdf.Line l = ref.line();
            boolean sameFlow = ref.page() == previous.page() && l.column() == previous.line().column()
                    && l.lineSpacing() > 0;
            float typical = typicalSpacing.getOrDefault(l.fontSize(), 1.25f * l.fontSize());
            if (!sameFlow || l.lineSpacing() > 1.15f * typical || previous.text().endsWith(".")) {
                return false;
            }
            int i = position;
            LineRef next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            boolean hanging = next != null && next.page() == ref.page() && next.line().column() == l.column()
                    && next.line().x0() > l.x0() + 0.5f * l.fontSize();
            return !hanging;
        }

        private float indent(LineRef ref) {
            return ref.line().x0() - columnExtent(ref)[0];
        }

        private boolean startsList(LineRef ref) {
            return BULLET.matcher(ref.text()).matches() || ENUMERATOR.matcher(ref.text()).matches();
        }

        private void start(LineRef ref, String clean, boolean bullet, boolean enumerated) {
            flush();
            Passage.Kind kind = bullet || enumerated ? Passage.Kind.LIST_ITEM : Passage.Kind.PARAGRAPH;
            draft = new Draft(ref, kind, sectionPath());
            draft.numbered = enumerated;
            draft.firstIndent = indent(ref);
            draft.caption = !bullet && !enumerated && CAPTION.matcher(clean).matches();
            draft.text.append(clean);
            draft.startLead(ref, clean);
            draft.refs.addAll(ref.line().noteRefs());
            draft.words = words(clean);
        }

        private void flush() {
            if (draft == null) {
                return;
            }
            Draft d = draft;
            draft = null;
            String text = d.text.toString().strip();
            if (garbledMarkers) {
                // the markers cannot be told apart to link their notes; they are taken out of the text at least
                text = STRAY_MARKER.matcher(text).replaceAll("");
            }
            if (text.isEmpty() || isContents(d.section)) {
                // lines of a contents page without dot leaders (wrapped entries) are navigation too
                return;
            }
            List<Note> cited = new ArrayList<>();
            for (String marker : d.refs) {
                Note n = findNote(marker, d.page, d.lastPage);
                if (n != null && !n.emitted) {
                    n.emitted = true;
                    cited.add(n);
                }
            }
            emitNotesBefore(d.page);
            List<String> noteTexts = new ArrayList<>();
            for (Note n : cited) {
                noteTexts.add(n.text.toString());
            }
            out.add(new Passage(out.size(), d.page, d.label, d.section, d.kind, text, d.lead(text), noteTexts, false));
            for (Note n : cited) {
                out.add(new Passage(out.size(), n.page, labels.get(n.page), d.section, Passage.Kind.FOOTNOTE,
                        n.text.toString(), null, List.of(), false));
            }
        }

        /** The nearest footnote with this marker on the citing pages or soon after (notes can run on). */
        private Note findNote(String marker, int fromPage, int toPage) {
            for (int p = fromPage; p <= toPage + NOTE_LOOKAHEAD_PAGES; p++) {
                LinkedHashMap<String, Note> notes = notesByPage.get(p);
                if (notes != null && notes.containsKey(marker) && !notes.get(marker).emitted) {
                    return notes.get(marker);
                }
            }
            return null;
        }

        /** A footnote cited in a heading goes out right after the heading. */
        private void emitHeadingNotes(HeadingDetector.Heading h) {
            for (int k = h.first(); k < h.first() + h.lines(); k++) {
                LineRef ref = lines.get(k);
                for (String marker : ref.line().noteRefs()) {
                    Note n = findNote(marker, ref.page(), ref.page());
                    if (n != null) {
                        n.emitted = true;
                        out.add(new Passage(out.size(), n.page, labels.get(n.page), sectionPath(),
                                Passage.Kind.FOOTNOTE, n.text.toString(), null, List.of(), false));
                    }
                }
            }
        }

        /** Footnotes nobody cited go out once their page is done, in the section current at that point. */
        private void emitNotesBefore(int page) {
            List<Integer> done = new ArrayList<>();
            for (var e : notesByPage.entrySet()) {
                if (e.getKey() < page) {
                    done.add(e.getKey());
                }
            }
            done.sort(null);
            for (int p : done) {
                for (Note n : notesByPage.remove(p).values()) {
                    if (!n.emitted) {
                        n.emitted = true;
                        out.add(new Passage(out.size(), n.page, labels.get(n.page), sectionPath(),
                                Passage.Kind.FOOTNOTE, n.text.toString(), null, List.of(), false));
                    }
                }
            }
        }

        private void collectNotes() {
            Note current = null;
            for (LineRef ref : lines) {
                if (ref.line().role() != ExtractedPdf.Role.FOOTNOTE) {
                    current = null;
                    continue;
                }
                String text = ref.text();
                String marker = ref.line().leadingMarker();
                Matcher m = NOTE_START.matcher(text);
                if (marker == null && m.matches()) {
                    marker = m.group(1);
                }
                if (marker != null || current == null || current.page != ref.page()) {
                    current = new Note(ref.page(), marker == null ? "?" + ref.page() : marker);
                    current.text.append(ref.line().leadingMarker() != null ? marker + " " + text : text);
                    notesByPage.computeIfAbsent(ref.page(), k -> new LinkedHashMap<>()).putIfAbsent(current.marker, current);
                } else {
                    String sofar = current.text.toString();
                    current.text.setLength(0);
                    current.text.append(sofar.endsWith("-") ? dehyphenator.join(sofar, text) : sofar + " " + text);
                }
            }
        }

        /** Rows of a table: consecutive lines with cells, allowing a wrapped cell line between them. */
        private boolean[] tableLines() {
            boolean[] t = new boolean[lines.size()];
            int i = 0;
            while (i < lines.size()) {
                if (!rowLike(i)) {
                    i++;
                    continue;
                }
                int end = i;
                int rows = 1;
                int j = i + 1;
                while (j < lines.size() && lines.get(j).page() == lines.get(i).page()) {
                    if (rowLike(j)) {
                        rows++;
                        end = j;
                        j++;
                    } else if (j + 1 < lines.size() && rowLike(j + 1) && lines.get(j + 1).page() == lines.get(i).page()
                            && !headings.containsKey(j)) {
                        j++;
                    } else {
                        break;
                    }
                }
                if (rows >= 3 || lines.get(i).line().tableRow()) {
                    for (int k = i; k <= end; k++) {
                        t[k] = !headings.containsKey(k);
                    }
                }
                i = end + 1;
            }
            return t;
        }

        private boolean rowLike(int i) {
            LineRef l = lines.get(i);
            return l.line().tableRow()
                    || (l.line().cells().size() >= 2 && l.line().role() == ExtractedPdf.Role.BODY && !l.toc());
        }

        /** The usual baseline distance between lines of a paragraph, per font size. */
        private Map<Float, Float> typicalSpacing() {
            Map<Float, List<Float>> bySize = new HashMap<>();
            LineRef prev = null;
            for (LineRef ref : lines) {
                float s = ref.line().lineSpacing();
                if (prev != null && s > 0 && s < 2.5f * ref.line().fontSize()
                        && Math.abs(prev.line().fontSize() - ref.line().fontSize()) < 0.1f) {
                    bySize.computeIfAbsent(ref.line().fontSize(), k -> new ArrayList<>()).add(s);
                }
                prev = ref;
            }
            Map<Float, Float> typical = new HashMap<>();
            for (var e : bySize.entrySet()) {
                List<Float> v = e.getValue();
                v.sort(null);
                // the lower quartile: most pairs of lines are inside a paragraph, gaps between them are wider
                typical.put(e.getKey(), v.get(v.size() / 4));
            }
            return typical;
        }

        private float[] columnExtent(LineRef ref) {
            long key = ((long) ref.page() << 8) | ref.line().column();
            return columnExtent.computeIfAbsent(key, k -> {
                float lo = Float.MAX_VALUE;
                float hi = -Float.MAX_VALUE;
                for (ExtractedPdf.Line l : pdf.pages().get(ref.page() - 1).lines()) {
                    if (l.column() == ref.line().column() && l.role() == ExtractedPdf.Role.BODY) {
                        lo = Math.min(lo, l.x0());
                        hi = Math.max(hi, l.x1());
                    }
                }
                return new float[] {lo, hi};
            });
        }
    }

    private static boolean endsSentence(String t) {
        if (t.isEmpty()) {
            return true;
        }
        char c = t.charAt(t.length() - 1);
        if (c == '"' || c == '”' || c == '’' || c == ')') {
            c = t.length() > 1 ? t.charAt(t.length() - 2) : c;
        }
        return c == '.' || c == '!' || c == '?' || c == ':';
    }

    private static boolean startsLower(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    private static boolean startsUpper(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                return Character.isUpperCase(c);
            }
            if (Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    private static int words(String t) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < t.length(); i++) {
            boolean ws = Character.isWhitespace(t.charAt(i));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }

    /** A footnote's text, found at the foot of a page. */
    private static final class Note {
        final int page;
        final String marker;
        final StringBuilder text = new StringBuilder();
        boolean emitted;

        Note(int page, String marker) {
            this.page = page;
            this.marker = marker;
        }
    }

    /** A passage being built. */
    private static final class Draft {
        final int page;
        final String label;
        final List<String> section;
        final Passage.Kind kind;
        final float firstX0;
        final StringBuilder text = new StringBuilder();
        final List<String> refs = new ArrayList<>();
        final StringBuilder lead = new StringBuilder();
        boolean leadOpen;
        boolean numbered;
        boolean caption;
        /** Where the last table row starts in {@code text}, and its cells, to join a row a page break cut. */
        int lastRowStart;
        List<String> lastCells = List.of();
        float firstIndent;
        int words;
        int lines = 1;
        int lastPage;
        int lastColumn;
        float minX0;
        float maxX1;

        Draft(LineRef ref, Passage.Kind kind, List<String> section) {
            this.page = ref.page();
            this.label = ref.label();
            this.section = section;
            this.kind = kind;
            this.firstX0 = ref.line().x0();
            this.lastPage = ref.page();
            this.lastColumn = ref.line().column();
            this.minX0 = ref.line().x0();
            this.maxX1 = ref.line().x1();
        }

        void addRow(List<String> cells, String row) {
            lastRowStart = text.length();
            lastCells = cells;
            text.append(row);
        }

        /** Appends a row's cells to those of the last row, where a page break cut one row in two. */
        void joinLastRow(List<String> cells, Dehyphenator dehyphenator) {
            List<String> joined = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                String a = lastCells.get(i);
                String b = cells.get(i);
                joined.add(a.isEmpty() ? b : b.isEmpty() ? a : a.endsWith("-") ? dehyphenator.join(a, b) : a + " " + b);
            }
            text.setLength(lastRowStart);
            addRow(joined, String.join(" | ", joined.stream().filter(c -> !c.isEmpty()).toList()));
        }

        void startLead(LineRef ref, String clean) {
            int prefix = boldPart(ref, clean);
            if (prefix > 0) {
                lead.append(clean, 0, prefix);
                leadOpen = prefix >= clean.length();
            }
        }

        void add(LineRef ref, String clean) {
            if (ref.page() != lastPage || ref.line().column() != lastColumn) {
                minX0 = ref.line().x0();
                maxX1 = ref.line().x1();
                lastColumn = ref.line().column();
            } else {
                minX0 = Math.min(minX0, ref.line().x0());
                maxX1 = Math.max(maxX1, ref.line().x1());
            }
            refs.addAll(ref.line().noteRefs());
            words += PassageBuilder.words(clean);
            lines++;
            lastPage = ref.page();
            if (leadOpen) {
                int prefix = boldPart(ref, clean);
                if (prefix > 0) {
                    lead.append(' ').append(clean, 0, prefix);
                }
                leadOpen = prefix >= clean.length();
            }
        }

        /** How much of the cleaned line (bullet taken off) is bold. */
        private static int boldPart(LineRef ref, String clean) {
            int cut = ref.text().length() - clean.length();
            return Math.max(0, Math.min(clean.length(), ref.line().boldPrefix() - cut));
        }

        String lead(String fullText) {
            String l = lead.toString().strip();
            if (l.isEmpty() || l.chars().noneMatch(Character::isLetter)) {
                return null;
            }
            if (leadOpen && l.length() >= fullText.length() - 1) {
                return PassageBuilder.words(fullText) <= 80 ? fullText : null;
            }
            return PassageBuilder.words(l) >= 2 || l.length() >= 8 ? l : null;
        }
    }
}
