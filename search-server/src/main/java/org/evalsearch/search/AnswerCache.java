package org.evalsearch.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * Search answers already computed on the index commit searches see now, so that a request asked again (the
 * back button, a shared link, a popular query, another user's same search) is answered without searching. The
 * index changes only by commits, so an answer stays right until the commit changes; then every answer goes.
 * Bounded by an estimate of the answers' size in memory.
 */
public final class AnswerCache {
    /** Default memory bound of the cached answers. */
    static final int DEFAULT_MB = 32;

    private record Key(long commit, SearchRequest request) {}

    /** How many answers are kept, and how many requests were answered from them and how many searched. */
    public record Stats(long answers, long hits, long misses) {}

    private final Cache<Key, SearchResult> answers;
    private volatile long commit = Long.MIN_VALUE;

    AnswerCache(int megabytes) {
        this.answers = megabytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024L * 1024L)
                .weigher((Key k, SearchResult r) -> estimateBytes(r))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The answer given to {@code request} on {@code commit}, or null. */
    SearchResult get(long commit, SearchRequest request) {
        if (answers == null) {
            return null;
        }
        if (commit != this.commit) {
            // a new commit: answers of the old one could show passages that are gone or miss new ones
            this.commit = commit;
            answers.invalidateAll();
        }
        return answers.getIfPresent(new Key(commit, request));
    }

    void put(long commit, SearchRequest request, SearchResult answer) {
        if (answers != null && !answer.timedOut() && commit == this.commit) {
            answers.put(new Key(commit, request), answer);
        }
    }

    Stats stats() {
        if (answers == null) {
            return new Stats(0, 0, 0);
        }
        var s = answers.stats();
        return new Stats(answers.estimatedSize(), s.hitCount(), s.missCount());
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
