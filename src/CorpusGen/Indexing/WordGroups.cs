using System;
using System.Collections.Generic;

namespace CorpusGen.Indexing;

/// <summary>
/// Words grouped under OrdinalIgnoreCase, found by their folded hash (<see cref="CorpusHash.Word"/>) and confirmed by
/// text, so that looking up a word already seen costs no string. Each group remembers where its first word stands
/// (a range of some text) rather than a string of it: a corpus's headlines hold hundreds of thousands of word
/// occurrences, and a string each would be garbage or, kept in a summary, work for every collection. Words with the
/// same 64-bit hash but different text are chained. The probe hash reads only a word's first and last four code
/// units, so words longer than eight that differ only in between share it; they are chained by the hash of every
/// code unit instead (<see cref="Key"/>), or a corpus of such words would make every lookup here walk one chain of all
/// of them (80,000 took minutes). Each group is numbered in the order it was first added.
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
    public int IndexOf(ulong hash, string text, int start, int length) => Find(Key(hash, text, start, length), text, start, length);

    /// <summary>
    /// Adds a group for <paramref name="source"/>[start, start+length), which <see cref="IndexOf"/> did not find;
    /// returns its number. The group refers to <paramref name="source"/> from then on.
    /// </summary>
    public int Add(ulong hash, string source, int start, int length) => Add(hash, Key(hash, source, start, length), source, start, length);

    /// <summary>The group of <paramref name="text"/>[start, start+length), added if there is none (<paramref name="added"/>).</summary>
    public int FindOrAdd(ulong hash, string text, int start, int length, out bool added)
    {
        ulong key = Key(hash, text, start, length);
        int at = Find(key, text, start, length);
        added = at < 0;
        return added ? Add(hash, key, text, start, length) : at;
    }

    private int Find(ulong key, string text, int start, int length)
    {
        int at = _firstWithHash.TryGetValue(key, out int first) ? first : -1;
        while (at >= 0)
        {
            var (source, wordStart, wordLength) = _words[at];
            if (wordLength == length
                && CaseTable.EqualsIgnoreCase(source.AsSpan(wordStart, wordLength), text.AsSpan(start, length)))
            {
                break;
            }

            at = _nextWithHash[at];
        }

        return at;
    }

    private int Add(ulong hash, ulong key, string source, int start, int length)
    {
        int at = _words.Count;
        _words.Add((source, start, length));
        Hashes.Add(hash);
        // New groups go first in their chain: the order within a chain does not matter, as its words differ.
        _nextWithHash.Add(_firstWithHash.TryGetValue(key, out int next) ? next : -1);
        _firstWithHash[key] = at;
        return at;
    }

    /// <summary>
    /// The chains' key: the word's probe hash, which reads all of a word of up to eight code units, and past that the
    /// hash of every code unit (folded, so that words equal under OrdinalIgnoreCase still meet).
    /// </summary>
    private static ulong Key(ulong hash, string text, int start, int length) =>
        length <= 8 ? hash : CorpusHash.FullWord(text, start, length);
}
