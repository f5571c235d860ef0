package org.evalsearch.index;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.evalsearch.catalog.ReportMeta;
import org.evalsearch.tagging.TaggedPassage;

/**
 * A passage as stored in the index and shown to users: the passage, its tags and the report fields copied onto
 * it. This is the shape of {@code export} lines and of API hits, serialised with snake_case keys.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PassageRecord(
        String id,
        String doc,
        int ordinal,
        String title,
        int year,
        String evaluation,
        String evaluationType,
        String language,
        int page,
        String pageLabel,
        String section,
        String kind,
        String type,
        String number,
        String respondsTo,
        List<String> responses,
        String stance,
        String repeats,
        List<String> themes,
        List<String> criteria,
        List<String> countries,
        List<String> regions,
        String priority,
        Map<String, String> details,
        List<String> notes,
        String lead,
        boolean ocr,
        String text) {

    public static PassageRecord of(ReportMeta meta, TaggedPassage t) {
        return of(meta, t, t.passage().text());
    }

    /** The record with {@code text} as its display text (the passage with the headings it opens). */
    public static PassageRecord of(ReportMeta meta, TaggedPassage t, String text) {
        var p = t.passage();
        return new PassageRecord(
                p.id(meta.doc()), meta.doc(), p.ordinal(), meta.title(), meta.year(), meta.evaluation(),
                meta.evaluationType(), meta.language(), p.page(), p.pageLabel(), p.sectionPath(),
                p.kind().name().toLowerCase(), t.type(), t.number(), t.respondsTo(), t.responses(), t.stance(),
                t.repeats(), t.themes(), t.criteria(), t.countries(), t.regions(), t.priority(), t.details(),
                p.notes(), p.lead(), p.ocr(), text);
    }

    /** The same passage showing another text (a numbered item's whole text, from its first passage). */
    public PassageRecord withText(String newText) {
        return new PassageRecord(id, doc, ordinal, title, year, evaluation, evaluationType, language, page, pageLabel,
                section, kind, type, number, respondsTo, responses, stance, repeats, themes, criteria, countries,
                regions, priority, details, notes, lead, ocr, newText);
    }

    /** The same passage with another {@code repeats} link (set after indexing, across an evaluation's files). */
    public PassageRecord withRepeats(String repeatsId) {
        return new PassageRecord(id, doc, ordinal, title, year, evaluation, evaluationType, language, page, pageLabel,
                section, kind, type, number, respondsTo, responses, stance, repeatsId, themes, criteria, countries,
                regions, priority, details, notes, lead, ocr, text);
    }
}
