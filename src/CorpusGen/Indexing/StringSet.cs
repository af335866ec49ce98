using System;

namespace CorpusGen.Indexing;

/// <summary>
/// A set of strings whose hash codes the caller brings (<see cref="HashOf"/>, computed once per file in the per-file
/// step and cached with it), so that the plan, which claims every headline and constant name of the corpus again on
/// each run, hashes none of them. Open addressing over parallel arrays; <see cref="Clear"/> keeps the memory.
/// </summary>
internal sealed class StringSet
{
    private int[] _hashes = new int[16];
    private string?[] _items = new string?[16];
    private int _shift = 32 - 4;
    private int _count;

    /// <summary>The hash code a string is added with: the runtime's own, which is fixed for the life of the process.</summary>
    public static int HashOf(string text) => StringComparer.Ordinal.GetHashCode(text);

    public int Count => _count;

    public void Clear()
    {
        if (_count > 0)
        {
            Array.Clear(_items, 0, _items.Length);
            _count = 0;
        }
    }

    /// <summary>Adds <paramref name="item"/>, whose <see cref="HashOf"/> is <paramref name="hash"/>; false when it is in the set already.</summary>
    public bool Add(string item, int hash)
    {
        if (2 * (_count + 1) > _items.Length)
        {
            Grow();
        }

        int mask = _items.Length - 1;

        // Fibonacci hashing: the top bits of the product, which every bit of the hash code moves.
        for (int slot = (int)(((uint)hash * 2654435769u) >> _shift); ; slot = (slot + 1) & mask)
        {
            var present = _items[slot];
            if (present is null)
            {
                _items[slot] = item;
                _hashes[slot] = hash;
                _count++;
                return true;
            }

            if (_hashes[slot] == hash && string.Equals(present, item, StringComparison.Ordinal))
            {
                return false;
            }
        }
    }

    public bool Add(string item) => Add(item, HashOf(item));

    private void Grow()
    {
        var hashes = _hashes;
        var items = _items;
        _hashes = new int[items.Length * 2];
        _items = new string?[items.Length * 2];
        _shift--;
        _count = 0;
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i] is { } item)
            {
                Add(item, hashes[i]);
            }
        }
    }
}
