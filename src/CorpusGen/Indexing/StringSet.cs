using System;

namespace CorpusGen.Indexing;

/// <summary>
/// A set of strings whose hash codes the caller brings (<see cref="HashOf"/>, computed once per file in the per-file
/// step and cached with it), so that the plan, which claims every headline and constant name of the corpus again on
/// each run, hashes none of them. Open addressing over one array of (string, hash) entries, so that a probe is one
/// cache miss (at 80,000 strings the table is larger than a core's caches); <see cref="Clear"/> keeps the memory.
/// </summary>
internal sealed class StringSet
{
    private Entry[] _entries = new Entry[16];
    private int _shift = 32 - 4;
    private int _count;

    /// <summary>The hash code a string is added with: the runtime's own, which is fixed for the life of the process.</summary>
    public static int HashOf(string text) => StringComparer.Ordinal.GetHashCode(text);

    public int Count => _count;

    public void Clear()
    {
        if (_count > 0)
        {
            Array.Clear(_entries, 0, _entries.Length);
            _count = 0;
        }
    }

    /// <summary>Adds <paramref name="item"/>, whose <see cref="HashOf"/> is <paramref name="hash"/>; false when it is in the set already.</summary>
    public bool Add(string item, int hash)
    {
        if (2 * (_count + 1) > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        int mask = entries.Length - 1;

        // Fibonacci hashing: the top bits of the product, which every bit of the hash code moves.
        for (int slot = (int)(((uint)hash * 2654435769u) >> _shift); ; slot = (slot + 1) & mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Item is null)
            {
                entry = new Entry(item, hash);
                _count++;
                return true;
            }

            if (entry.Hash == hash && string.Equals(entry.Item, item, StringComparison.Ordinal))
            {
                return false;
            }
        }
    }

    public bool Add(string item) => Add(item, HashOf(item));

    private void Grow()
    {
        var entries = _entries;
        _entries = new Entry[entries.Length * 2];
        _shift--;
        _count = 0;
        foreach (var entry in entries)
        {
            if (entry.Item is not null)
            {
                Add(entry.Item, entry.Hash);
            }
        }
    }

    private readonly struct Entry
    {
        public readonly string? Item;
        public readonly int Hash;

        public Entry(string item, int hash)
        {
            Item = item;
            Hash = hash;
        }
    }
}
