package org.evalsearch.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalsearch.structure.Passage;
import org.evalsearch.structure.RegexSpace;

/**
 * Decides each passage's type in document order: the report's section labels first (innermost typed heading,
 * including short heading-like paragraphs the structure step left in the text), then list announcements
 * ("The following recommendations ...:") and the passage's own cues ("Recommendation 3:", "The evaluation
 * recommends"). Also groups the passages of one recommendation (its head, sub-points and explanation) and
 * reads recommendation and response numbers.
 */
final class PassageTyper {
    static final String OTHER = "other";
    static final String RECOMMENDATION = "recommendation";
    static final String RESPONSE = "management_response";
    private static final String CONTENTS = "contents";

    /** The result for one passage; {@code group} is the recommendation it belongs to (-1 for none). */
    record Typed(String type, String number, int group, boolean head, List<String> headings) {}

    /** What the headings above a passage say. {@code type} is null when no heading decides. */
    private record Context(String type, boolean contents, boolean response, String headingNumber) {}

    private static final Pattern NUMERIC_MARKER = Pattern.compile("^\\s*\\(?(\\d{1,2})[.)](?![\\d])\\s*(?=[\\p{L}\"“(])");
    private static final Pattern SUB_MARKER = Pattern.compile(
            "^\\s*(?:\\(?[ivxl1]{1,5}\\)+|\\(?[a-h]\\)|[a-h]\\.\\s|[o◦○▪▫‒–—-]\\s?(?=\\p{L})|o\\s)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET_MARKER = Pattern.compile("^\\s*([•●■◆▶►➢✓\\u2022\\uf0b7\\uf0a7])\\s*");
    private static final Pattern MENTIONED_RECOMMENDATION = Pattern.compile(
            "\\brecommendations?\\s+(?:no\\.?\\s*)?(\\d{1,2}(?:\\.\\d{1,2})?(?:\\s?\\([ivx]{1,4}\\))?)(?![\\d.]\\d)",
            Pattern.CASE_INSENSITIVE);
    /** "Recommendation 3:" or "Recommendation 3." followed by its text, not a mere mention. */
    private static final Pattern LABEL_WITH_TEXT = Pattern.compile(
            "^\\W{0,3}(?:[\\p{L}\\d]{1,3}\\s+)?recommendation\\s+\\S{1,8}?\\s*[:.–-]\\s+\\p{L}|^\\W{0,3}recommendation\\s+\\S{1,8}$",
            Pattern.CASE_INSENSITIVE);
    /** An announcement ending in ":" must speak of the report's own work ("lessons from the project:"). */
    private static final Pattern OWN_WORK = Pattern.compile(
            "\\b(evaluation|assessment|review|study|mission|project|programme|report|evaluators?|team)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EARLIER_EVALUATION = Pattern.compile(
            "\\b(\\d{4}|previous|earlier|past|prior|last)\\s+(\\w+\\s+)?evaluations?\\b", Pattern.CASE_INSENSITIVE);

    static final Pattern ANNOUNCING_WORD = Pattern.compile("\\b(below|as follows|following)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_DECORATION = Pattern.compile("^[\\W_&&[^(]]+");
    private static final Pattern THREE_LETTERS = Pattern.compile("\\p{L}{3}");
    private static final Pattern TITLE_WORD_BREAK = Pattern.compile("[\\s/–-]+");
    private static final Pattern NON_LETTER = Pattern.compile("[^\\p{L}]");

    private final CueBook cues;

    PassageTyper(CueBook cues) {
        this.cues = cues;
    }

    /** @param texts each passage's text ("" for none) with its folded form, for cue matching */
    List<Typed> type(List<Passage> passages, List<CueText> texts) {
        List<Typed> out = new ArrayList<>(passages.size());
        // most passages share their section path with the one before: what the path says is read once
        Map<List<String>, Context> resolved = new HashMap<>();
        Headings headings = Headings.tracker();
        List<String> prevPath = null;
        String pseudo = null;          // a heading-like paragraph in force below the section path
        String announced = null;       // type announced by "the following X:" in this section
        RecState rec = new RecState();
        int groups = 0;
        Typed prev = null;
        String prevText = "";

        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            List<String> path = headings.path(p);
            if (prev != null && RESPONSE.equals(prev.type()) && !path.equals(prevPath) && isBareLabel(path)) {
                // "Recommendation 2" right after a response chapter is its subsection, even on a flat path
                path = new ArrayList<>(responseChapter(prev.headings()));
                path.add(p.section().get(p.section().size() - 1));
            }
            if (!path.equals(prevPath)) {
                prevPath = path;
                pseudo = null;
                announced = null;
                rec = new RecState();
            }
            CueText cueText = texts.get(i).strip();
            String text = cueText.text();
            if (p.kind() == Passage.Kind.FOOTNOTE) {
                out.add(new Typed(OTHER, null, -1, false, path));
                continue;
            }
            boolean headingLike = isHeadingLike(p, text);
            if (headingLike) {
                Context own = resolved.computeIfAbsent(List.of(text), this::resolve);
                boolean decides = own.type() != null || own.contents() || own.response() || own.headingNumber() != null
                        || cues.any("heading.weak", Headings.words(text));
                if (decides || pseudo != null && titleLike(text)) {
                    pseudo = text;
                }
                if (decides) {
                    announced = null;
                    rec = new RecState();
                    }
            }
            List<String> all = new ArrayList<>(path);
            if (pseudo != null) {
                all.add(pseudo);
            }
            Context ctx = resolved.computeIfAbsent(List.copyOf(all), this::resolve);

            // A passage that starts mid-sentence continues the one before it (a paragraph split by a page break).
            if (prev != null && startsLowercase(text) && !endsSentence(prevText) && p.kind() != Passage.Kind.LIST_ITEM
                    && !ctx.contents() && Headings.recommendationNumber(text) == null) {
                Announcement a = ctx.response() ? null : announcement(text);
                if (a != null) {
                    announced = a.type();
                    rec = new RecState();
                }
                Typed t = new Typed(prev.type(), prev.number(), prev.group(), false, all);
                out.add(t);
                prev = t;
                prevText = text;
                continue;
            }

            Typed t;
            if (headingLike && pseudo != null && pseudo.equals(text) && !ctx.response()) {
                String type = announced != null ? announced : ctx.type();
                String label = RECOMMENDATION.equals(type) ? ctx.headingNumber() : null;
                t = new Typed(type == null || ctx.contents() ? OTHER : type, label, -1, false, all);
            } else if (ctx.contents()) {
                t = new Typed(OTHER, null, -1, false, all);
            } else if (ctx.response()) {
                String n = ctx.headingNumber();
                if (n == null) {
                    Matcher m = MENTIONED_RECOMMENDATION.matcher(text);
                    n = m.find() ? m.group(1).replaceAll("\\s+", "") : null;
                }
                t = new Typed(RESPONSE, n, -1, false, all);
            } else {
                String base = announced != null ? announced : ctx.type();
                Announcement a = announcement(text);
                if (a != null) {
                    announced = a.type();
                    rec = new RecState();
                    if (a.wholePassage()) {
                        base = a.type();
                    }
                }
                String labelNumber = labelledRecommendation(text);
                boolean strongOther = OTHER.equals(base) && a == null;
                if (labelNumber != null && !strongOther) {
                    groups++;
                    rec = RecState.labelled(groups, labelNumber, !RECOMMENDATION.equals(base));
                    t = new Typed(RECOMMENDATION, labelNumber, groups, true, all);
                } else if (p.kind() == Passage.Kind.TABLE && assessmentTable(text) && !strongOther
                        && (base == null || Set.of("finding", "lesson_learned", "good_practice").contains(base))) {
                    t = new Typed("finding", null, -1, false, all);
                } else if (RECOMMENDATION.equals(base)) {
                    t = recommendationInRegion(p, text, ctx, rec, all, groups + 1);
                    groups = Math.max(groups, t.group());
                } else if (rec.inline && continuesInline(p, text, rec)) {
                    t = new Typed(RECOMMENDATION, rec.number, rec.group, false, all);
                } else {
                    rec = new RecState();
                    String cue = strongOther || a != null && a.wholePassage() ? null : passageCue(cueText);
                    if (RECOMMENDATION.equals(cue)) {
                        groups++;
                        rec = RecState.labelled(groups, null, true);
                        t = new Typed(RECOMMENDATION, null, groups, true, all);
                    } else if (cue != null) {
                        t = new Typed(cue, null, -1, false, all);
                    } else {
                        String weak = base == null ? cues.first("passage.weak", cueText).map(CueBook.Cue::value).orElse(null) : null;
                        if (weak != null) {
                            announced = weak;  // the rows that follow belong to the same assessment table
                        }
                        t = new Typed(base != null ? base : weak != null ? weak : OTHER, null, -1, false, all);
                    }
                }
                if (t.group() >= 0) {
                    rec.lastText = text;
                }
            }
            out.add(t);
            prev = t;
            prevText = text;
        }
        return out;
    }

    /** The innermost heading is only a recommendation label, such as "Recommendation 2" or "Response to recommendation 2". */
    private static boolean isBareLabel(List<String> path) {
        if (path.isEmpty()) {
            return false;
        }
        String h = Headings.words(path.get(path.size() - 1));
        String n = Headings.recommendationNumber(h);
        return n != null && h.replaceAll("(?i)^(response\\s+to\\s+)?recommendations?\\s*(no\\.?\\s*)?", "")
                .replace(n, "").replaceAll("[\\s.:)(]", "").isEmpty();
    }

    /** The headings of a response passage down to the one that names the response, without a label below it. */
    private List<String> responseChapter(List<String> headings) {
        List<String> out = new ArrayList<>();
        for (String h : headings) {
            out.add(h);
            if (cues.hits("heading", Headings.words(h)).stream().anyMatch(x -> RESPONSE.equals(x.cue().value()))) {
                return out;
            }
        }
        return out;
    }

    /** How the passages of one recommendation list are being read. */
    private static final class RecState {
        int group = -1;
        String number;
        String primary;        // marker that starts a new recommendation: "label", "numeric", a bullet, "item"
        boolean inline;        // a recommendation made inside another region; only its sub-points follow it
        boolean sublist;
        String lastText = "";

        static RecState labelled(int group, String number, boolean inline) {
            RecState r = new RecState();
            r.group = group;
            r.number = number;
            r.primary = "label";
            r.inline = inline;
            return r;
        }
    }

    private Typed recommendationInRegion(Passage p, String text, Context ctx, RecState rec, List<String> headings, int next) {
        String headingNumber = ctx.headingNumber();
        if (headingNumber != null && !headingNumber.equals(rec.number)) {
            rec.group = next;
            rec.number = headingNumber;
            rec.primary = "label";
            rec.sublist = false;
            return new Typed(RECOMMENDATION, headingNumber, next, true, headings);
        }
        if (text.endsWith(":") && rec.group < 0 && Headings.recommendationNumber(text) == null && !isListItem(p, text)) {
            return new Typed(RECOMMENDATION, null, -1, false, headings);  // the list's introduction
        }
        Matcher numeric = NUMERIC_MARKER.matcher(text);
        Matcher bullet = BULLET_MARKER.matcher(text);
        boolean sub = SUB_MARKER.matcher(text).find();
        String marker = numeric.find() ? "numeric" : bullet.find() ? bullet.group(1) : sub ? "sub"
                : p.kind() == Passage.Kind.LIST_ITEM ? "item" : p.lead() != null ? "lead" : null;
        boolean introducesSub = rec.lastText.endsWith(":") || rec.lastText.endsWith(";")
                || rec.lastText.endsWith(" and") || rec.lastText.endsWith(" or");
        boolean startsNew;
        if (marker == null) {
            startsNew = rec.group < 0;
        } else if ("label".equals(rec.primary)) {
            startsNew = false;
        } else if (rec.primary == null || "paragraph".equals(rec.primary)) {
            startsNew = !"sub".equals(marker) || rec.group < 0;
        } else if (marker.equals(rec.primary)) {
            startsNew = !(rec.sublist && "item".equals(marker) && introducesSub);
        } else {
            startsNew = false;
        }
        if (startsNew) {
            rec.group = next;
            rec.number = "numeric".equals(marker) ? numeric.group(1) : null;
            rec.primary = marker == null ? "paragraph" : marker;
            rec.sublist = false;
            return new Typed(RECOMMENDATION, rec.number, next, true, headings);
        }
        if (marker != null && !marker.equals(rec.primary) || introducesSub && "item".equals(marker)) {
            rec.sublist = true;
        }
        return new Typed(RECOMMENDATION, rec.number, rec.group, false, headings);
    }

    /** The number of a "Recommendation 3:" label opening the passage or one of its lines (a box run into a paragraph). */
    private static String labelledRecommendation(String text) {
        for (String line : text.split("\n")) {
            String n = Headings.recommendationNumber(line);
            if (n != null && LABEL_WITH_TEXT.matcher(line).find()) {
                return n;
            }
        }
        return null;
    }

    /** A table with a row per evaluation criterion ("Relevance and strategic fit | ..."): a per-criterion assessment. */
    private boolean assessmentTable(String text) {
        for (String row : text.split("\n")) {
            if (cues.any("passage.weak", row.strip())) {
                return true;
            }
        }
        return false;
    }

    /** A sub-point of an inline recommendation: a marked item after a "...:" or inside its sub-list. */
    private static boolean continuesInline(Passage p, String text, RecState rec) {
        if (NUMERIC_MARKER.matcher(text).find()) {
            return false;
        }
        boolean marked = SUB_MARKER.matcher(text).find() || BULLET_MARKER.matcher(text).find();
        boolean follows = rec.sublist || rec.lastText.endsWith(":") || rec.lastText.endsWith(";") || rec.lastText.endsWith(" and");
        if ((marked || p.kind() == Passage.Kind.LIST_ITEM) && follows) {
            rec.sublist = true;
            return true;
        }
        return false;
    }

    private static boolean isListItem(Passage p, String text) {
        return p.kind() == Passage.Kind.LIST_ITEM || BULLET_MARKER.matcher(text).find() || NUMERIC_MARKER.matcher(text).find();
    }

    private String passageCue(CueText text) {
        return cues.hits("passage", text).stream().min(Comparator.comparingInt(CueBook.Hit::start))
                .map(h -> h.cue().value()).orElse(null);
    }

    private record Announcement(String type, boolean wholePassage) {}

    /**
     * "The key findings of the evaluation are listed below:" as the passage's last sentence: it says "following",
     * "below" or "as follows", or ends with ":" and speaks of the evaluation's own work.
     */
    private Announcement announcement(String text) {
        int lastStart = lastSentenceStart(text);
        String last = text.substring(lastStart).strip();
        boolean shaped = announcingWord(last) || last.endsWith(":") && OWN_WORK.matcher(last).find();
        if (!shaped || WHITESPACE.split(last).length > 25 || cues.any("announce.not", last)
                || EARLIER_EVALUATION.matcher(last).find()) {
            return null;
        }
        return cues.hits("announce", last).stream().min(Comparator.comparingInt(CueBook.Hit::start))
                .map(h -> new Announcement(h.cue().value(), lastStart == 0)).orElse(null);
    }

    /**
     * Whether the text says "below", "as follows" or "following" ({@link #ANNOUNCING_WORD}). Every passage's last
     * sentence is asked; the expression runs only where "below" or "follow" is (in any case), which nearly no
     * sentence has.
     */
    static boolean announcingWord(String text) {
        return (containsIgnoreCase(text, "below") || containsIgnoreCase(text, "follow"))
                && ANNOUNCING_WORD.matcher(text).find();
    }

    private static boolean containsIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the text's last sentence starts, 0 when it is one sentence: sentences end at a run of white space after
     * one of {@code .!?:} that is followed by a character that can start a sentence, i.e. where the expression
     * {@code (?<=[.!?:])\s+(?=[\p{Lu}\d"“(•▪●▶►–-])} splits. Scanned by hand rather than by splitting every
     * passage into its sentences with that expression (whose look-behind is tried at every position).
     */
    static int lastSentenceStart(String text) {
        int start = 0;
        int n = text.length();
        for (int i = 1; i < n; i++) {
            char before = text.charAt(i - 1);
            if ((before == '.' || before == '!' || before == '?' || before == ':') && RegexSpace.is(text.charAt(i))) {
                int end = i + 1;
                while (end < n && RegexSpace.is(text.charAt(end))) {
                    end++;
                }
                if (end < n && startsSentence(text.codePointAt(end))) {
                    start = end;
                }
                i = end - 1;
            }
        }
        return start;
    }

    /** {@code [\p{Lu}\d"“(•▪●▶►–-]}. */
    private static boolean startsSentence(int c) {
        return Character.getType(c) == Character.UPPERCASE_LETTER || (c >= '0' && c <= '9')
                || "\"“(•▪●▶►–-".indexOf(c) >= 0;
    }

    /** Reads the headings innermost first: the innermost typed heading decides, front matter silences all. */
    private Context resolve(List<String> headings) {
        String strong = null, weak = null, number = null;
        boolean response = false;
        for (int i = headings.size() - 1; i >= 0; i--) {
            String h = Headings.words(headings.get(i));
            if (number == null) {
                number = Headings.recommendationNumber(h);
            }
            List<CueBook.Hit> hits = cues.hits("heading", h);
            Set<String> types = new LinkedHashSet<>();
            hits.stream().sorted(Comparator.comparingInt(CueBook.Hit::start)).forEach(x -> types.add(x.cue().value()));
            if (types.contains(CONTENTS)) {
                return new Context(OTHER, true, false, null);
            }
            if (types.contains(RESPONSE)) {
                response = true;
            }
            types.remove(OTHER);
            if (strong == null) {
                if (!types.isEmpty()) {
                    strong = pick(types);
                } else if (hits.stream().anyMatch(x -> OTHER.equals(x.cue().value()))) {
                    strong = OTHER;
                } else if (weak == null && cues.any("heading.weak", h)) {
                    weak = "finding";
                }
            }
        }
        return new Context(response ? RESPONSE : strong != null ? strong : weak, false, response, number);
    }

    /** A heading naming several types: findings with conclusions or recommendations make a concluding chapter. */
    private static String pick(Set<String> types) {
        if (types.size() > 1 && types.contains("finding") && (types.contains("conclusion") || types.contains(RECOMMENDATION))) {
            return "conclusion";
        }
        return types.iterator().next();
    }

    /** A short, unpunctuated paragraph such as "Lessons learnt" or "Recommendation 2" that acts as a heading. */
    static boolean isHeadingLike(Passage p, String text) {
        if (p.kind() != Passage.Kind.PARAGRAPH || text.length() > 100 || text.length() < 3) {
            return false;
        }
        String t = LEADING_DECORATION.matcher(text).replaceAll("");
        if (t.isEmpty() || !(Character.isUpperCase(t.charAt(0)) || Character.isDigit(t.charAt(0)))) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        int words = WHITESPACE.split(t).length;
        if (".,;".indexOf(last) >= 0 || last == ':' && words > 4 || words > 12 || !THREE_LETTERS.matcher(t).find()) {
            return false;
        }
        return !Character.isDigit(last) || Headings.recommendationNumber(t) != null;
    }

    /** Most longer words capitalised, as in "Evaluation of the GMS Triangle Project" (not a sentence). */
    private static boolean titleLike(String text) {
        int longer = 0, capitalised = 0;
        for (String w : TITLE_WORD_BREAK.split(text)) {
            String letters = NON_LETTER.matcher(w).replaceAll("");
            if (letters.length() > 3) {
                longer++;
                if (Character.isUpperCase(letters.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return longer > 0 && capitalised * 2 >= longer;
    }

    private static boolean endsSentence(String text) {
        String t = text.strip();
        return !t.isEmpty() && ".!?".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private static boolean startsLowercase(String text) {
        return !text.isEmpty() && Character.isLowerCase(text.charAt(0));
    }
}
