using System;

namespace CorpusGen.Indexing;

/// <summary>
/// A count per string, whose hash codes the caller brings (<see cref="HashOf"/>, computed once per file in the
/// per-file step and cached with it), so that the plan, which counts every headline and constant name of the corpus
/// when it runs in full, hashes none of them. Open addressing over one array of (string, hash, count) entries, so
/// that a probe is one cache miss (at 80,000 strings the table is larger than a core's caches). A string whose count
/// falls to 0 keeps its entry (it counts as absent); <see cref="Clear"/> keeps the memory.
/// </summary>
internal sealed class StringCounts
{
    private Entry[] _entries = new Entry[16];
    private int _shift = 32 - 4;
    private int _used;
    private int _count;

    /// <summary>The hash code a string is added with: the runtime's own, which is fixed for the life of the process.</summary>
    public static int HashOf(string text) => StringComparer.Ordinal.GetHashCode(text);

    /// <summary>How many strings have a count above 0.</summary>
    public int Count => _count;

    public void Clear()
    {
        if (_used > 0)
        {
            Array.Clear(_entries, 0, _entries.Length);
            _used = 0;
            _count = 0;
        }
    }

    /// <summary>Makes room for <paramref name="count"/> strings, so that filling the table does not grow it step by step.</summary>
    public void Reserve(int count)
    {
        if (_used > 0)
        {
            while (2 * count > _entries.Length)
            {
                Grow();
            }

            return;
        }

        // Empty: one table of the final size.
        int length = _entries.Length, shift = _shift;
        while (2 * count > length)
        {
            length *= 2;
            shift--;
        }

        if (length > _entries.Length)
        {
            _entries = new Entry[length];
            _shift = shift;
        }
    }

    /// <summary>Adds one to the count of <paramref name="item"/>, whose <see cref="HashOf"/> is <paramref name="hash"/>, and returns the new count.</summary>
    public int Add(string item, int hash)
    {
        if (2 * (_used + 1) > _entries.Length)
        {
            Grow();
        }

        ref var entry = ref Find(item, hash);
        if (entry.Item is null)
        {
            entry = new Entry(item, hash);
            _used++;
        }

        if (entry.Count++ == 0)
        {
            _count++;
        }

        return entry.Count;
    }

    public int Add(string item) => Add(item, HashOf(item));

    /// <summary>Takes one from the count of <paramref name="item"/> and returns the new count, or -1 when it was 0 already.</summary>
    public int Remove(string item, int hash)
    {
        ref var entry = ref Find(item, hash);
        if (entry.Item is null || entry.Count == 0)
        {
            return -1;
        }

        if (--entry.Count == 0)
        {
            _count--;
        }

        return entry.Count;
    }

    /// <summary>The count of <paramref name="item"/>: 0 when it was never added, or removed as often as added.</summary>
    public int CountOf(string item, int hash)
    {
        ref var entry = ref Find(item, hash);
        return entry.Item is null ? 0 : entry.Count;
    }

    /// <summary>The entry of <paramref name="item"/>, or the empty slot where it would go (the table is never full).</summary>
    private ref Entry Find(string item, int hash)
    {
        var entries = _entries;
        int mask = entries.Length - 1;

        // Fibonacci hashing: the top bits of the product, which every bit of the hash code moves.
        for (int slot = (int)(((uint)hash * 2654435769u) >> _shift); ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Item is null || (entry.Hash == hash && string.Equals(entry.Item, item, StringComparison.Ordinal)))
            {
                return ref entry;
            }
        }
    }

    private void Grow()
    {
        var entries = _entries;
        _entries = new Entry[entries.Length * 2];
        _shift--;
        foreach (var entry in entries)
        {
            if (entry.Item is not null)
            {
                Find(entry.Item, entry.Hash) = entry;
            }
        }
    }

    private struct Entry
    {
        public readonly string? Item;
        public readonly int Hash;
        public int Count;

        public Entry(string item, int hash)
        {
            Item = item;
            Hash = hash;
            Count = 0;
        }
    }
}
