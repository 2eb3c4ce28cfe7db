"""Longest increasing subsequence, the heart of minimal keyed moves."""


def lis(seq):
    """Return the indices of a longest strictly increasing subsequence of ``seq``.

    Entries below 0 (new nodes, which have no old position) are ignored.
    Patience sorting with binary search: O(n log n).  The nodes at these
    indices stay where they are; every other kept node moves once, which is
    the minimum (|kept| - LIS moves).
    """
    n = len(seq)
    prev = [-1] * n
    tails = []
    for i in range(n):
        v = seq[i]
        if v < 0:
            continue
        m = len(tails)
        if m == 0 or seq[tails[m - 1]] < v:
            if m:
                prev[i] = tails[m - 1]
            tails.append(i)
            continue
        lo = 0
        hi = m - 1
        while lo < hi:
            mid = (lo + hi) >> 1
            if seq[tails[mid]] < v:
                lo = mid + 1
            else:
                hi = mid
        if v < seq[tails[lo]]:
            if lo:
                prev[i] = tails[lo - 1]
            tails[lo] = i
    u = len(tails)
    j = tails[u - 1] if u else -1
    while u:
        u -= 1
        tails[u] = j
        j = prev[j]
    return tails
