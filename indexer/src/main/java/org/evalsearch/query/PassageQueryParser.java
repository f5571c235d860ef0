package org.evalsearch.query;

import java.util.Map;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.evalsearch.index.Schema;

/**
 * Turns what a user typed (Lucene classic syntax: words, "phrases", AND/OR/NOT, field:value, prefix*) into a
 * query over the passage text fields, within limits that keep a hostile query cheap. Shared by the server and
 * the {@code evaluate} command so that both rank the same way.
 */
public final class PassageQueryParser {
    public static final int MAX_QUERY_LENGTH = 1000;
    public static final int MAX_CLAUSES = 1024;

    private static final Map<String, Float> BOOSTS = Map.of(
            Schema.TEXT, 1.0f, Schema.TITLE, 0.3f, Schema.SECTION, 0.5f, Schema.LEAD, 0.8f, Schema.NOTES, 0.3f);

    static {
        IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }

    /** The query for {@code q}; an empty or blank {@code q} matches every passage. */
    public Query parse(String q) {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                Schema.TEXT_FIELDS.toArray(String[]::new), Schema.analyzer(), BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        try {
            return parser.parse(q);
        } catch (ParseException e) {
            throw new InvalidQueryException("cannot parse query: " + firstLine(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("query has too many clauses (limit " + MAX_CLAUSES + ")");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "syntax error" : s.lines().findFirst().orElse(s);
    }
}
