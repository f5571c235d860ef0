package org.evalsearch.query;

import java.util.regex.Pattern;

/**
 * The common ways a typed query breaks the classic syntax, said in the words of the search box's help line
 * (phrases in quotes, AND / OR / NOT, prefix*). The parser's own message names a line, a column and a lexical
 * state; results that update as the user types show it for every half-typed phrase.
 */
final class QuerySyntaxMistakes {
    private static final Pattern OPERATOR_AT_END = Pattern.compile("(?:^|\\s)(?:AND|OR|NOT|&&|\\|\\||[-+!])\\s*$");
    private static final Pattern OPERATOR_AT_START = Pattern.compile("^\\s*(?:AND|OR|&&|\\|\\|)(?:\\s|$)");
    private static final Pattern LEADING_WILDCARD = Pattern.compile("(?:^|[\\s(:])[*?]");

    private QuerySyntaxMistakes() {}

    /** What is wrong with {@code q}, or null when it is none of the common mistakes. */
    static String explain(String q) {
        int quotes = 0;
        int depth = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quotes++;
            } else if (quotes % 2 == 0 && c == '(') {
                depth++;
            } else if (quotes % 2 == 0 && c == ')' && --depth < 0) {
                return "a closing parenthesis ')' has no opening one";
            }
        }
        if (quotes % 2 == 1) {
            return "a phrase has no closing quote (\")";
        }
        if (depth > 0) {
            return "a parenthesis '(' is not closed";
        }
        if (OPERATOR_AT_END.matcher(q).find()) {
            return "AND, OR, NOT, + and - need a word after them";
        }
        if (OPERATOR_AT_START.matcher(q).find()) {
            return "AND and OR need a word on each side";
        }
        if (LEADING_WILDCARD.matcher(q).find()) {
            return "a word cannot start with * or ?; put the wildcard at the end, as in migra*";
        }
        return null;
    }
}
