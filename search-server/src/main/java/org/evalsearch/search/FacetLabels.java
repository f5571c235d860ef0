package org.evalsearch.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.Schema;
import org.evalsearch.tagging.TaggingData;
import org.evalsearch.tagging.Taxonomy;

/**
 * Readable labels for facet values: report titles for {@code doc}, the taxonomy's labels for themes, words for
 * slugs like {@code lesson_learned}.
 */
final class FacetLabels {
    /** The taxonomy the tagger uses (the bundled one or the user's override), read once. */
    private static final List<Taxonomy.Theme> TAXONOMY = TaggingData.defaultTaxonomy().themes();
    /** Theme id to label. */
    private static final Map<String, String> THEMES = TAXONOMY.stream()
            .filter(t -> t.label() != null && !t.label().isBlank())
            .collect(Collectors.toUnmodifiableMap(Taxonomy.Theme::id, Taxonomy.Theme::label, (a, b) -> a));

    private FacetLabels() {}

    /** Every theme id of the taxonomy, valid as a filter value even before a passage carries it. */
    static Set<String> themeIds() {
        return TAXONOMY.stream().map(Taxonomy.Theme::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    static String label(String dim, String value, Map<String, ReportMeta> reports) {
        if (dim.equals(Schema.DOC)) {
            ReportMeta meta = reports.get(value);
            if (meta != null && meta.title() != null && !meta.title().isBlank()) {
                String lang = meta.language() == null || meta.language().equals("en") ? "" : " [" + meta.language() + "]";
                return meta.title() + (meta.year() > 0 ? " (" + meta.year() + ")" : "") + lang;
            }
            return value;
        }
        if (dim.equals(Schema.THEME) && THEMES.containsKey(value)) {
            return THEMES.get(value);
        }
        if (!value.equals(value.toLowerCase()) || value.length() <= 3) {
            return value;
        }
        String words = value.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
