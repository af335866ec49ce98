using System;
using System.Collections.Generic;

namespace CorpusGen.Indexing;

/// <summary>
/// Words grouped under OrdinalIgnoreCase, found by their folded hash (<see cref="CorpusHash.Word"/>) and confirmed by
/// text, so that looking up a word already seen costs no string. Each group remembers where its first word stands
/// (a range of some text) rather than a string of it: a corpus's headlines hold hundreds of thousands of word
/// occurrences, and a string each would be garbage or, kept in a summary, work for every collection. Words with the
/// same 64-bit hash but different text are chained. Each group is numbered in the order it was first added.
/// </summary>
internal sealed class WordGroups
{
    private readonly Dictionary<ulong, int> _firstWithHash = new();
    private readonly List<int> _nextWithHash = new();
    private readonly List<(string Source, int Start, int Length)> _words = new();

    /// <summary>Each group's folded hash.</summary>
    public List<ulong> Hashes { get; } = new();

    public int Count => _words.Count;

    /// <summary>Where group <paramref name="group"/>'s first word stands.</summary>
    public (string Source, int Start, int Length) Occurrence(int group) => _words[group];

    /// <summary>Group <paramref name="group"/>'s first word, as a string of its own.</summary>
    public string Word(int group)
    {
        var (source, start, length) = _words[group];
        return start == 0 && length == source.Length ? source : source.Substring(start, length);
    }

    /// <summary>Forgets every group and keeps the memory, for the next document on the thread.</summary>
    public void Clear()
    {
        _firstWithHash.Clear();
        _nextWithHash.Clear();
        _words.Clear();
        Hashes.Clear();
    }

    /// <summary>The group of <paramref name="text"/>[start, start+length), or -1.</summary>
    public int IndexOf(ulong hash, string text, int start, int length)
    {
        int at = _firstWithHash.TryGetValue(hash, out int first) ? first : -1;
        while (at >= 0)
        {
            var (source, wordStart, wordLength) = _words[at];
            if (wordLength == length
                && source.AsSpan(wordStart, wordLength).Equals(text.AsSpan(start, length), StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            at = _nextWithHash[at];
        }

        return at;
    }

    /// <summary>
    /// Adds a group for <paramref name="source"/>[start, start+length), which <see cref="IndexOf"/> did not find;
    /// returns its number. The group refers to <paramref name="source"/> from then on.
    /// </summary>
    public int Add(ulong hash, string source, int start, int length)
    {
        int at = _words.Count;
        _words.Add((source, start, length));
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
