using System;
using System.Collections.Generic;
using System.Threading;
using CorpusGen.Emitting;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The per-file half of the index: hashes each headline and each distinct word of one document and sorts them by
/// partition. It runs in the per-file step, so an edit to one file hashes that file only.
/// </summary>
internal static class DocumentSummaryBuilder
{
    private const int PartitionCount = 1 << DocumentSummary.PartitionBits;

    public static int PartitionOf(ulong hash) => (int)(hash >> (64 - DocumentSummary.PartitionBits));

    /// <summary>A summary that indexes nothing, for a document whose summary could not be built.</summary>
    public static DocumentSummary Empty(DocumentLayout layout, DiagnosticInfo error)
    {
        var document = layout.Document;
        var names = new string[document.Headlines.Count];
        var texts = new string[names.Length];
        for (int h = 0; h < names.Length; h++)
        {
            names[h] = "_";
            texts[h] = document.GetText(document.Headlines[h]);
        }

        var noPartitions = new int[PartitionCount + 1];
        string baseName = Naming.ForFile(document.FileName, document.StableKey);
        return new DocumentSummary(
            layout,
            baseName,
            BlobNames(baseName, layout.BlobCount),
            new EquatableArray<string>(texts),
            new EquatableArray<string>(names),
            new EquatableArray<int>(Hashes(texts, names)),
            document.Title is { } title ? document.GetText(title) : null,
            document.HasArticle ? "_" : null,
            EquatableArray<HeadlineItem>.Empty,
            new EquatableArray<int>(noPartitions),
            EquatableArray<WordItem>.Empty,
            new EquatableArray<int>(noPartitions),
            EquatableArray<int>.Empty,
            EquatableArray<int>.Empty,
            default,
            new EquatableArray<DiagnosticInfo>(new[] { error }));
    }

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static DocumentSummary Build(DocumentLayout layout, CancellationToken cancellationToken)
    {
        var document = layout.Document;
        int count = document.Headlines.Count;
        var names = new string[count];
        var headlineTexts = new string[count];
        var hashes = new int[2 * count];
        var headlines = new HeadlineItem[count];
        var firsts = new List<int>(count);

        // Scratch kept by the thread: a summary is built per file, and a large corpus has thousands.
        var scratch = s_scratch ??= new Scratch();
        var groups = scratch.Groups;
        groups.Clear();
        var occurrences = scratch.Occurrences;
        occurrences.Clear();
        var lastHeadline = scratch.LastHeadline;
        lastHeadline.Clear();
        var firstHeadline = scratch.FirstHeadline;
        firstHeadline.Clear();
        var texts = scratch.Texts;
        texts.Clear();
        for (int h = 0; h < count; h++)
        {
            string text = document.GetText(document.Headlines[h]);
            names[h] = Naming.ClaimableName(Naming.FromText(text));
            headlineTexts[h] = text;
            hashes[2 * h] = StringCounts.HashOf(text);
            hashes[(2 * h) + 1] = StringCounts.HashOf(names[h]);
            headlines[h] = new HeadlineItem(h, text, CorpusHash.Probe(text, 0, text.Length, 0));
            if (texts.Add(text, hashes[2 * h]) == 1)
            {
                firsts.Add(h);
            }

            for (int p = 0; p < text.Length;)
            {
                if (!Naming.IsWordChar(text[p]))
                {
                    p++;
                    continue;
                }

                int start = p;
                while (p < text.Length && Naming.IsWordChar(text[p]))
                {
                    p++;
                }

                int length = p - start;
                ulong hash = CorpusHash.Word(text, start, length);
                int at = groups.FindOrAdd(hash, text, start, length, out bool added);
                if (added)
                {
                    lastHeadline.Add(-1);
                    firstHeadline.Add(h);
                }

                // A word's headlines, once each: recorded in headline order, gathered per word below.
                if (lastHeadline[at] != h)
                {
                    lastHeadline[at] = h;
                    occurrences.Add((at, h));
                }
            }

            if ((h & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        // Each word's headlines, word after word: a counting sort of the pairs by word keeps each run ascending.
        var wordStarts = new int[groups.Count + 1];
        foreach (var (word, _) in occurrences)
        {
            wordStarts[word + 1]++;
        }

        for (int w = 0; w < groups.Count; w++)
        {
            wordStarts[w + 1] += wordStarts[w];
        }

        var wordPostings = new int[occurrences.Count];
        var filled = (int[])wordStarts.Clone();
        foreach (var (word, headline) in occurrences)
        {
            wordPostings[filled[word]++] = headline;
        }

        // In file order in the thread's scratch first: only the sorted copy is kept.
        int wordCount = groups.Count;
        if (scratch.Words.Length < wordCount)
        {
            scratch.Words = new WordItem[Math.Max(wordCount, 2 * scratch.Words.Length)];
        }

        var unsortedWords = scratch.Words;
        long wordChars = 0;
        for (int w = 0; w < wordCount; w++)
        {
            var (_, start, length) = groups.Occurrence(w);
            unsortedWords[w] = new WordItem(firstHeadline[w], start, length, groups.Hashes[w], wordStarts[w], wordStarts[w + 1] - wordStarts[w]);
            wordChars += length;
        }

        long postings = wordPostings.Length;

        // Stable sorts by partition: file order (first occurrence for words) within a partition.
        var headlinePartitions = SortByPartition(headlines, headlines.Length, item => item.Hash, out headlines);
        var wordPartitions = SortByPartition(unsortedWords, wordCount, item => item.Hash, out var wordItems);
        string? titleText = document.Title is { } range ? document.GetText(range) : null;
        string? title = titleText is null ? null : Naming.ClaimableName(Naming.FromText(titleText));
        // A headline beyond ASCII takes more UTF-8 bytes than code units: the layout has counted them already.
        long headlineChars = 0, wideHeadlineChars = 0;
        for (int h = 0; h < count; h++)
        {
            int length = headlineTexts[h].Length;
            headlineChars += length;
            if (layout.ValueLength[DocumentValues.FirstHeadline + h] != length)
            {
                wideHeadlineChars += length;
            }
        }

        string blobBaseName = Naming.ForFile(document.FileName, document.StableKey);

        return new DocumentSummary(
            layout,
            blobBaseName,
            BlobNames(blobBaseName, layout.BlobCount),
            new EquatableArray<string>(headlineTexts),
            new EquatableArray<string>(names),
            new EquatableArray<int>(hashes),
            titleText,
            title,
            new EquatableArray<HeadlineItem>(headlines),
            new EquatableArray<int>(headlinePartitions),
            new EquatableArray<WordItem>(wordItems),
            new EquatableArray<int>(wordPartitions),
            new EquatableArray<int>(wordPostings),
            new EquatableArray<int>(firsts.ToArray()),
            new DocumentStats(headlineChars, wideHeadlineChars, wordChars, postings),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Each headline's text hash and then its name hash (see <see cref="DocumentSummary.HeadlineHashes"/>).</summary>
    private static int[] Hashes(string[] texts, string[] names)
    {
        var hashes = new int[2 * texts.Length];
        for (int h = 0; h < texts.Length; h++)
        {
            hashes[2 * h] = StringCounts.HashOf(texts[h]);
            hashes[(2 * h) + 1] = StringCounts.HashOf(names[h]);
        }

        return hashes;
    }

    [ThreadStatic]
    private static Scratch? s_scratch;

    /// <summary>What building one summary needs and does not keep.</summary>
    private sealed class Scratch
    {
        public WordGroups Groups { get; } = new();

        /// <summary>(word group, headline) pairs, in headline order, each pair once.</summary>
        public List<(int Word, int Headline)> Occurrences { get; } = new();

        /// <summary>Per word group, the last headline it was seen in.</summary>
        public List<int> LastHeadline { get; } = new();

        /// <summary>Per word group, the headline of its first word.</summary>
        public List<int> FirstHeadline { get; } = new();

        /// <summary>The document's headline texts, counted to find each text's first copy.</summary>
        public StringCounts Texts { get; } = new();

        /// <summary>The word items in file order, before they are sorted by partition.</summary>
        public WordItem[] Words { get; set; } = new WordItem[256];
    }

    private static EquatableArray<string> BlobNames(string baseName, int count)
    {
        var names = new string[count];
        for (int b = 0; b < count; b++)
        {
            names[b] = CorpusPlanBuilder.BlobName(baseName, b);
        }

        return new EquatableArray<string>(names);
    }

    /// <summary>
    /// Counting sort of the first <paramref name="count"/> <paramref name="items"/> by partition, stable, into a new
    /// array, <paramref name="sorted"/>; returns the partition starts.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static int[] SortByPartition<T>(T[] items, int count, Func<T, ulong> hash, out T[] sorted)
    {
        var starts = new int[PartitionCount + 1];
        for (int i = 0; i < count; i++)
        {
            starts[PartitionOf(hash(items[i])) + 1]++;
        }

        for (int p = 1; p < starts.Length; p++)
        {
            starts[p] += starts[p - 1];
        }

        Span<int> next = stackalloc int[PartitionCount];
        starts.AsSpan(0, PartitionCount).CopyTo(next);
        sorted = new T[count];
        for (int i = 0; i < count; i++)
        {
            var item = items[i];
            sorted[next[PartitionOf(hash(item))]++] = item;
        }

        return starts;
    }
}
