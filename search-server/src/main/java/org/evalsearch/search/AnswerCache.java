package org.evalsearch.search;

import java.util.List;

/**
 * Search answers already computed on the index commit searches see now, so that a request asked again (the
 * back button, a shared link, a popular query, another user's same search) is answered without searching, until
 * the commit changes. An answer cut short by the time budget is not kept.
 */
public final class AnswerCache {
    /** Default memory bound of the cached answers. */
    static final int DEFAULT_MB = 32;

    /** How many answers are kept, and how many requests were answered from them and how many searched. */
    public record Stats(long answers, long hits, long misses) {}

    private final CommitCache<SearchRequest, SearchResult> answers;

    AnswerCache(int megabytes) {
        this.answers = new CommitCache<>(megabytes, AnswerCache::estimateBytes);
    }

    /** The answer given to {@code request} on {@code commit}, or null. */
    SearchResult get(long commit, SearchRequest request) {
        return answers.get(commit, request);
    }

    void put(long commit, SearchRequest request, SearchResult answer) {
        if (!answer.timedOut()) {
            answers.put(commit, request, answer);
        }
    }

    Stats stats() {
        var s = answers.stats();
        return new Stats(answers.size(), s.hitCount(), s.missCount());
    }

    /** Roughly the heap an answer holds: its strings (two bytes a character) and an object header each. */
    private static int estimateBytes(SearchResult r) {
        long bytes = 256;
        for (Hit h : r.hits()) {
            bytes += 512 + 2L * (length(h.passage().text()) + length(h.snippet()) + length(h.passage().title())
                    + length(h.passage().section()));
            bytes += 128L * (size(h.alsoIn()) + size(h.parts()));
        }
        for (List<FacetValue> values : r.facets().values()) {
            for (FacetValue v : values) {
                bytes += 64 + 2L * (length(v.value()) + length(v.label()));
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
