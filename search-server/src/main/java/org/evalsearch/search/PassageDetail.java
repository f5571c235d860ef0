package org.evalsearch.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.evalsearch.index.PassageRecord;

/**
 * One passage with its context: the passages before and after it in the report, the management responses to
 * it (for a recommendation) or the recommendation it answers (for a response), the passage it repeats and
 * those repeating it, and similar passages of other evaluations.
 */
public record PassageDetail(@JsonUnwrapped PassageRecord passage, String pdfUrl, PassageRecord previous,
                            PassageRecord next, List<PassageRecord> responses, PassageRecord recommendation,
                            PassageRef repeatsPassage, List<PassageRef> alsoIn, List<SimilarPassage> similar) {

    /** A passage like the one shown, from another evaluation, with its similarity score. */
    public record SimilarPassage(@JsonUnwrapped PassageRecord passage, float score, String pdfUrl) {}
}
