package org.evalsearch.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.function.ToIntFunction;

/**
 * Values worked out on the index commit searches see now. The index changes only by commits, so a value stays
 * right until the commit changes; then every value goes. Bounded by an estimate of the values' size in memory;
 * 0 megabytes keeps nothing.
 */
final class CommitCache<K, V> {
    private record Entry<K>(long commit, K key) {}

    private final Cache<Entry<K>, V> values;
    private volatile long commit = Long.MIN_VALUE;

    CommitCache(int megabytes, ToIntFunction<V> estimateBytes) {
        this.values = megabytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024L * 1024L)
                .weigher((Entry<K> k, V v) -> estimateBytes.applyAsInt(v))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The value kept for {@code key} on {@code commit}, or null. */
    V get(long commit, K key) {
        if (values == null) {
            return null;
        }
        if (commit != this.commit) {
            // a new commit: what was worked out on the old one could show passages that are gone or miss new ones
            this.commit = commit;
            values.invalidateAll();
        }
        return values.getIfPresent(new Entry<>(commit, key));
    }

    /** Keeps {@code value} unless the commit has changed since it was asked for. */
    void put(long commit, K key, V value) {
        if (values != null && commit == this.commit) {
            values.put(new Entry<>(commit, key), value);
        }
    }

    long size() {
        return values == null ? 0 : values.estimatedSize();
    }

    CacheStats stats() {
        return values == null ? CacheStats.empty() : values.stats();
    }
}
