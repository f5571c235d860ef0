package org.evalsearch.query;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;

/**
 * A user query as the engine understood it.
 *
 * @param query       the Lucene query to run (the implied facet values are preferred in its ranking, not filtered)
 * @param topic       the words searched for once intent words are set aside ("statistics")
 * @param implied     facet values the query's words imply (type=recommendation), to show the user with a way to
 *                    turn them off ({@link PassageQueryParser#understand(String, boolean)} with {@code false});
 *                    a caller may also apply them as filters
 * @param intentWords the words read as intent ("recommendations")
 */
public record ParsedQuery(Query query, String topic, Map<String, String> implied, List<String> intentWords) {
    public ParsedQuery {
        implied = Map.copyOf(implied);
        intentWords = List.copyOf(intentWords);
    }
}
