package org.evalsearch.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.evalsearch.index.PassageRecord;

/**
 * A Java port of {@code score_tagging.py} (the team's tagging scorer), so the build can pin its figures: span
 * precision/recall/F1 per type by letters of normalised text, item recall (recommendations and responses must
 * start their passage and carry the gold number), and micro-F1 of themes and criteria on the gold items' passages.
 * Figures match the script's to the rounding it prints.
 */
final class TaggingScore {
    static final List<String> TYPES = List.of(
            "recommendation", "finding", "conclusion", "lesson_learned", "good_practice", "management_response");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]");
    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^(recommendation|rec\\.?|r)\\s*");

    record TypeScore(double precision, double recall, double f1, int itemsFound, int items) {}

    record Result(Map<String, TypeScore> types, double themesF1, double criteriaF1, List<String> problems,
                  List<String> missed) {
        TypeScore type(String t) {
            return types.get(t);
        }

        String table() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s %7s %7s %7s   items found%n",
                    "type", "span P", "span R", "span F1"));
            types.forEach((t, s) -> b.append(String.format(Locale.ROOT, "%-22s %7.3f %7.3f %7.3f   %d/%d%n",
                    t, s.precision(), s.recall(), s.f1(), s.itemsFound(), s.items())));
            b.append(String.format(Locale.ROOT, "themes micro F1 %.3f, criteria micro F1 %.3f%n", themesF1, criteriaF1));
            return b.toString();
        }
    }

    private TaggingScore() {}

    static String norm(String s) {
        String t = Normalizer.normalize(TAG.matcher(s == null ? "" : s).replaceAll(" "), Normalizer.Form.NFKC);
        return NOT_LETTER.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    static String normNumber(String n) {
        if (n == null) {
            return null;
        }
        String s = NUMBER_PREFIX.matcher(n.toLowerCase(Locale.ROOT).strip()).replaceFirst("");
        int a = 0, b = s.length();
        while (a < b && " .:)(".indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && " .:)(".indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return a == b ? null : s.substring(a, b);
    }

    /** The export's passages of one document laid end to end, as the script's {@code Doc}. */
    static final class Doc {
        final List<PassageRecord> passages;
        final int[] starts;
        final String stream;

        Doc(List<PassageRecord> passages) {
            this.passages = passages;
            this.starts = new int[passages.size()];
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < passages.size(); i++) {
                starts[i] = b.length();
                b.append(norm(passages.get(i).text()));
            }
            this.stream = b.toString();
        }

        int find(String quote, int occurrence, boolean trimHead) {
            List<String> words = new ArrayList<>();
            for (String w : SPACE.split(TAG.matcher(quote == null ? "" : quote).replaceAll(" ").strip())) {
                String nw = norm(w);
                if (!nw.isEmpty()) {
                    words.add(nw);
                }
            }
            for (int k = 0; k < Math.max(1, words.size() - 2); k++) {
                List<String> part = trimHead ? words.subList(Math.min(k, words.size()), words.size())
                        : words.subList(0, Math.max(0, words.size() - k));
                String q = String.join("", part);
                if (q.length() < 12) {
                    break;
                }
                int i = -1, n = 0;
                while (n < Math.max(1, occurrence)) {
                    i = stream.indexOf(q, i + 1);
                    if (i < 0) {
                        break;
                    }
                    n++;
                }
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }

        int passageAt(int pos) {
            int lo = 0, hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                if (starts[mid] <= pos) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }

    static List<JsonNode> readJsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    /** Scores passages (in document order per document) against gold items and spans. */
    static Result score(List<PassageRecord> passages, List<JsonNode> items, List<JsonNode> spans) {
        Set<String> goldDocs = new TreeSet<>();
        items.forEach(x -> goldDocs.add(x.get("doc").asText()));
        spans.forEach(x -> goldDocs.add(x.get("doc").asText()));
        Map<String, List<PassageRecord>> byDoc = new LinkedHashMap<>();
        for (PassageRecord p : passages) {
            byDoc.computeIfAbsent(p.doc(), k -> new ArrayList<>()).add(p);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Doc> docs = new LinkedHashMap<>();
        for (String d : goldDocs) {
            if (byDoc.containsKey(d)) {
                docs.put(d, new Doc(byDoc.get(d)));
            } else {
                problems.add(d + ": no passages in the export");
            }
        }

        Map<String, Long> tp = new HashMap<>(), pred = new HashMap<>(), gold = new HashMap<>();
        record Region(int lo, int hi, String type) {}
        for (Map.Entry<String, Doc> e : docs.entrySet()) {
            String d = e.getKey();
            Doc doc = e.getValue();
            List<Region> regions = new ArrayList<>();
            for (JsonNode s : spans) {
                if (!s.get("doc").asText().equals(d)) {
                    continue;
                }
                int i = doc.find(s.get("from_quote").asText(), s.path("from_occurrence").asInt(1), true);
                int j = doc.find(s.get("to_quote").asText(), s.path("to_occurrence").asInt(1), false);
                if (i < 0 || j < 0) {
                    problems.add(d + ": span " + s.get("type").asText() + " not found");
                    continue;
                }
                regions.add(new Region(i, j + norm(s.get("to_quote").asText()).length(), s.get("type").asText()));
            }
            regions.sort(Comparator.comparingInt(Region::lo).thenComparingInt(Region::hi).thenComparing(Region::type));
            Map<Integer, JsonNode> itemAt = new HashMap<>();
            for (JsonNode it : items) {
                if (it.get("doc").asText().equals(d)) {
                    int i = doc.find(it.get("quote").asText(), it.path("occurrence").asInt(1), false);
                    if (i >= 0) {
                        itemAt.put(doc.passageAt(i), it);
                    }
                }
            }
            for (int k = 0; k < doc.passages.size(); k++) {
                PassageRecord p = doc.passages.get(k);
                int start = doc.starts[k];
                long length = norm(p.text()).length();
                String g = "other";
                for (Region r : regions) {
                    if (r.lo() <= start && start < r.hi()) {
                        g = r.type();
                        break;
                    }
                }
                String t = p.type() == null || p.type().isEmpty() ? "other" : p.type();
                JsonNode it = itemAt.get(k);
                if (it != null) {
                    g = it.get("type").asText();
                    if (strings(it.get("alt_types")).contains(t)) {
                        g = t;
                    }
                }
                pred.merge(t, length, Long::sum);
                gold.merge(g, length, Long::sum);
                if (t.equals(g)) {
                    tp.merge(t, length, Long::sum);
                }
            }
        }

        Map<String, Integer> found = new HashMap<>(), total = new HashMap<>();
        int thTp = 0, thFp = 0, thFn = 0, crTp = 0, crFp = 0, crFn = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode it : items) {
            String d = it.get("doc").asText(), t = it.get("type").asText();
            total.merge(t, 1, Integer::sum);
            Doc doc = docs.get(d);
            if (doc == null) {
                continue;
            }
            int i = doc.find(it.get("quote").asText(), it.path("occurrence").asInt(1), false);
            if (i < 0) {
                missed.add(d + ": " + t + " quote not found: " + it.get("quote").asText());
                continue;
            }
            int k = doc.passageAt(i);
            PassageRecord p = doc.passages.get(k);
            boolean ok = t.equals(p.type()) || strings(it.get("alt_types")).contains(p.type());
            if (ok && (t.equals("recommendation") || t.equals("management_response"))) {
                String goldNumber = it.hasNonNull("number") ? normNumber(it.get("number").asText()) : null;
                ok = i - doc.starts[k] <= 40 && (goldNumber == null || goldNumber.equals(normNumber(p.number())));
            }
            if (ok) {
                found.merge(t, 1, Integer::sum);
            } else {
                missed.add(d + ": " + t + " " + it.path("number").asText("") + " found as type=" + p.type()
                        + " number=" + p.number() + " at " + p.id());
            }
            Set<String> gt = strings(it.get("themes")), pt = new HashSet<>(p.themes());
            thTp += intersect(gt, pt); thFp += pt.size() - intersect(gt, pt); thFn += gt.size() - intersect(gt, pt);
            Set<String> gc = strings(it.get("criteria")), pc = new HashSet<>(p.criteria());
            crTp += intersect(gc, pc); crFp += pc.size() - intersect(gc, pc); crFn += gc.size() - intersect(gc, pc);
        }

        Map<String, TypeScore> types = new LinkedHashMap<>();
        for (String t : TYPES) {
            double pr = ratio(tp.getOrDefault(t, 0L), pred.getOrDefault(t, 0L));
            double re = ratio(tp.getOrDefault(t, 0L), gold.getOrDefault(t, 0L));
            types.put(t, new TypeScore(pr, re, f1(pr, re), found.getOrDefault(t, 0), total.getOrDefault(t, 0)));
        }
        double themes = f1(ratio(thTp, thTp + thFp), ratio(thTp, thTp + thFn));
        double criteria = f1(ratio(crTp, crTp + crFp), ratio(crTp, crTp + crFn));
        return new Result(types, themes, criteria, problems, missed);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static int intersect(Set<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0.0 : a / b;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
