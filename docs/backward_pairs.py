#!/usr/bin/env python3
"""List the consecutive passages that score_extraction.py counts as going backwards, and tell apart the pairs
that only go backwards because the reference holds their text twice.

Usage: backward_pairs.py --export passages.jsonl --reference DIR --doc NAME.pdf [--tools DIR] [--brief]

score_extraction.py places each passage at the median of the FIRST reference positions of its 5-word shingles.
When the report repeats itself (an executive summary repeated in a chapter, a list of figures before the
captions), a passage in the right place is put at the earlier copy. This script also places each passage at the
occurrences of its shingles nearest after the previous passage (a greedy alignment): a pair backward by the
scorer but forward by the alignment is a first-occurrence artefact ("repeat"); a pair backward both ways is out
of order in our export ("ORDER").
"""
import argparse, bisect, collections, json, os, sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--export", required=True)
    ap.add_argument("--reference", required=True, help="directory of reference texts, NAME.txt per NAME.pdf")
    ap.add_argument("--doc", required=True)
    ap.add_argument("--tools", default="/work/shared/tools", help="directory holding score_extraction.py")
    ap.add_argument("--brief", action="store_true", help="one line per pair")
    a = ap.parse_args()
    sys.path.insert(0, a.tools)
    from score_extraction import N, shingles, words

    ref_words = words(open(os.path.join(a.reference, a.doc[:-4] + ".txt"), encoding="utf-8").read())
    occurrences = collections.defaultdict(list)
    for i in range(len(ref_words) - N + 1):
        occurrences[tuple(ref_words[i:i + N])].append(i)
    passages = [p for p in map(json.loads, open(a.export, encoding="utf-8")) if p.get("doc") == a.doc]

    placed, aligned_before = [], 0
    for p in passages:
        found = [s for s in shingles(words(p["text"])) if s in occurrences]
        if not found:
            continue  # the scorer skips passages without a known shingle too
        first = sorted(occurrences[s][0] for s in found)
        nearest = []
        for s in found:
            o = occurrences[s]
            k = bisect.bisect_left(o, aligned_before - 50)
            nearest.append(o[k] if k < len(o) else o[-1])
        nearest.sort()
        aligned = nearest[len(nearest) // 2]
        repeated = sum(1 for s in found if len(occurrences[s]) > 1)
        placed.append((p, first[len(first) // 2], aligned, repeated, len(found)))
        aligned_before = aligned

    counts = collections.Counter()
    for (a_p, a_pos, a_al, _, _), (b_p, b_pos, b_al, b_rep, b_n) in zip(placed, placed[1:]):
        if b_pos >= a_pos:
            continue
        kind = "repeat" if b_al >= a_al else "ORDER"
        counts[kind] += 1
        print(f"{kind:6} #{a_p['ordinal']} p.{a_p['page']} {a_p['kind']} at {a_pos} -> #{b_p['ordinal']} "
              f"p.{b_p['page']} {b_p['kind']} at {b_pos} (aligned {a_al} -> {b_al}; {b_rep}/{b_n} shingles "
              f"of the second are in the reference more than once)")
        if a.brief:
            continue
        for p, pos in ((a_p, a_pos), (b_p, b_pos)):
            print(f"    #{p['ordinal']} section: {p.get('section', '')[-70:]}")
            print(f"        text: {p['text'][:150]!r}")
            print(f"        reference at {pos}: {' '.join(ref_words[max(0, pos - 8):pos + 16])}")
    pairs = max(0, len(placed) - 1)
    print(f"backward {sum(counts.values())} of {pairs} pairs: {dict(counts)}; "
          f"order {1 - sum(counts.values()) / pairs if pairs else 1:.4f}")


if __name__ == "__main__":
    main()
