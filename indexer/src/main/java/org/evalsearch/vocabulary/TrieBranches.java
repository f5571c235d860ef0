package org.evalsearch.vocabulary;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The children of a character trie's node, by character, in two sorted arrays found by binary search: walking a
 * trie along every token or word start of a text looked each character up in a map of boxed characters.
 * Filled while the trie is built, then only read (the owner publishes the trie safely, e.g. through a final
 * field).
 */
public final class TrieBranches<N> {
    private char[] chars = new char[0];
    private Object[] nodes = new Object[0];

    /** The child for {@code c}, or null. */
    @SuppressWarnings("unchecked")
    public N get(char c) {
        int i = Arrays.binarySearch(chars, c);
        return i >= 0 ? (N) nodes[i] : null;
    }

    /** The child for {@code c}, made by {@code make} when there is none yet. */
    @SuppressWarnings("unchecked")
    public N getOrAdd(char c, Supplier<N> make) {
        int i = Arrays.binarySearch(chars, c);
        if (i >= 0) {
            return (N) nodes[i];
        }
        int at = -i - 1;
        N n = make.get();
        char[] cs = new char[chars.length + 1];
        Object[] ns = new Object[nodes.length + 1];
        System.arraycopy(chars, 0, cs, 0, at);
        System.arraycopy(nodes, 0, ns, 0, at);
        cs[at] = c;
        ns[at] = n;
        System.arraycopy(chars, at, cs, at + 1, chars.length - at);
        System.arraycopy(nodes, at, ns, at + 1, nodes.length - at);
        chars = cs;
        nodes = ns;
        return n;
    }
}
