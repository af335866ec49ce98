using System;
using System.Collections.Generic;

namespace CorpusGen.Indexing;

/// <summary>
/// Words grouped under OrdinalIgnoreCase, found by their folded hash (<see cref="CorpusHash.Word"/>) and confirmed by
/// text, so that looking up a word already seen costs no string. Words with the same 64-bit hash but different text
/// are chained. Each group is numbered in the order it was first added.
/// </summary>
internal sealed class WordGroups
{
    private readonly Dictionary<ulong, int> _firstWithHash = new();
    private readonly List<int> _nextWithHash = new();

    /// <summary>Each group's word as first added.</summary>
    public List<string> Words { get; } = new();

    /// <summary>Each group's folded hash.</summary>
    public List<ulong> Hashes { get; } = new();

    public int Count => Words.Count;

    /// <summary>Forgets every group and keeps the memory, for the next document on the thread.</summary>
    public void Clear()
    {
        _firstWithHash.Clear();
        _nextWithHash.Clear();
        Words.Clear();
        Hashes.Clear();
    }

    /// <summary>The group of <paramref name="text"/>[start, start+length), or -1.</summary>
    public int IndexOf(ulong hash, string text, int start, int length)
    {
        int at = _firstWithHash.TryGetValue(hash, out int first) ? first : -1;
        while (at >= 0
            && (Words[at].Length != length || string.Compare(Words[at], 0, text, start, length, StringComparison.OrdinalIgnoreCase) != 0))
        {
            at = _nextWithHash[at];
        }

        return at;
    }

    /// <summary>Adds a group for <paramref name="word"/>, which <see cref="IndexOf"/> did not find; returns its number.</summary>
    public int Add(ulong hash, string word)
    {
        int at = Words.Count;
        Words.Add(word);
        Hashes.Add(hash);
        _nextWithHash.Add(-1);
        if (_firstWithHash.TryGetValue(hash, out int last))
        {
            while (_nextWithHash[last] >= 0)
            {
                last = _nextWithHash[last];
            }

            _nextWithHash[last] = at;
        }
        else
        {
            _firstWithHash.Add(hash, at);
        }

        return at;
    }
}
