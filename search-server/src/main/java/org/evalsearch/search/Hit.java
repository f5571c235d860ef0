package org.evalsearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.evalsearch.index.PassageRecord;

/**
 * A passage as a search result: every stored field of the passage, plus the highlighted {@code snippet} (HTML,
 * only {@code <mark>} unescaped), the score, a link to its PDF page, the repeats folded into it and, when
 * grouping by report, how many passages of that report matched. A numbered recommendation or response spread
 * over several passages is one hit: the passage is its first part carrying the whole item's text, {@code parts}
 * lists its passages, and the snippet comes from the part that matched.
 */
public record Hit(@JsonUnwrapped PassageRecord passage, String snippet, float score, String pdfUrl,
                  List<PassageRef> alsoIn, @JsonInclude(JsonInclude.Include.NON_NULL) List<PassageRef> parts,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer groupCount) {}
