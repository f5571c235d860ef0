package org.evalsearch.search;

import java.util.Map;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.index.Schema;

/** Readable labels for facet values: report titles for {@code doc}, words for slugs like {@code lesson_learned}. */
final class FacetLabels {
    private FacetLabels() {}

    static String label(String dim, String value, Map<String, ReportMeta> reports) {
        if (dim.equals(Schema.DOC)) {
            ReportMeta meta = reports.get(value);
            if (meta != null && meta.title() != null && !meta.title().isBlank()) {
                String lang = meta.language() == null || meta.language().equals("en") ? "" : " [" + meta.language() + "]";
                return meta.title() + (meta.year() > 0 ? " (" + meta.year() + ")" : "") + lang;
            }
            return value;
        }
        if (!value.equals(value.toLowerCase()) || value.length() <= 3) {
            return value;
        }
        String words = value.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
