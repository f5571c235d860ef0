package org.evalsearch.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.evalsearch.index.PassageRecord;

/** URLs the API hands out: a report's PDF opened at a page, a search. */
public final class Links {
    private Links() {}

    public static String pdf(String doc, int page) {
        return "/api/documents/" + encode(doc) + "/pdf" + (page > 0 ? "#page=" + page : "");
    }

    public static String pdf(PassageRecord r) {
        return pdf(r.doc(), r.page());
    }

    public static PassageRef ref(PassageRecord r) {
        return new PassageRef(r.id(), r.doc(), r.title(), r.year(), r.page(), r.pageLabel(), pdf(r));
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
