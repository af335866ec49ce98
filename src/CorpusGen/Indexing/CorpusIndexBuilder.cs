using System;
using System.Collections.Generic;
using System.Threading;
using CorpusGen.Emitting;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// Builds a corpus class's lookup structures at compile time: the exact-headline hash table, the word index and
/// the document tables, all as plain integers for the emitter to write as static data.
/// </summary>
internal static class CorpusIndexBuilder
{
    public const int HeadlineEntryWidth = 5;
    public const int WordEntryWidth = 7;

    /// <summary>A probe hash whose longest bucket exceeds this falls back to the full hash.</summary>
    private const int MaxProbeChain = 6;

    private static readonly int[] ProbeCandidates = { 0, 4, 8, 12, 16, 24, 32 };

    public static CorpusModel Build(
        string className, IReadOnlyList<DocumentLayout> layouts, GeneratorOptions options, TargetInfo target, CancellationToken cancellationToken)
    {
        var blobNames = new List<string>();
        var documentHeadlineStart = new int[layouts.Count + 1];
        var documentFirstBlob = new int[layouts.Count + 1];
        var articleDocument = new List<int>();
        var headlines = new List<HeadlineRef>();
        bool utf8 = layouts.Count > 0 && layouts[0].Utf8;

        for (int d = 0; d < layouts.Count; d++)
        {
            var layout = layouts[d];
            var document = layout.Document;
            documentHeadlineStart[d] = headlines.Count;
            documentFirstBlob[d] = blobNames.Count;
            string fileName = Naming.ForFile(document.FileName, document.StableKey);
            for (int b = 0; b < layout.BlobCount; b++)
            {
                blobNames.Add(BlobName(fileName, b));
            }

            if (document.HasArticle)
            {
                articleDocument.Add(d);
            }

            for (int h = 0; h < document.Headlines.Count; h++)
            {
                int value = DocumentValues.FirstHeadline + h;
                int blob = layout.BlobOf(value);
                headlines.Add(new HeadlineRef(
                    document.Text, document.Headlines[h], documentFirstBlob[d] + blob, layout.ValueStart[value], layout.ValueLength[value]));
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        var diagnostics = CheckLimits(className, layouts, blobNames.Count, utf8);
        documentHeadlineStart[layouts.Count] = headlines.Count;
        documentFirstBlob[layouts.Count] = blobNames.Count;

        var distinct = FirstCopies(headlines);
        var keys = HeadlineKeys.Build(headlines.ConvertAll(h => (h.Text, h.Range)), distinct, utf8);
        var headlineTable = BuildHeadlineTable(headlines, distinct, keys, cancellationToken);
        var (wordTable, postings) = BuildWordTable(headlines, utf8, keys, cancellationToken);

        return new CorpusModel(
            className,
            options,
            target,
            utf8,
            layouts.Count,
            headlines.Count,
            new EquatableArray<string>(blobNames.ToArray()),
            new EquatableArray<int>(documentHeadlineStart),
            new EquatableArray<int>(documentFirstBlob),
            new EquatableArray<int>(articleDocument.ToArray()),
            headlineTable,
            wordTable,
            postings,
            keys.Text,
            Constants(layouts, headline: true),
            Constants(layouts, headline: false),
            diagnostics);
    }

    /// <summary>
    /// String literals share the assembly's user-string heap (16 MB, so about 8 million UTF-16 code units: past it the
    /// compiler fails with CS8103), and each UTF-8 blob is one field of a type that can hold 65,535.
    /// </summary>
    public const int MaxUtf16Text = 7_500_000;

    public const int MaxBlobs = 60_000;

    private static EquatableArray<DiagnosticInfo> CheckLimits(string className, IReadOnlyList<DocumentLayout> layouts, int blobs, bool utf8)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (!utf8)
        {
            long units = 0;
            foreach (var layout in layouts)
            {
                foreach (int length in layout.BlobLength)
                {
                    units += length;
                }
            }

            if (units > MaxUtf16Text)
            {
                diagnostics.Add(DiagnosticInfo.ForProject(
                    DiagnosticDescriptors.CorpusTooLarge.Id,
                    className,
                    units.ToString(System.Globalization.CultureInfo.InvariantCulture) + " UTF-16 code units of text",
                    "the string-literal storage used without u8 literals (about " + MaxUtf16Text.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
                    "target .NET 7 or later with C# 11 or later, where text is stored as UTF-8 data with no such limit, or split the corpus"));
            }
        }

        if (blobs > MaxBlobs)
        {
            diagnostics.Add(DiagnosticInfo.ForProject(
                DiagnosticDescriptors.CorpusTooLarge.Id,
                className,
                blobs.ToString(System.Globalization.CultureInfo.InvariantCulture) + " blobs",
                "one assembly (" + MaxBlobs.ToString(System.Globalization.CultureInfo.InvariantCulture) + " static data fields)",
                "split the files over several corpus classes with the CorpusClass metadata, or over several projects"));
        }

        return new EquatableArray<DiagnosticInfo>(diagnostics.ToArray());
    }

    public static string BlobName(string fileName, int blob) => fileName + "_" + blob.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The index of the first of each set of equal headlines, ascending: IndexOfHeadline returns the first.</summary>
    private static List<int> FirstCopies(List<HeadlineRef> headlines)
    {
        var distinct = new List<int>(headlines.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < headlines.Count; i++)
        {
            if (seen.Add(headlines[i].ToText()))
            {
                distinct.Add(i);
            }
        }

        return distinct;
    }

    private static HashTableModel BuildHeadlineTable(
        List<HeadlineRef> headlines, List<int> distinct, HeadlineKeys keys, CancellationToken cancellationToken)
    {
        // Only the first of equal headlines is indexed.
        int bits = BitsFor(distinct.Count);
        var hashes = new ulong[distinct.Count];

        // Pick the probe offset that spreads the headlines best; fall back to hashing every character.
        int bestProbe = 0, bestChain = int.MaxValue;
        foreach (int probe in ProbeCandidates)
        {
            for (int i = 0; i < distinct.Count; i++)
            {
                var headline = headlines[distinct[i]];
                hashes[i] = CorpusHash.Probe(headline.Text, headline.Range.Start, headline.Range.Length, probe);
            }

            int chain = LongestChain(hashes, bits);
            if (chain < bestChain)
            {
                bestChain = chain;
                bestProbe = probe;
            }

            if (chain <= 2)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        int kind = bestChain > MaxProbeChain ? 1 : 0;
        for (int i = 0; i < distinct.Count; i++)
        {
            var headline = headlines[distinct[i]];
            hashes[i] = kind == 0
                ? CorpusHash.Probe(headline.Text, headline.Range.Start, headline.Range.Length, bestProbe)
                : CorpusHash.Full(headline.Text, headline.Range.Start, headline.Range.Length);
        }

        var (buckets, order) = Bucketize(hashes, bits);
        var entries = new int[distinct.Count * HeadlineEntryWidth];
        for (int row = 0; row < order.Length; row++)
        {
            int index = distinct[order[row]];
            var headline = headlines[index];
            int at = row * HeadlineEntryWidth;
            entries[at] = index;
            entries[at + 1] = headline.Range.Length;
            if (keys.IsInline)
            {
                entries[at + 3] = keys.Start[index];
            }
            else
            {
                entries[at + 2] = headline.Blob;
                entries[at + 3] = headline.Offset;
                entries[at + 4] = headline.StoredLength;
            }
        }

        return new HashTableModel(kind, bestProbe, bits, HeadlineEntryWidth, new EquatableArray<int>(buckets), new EquatableArray<int>(entries));
    }

    private static (HashTableModel Table, EquatableArray<int> Postings) BuildWordTable(
        List<HeadlineRef> headlines, bool utf8, HeadlineKeys keys, CancellationToken cancellationToken)
    {
        // Words equal under OrdinalIgnoreCase share one entry, represented by their first occurrence.
        var words = new Dictionary<string, WordEntry>(StringComparer.OrdinalIgnoreCase);
        var order = new List<WordEntry>();
        for (int i = 0; i < headlines.Count; i++)
        {
            var headline = headlines[i];
            string text = headline.Text;
            int end = headline.Range.End;

            // Where the scan is in the stored text, kept as it goes: measuring from the headline's start for every
            // word would cost words × length on a long headline.
            int scanned = headline.Range.Start;
            int storedOffset = headline.Offset;
            for (int p = headline.Range.Start; p < end;)
            {
                if (!Naming.IsWordChar(text[p]))
                {
                    p++;
                    continue;
                }

                int start = p;
                while (p < end && Naming.IsWordChar(text[p]))
                {
                    p++;
                }

                storedOffset += utf8 ? DocumentValues.Utf8Length(text, scanned, start - scanned) : start - scanned;
                scanned = start;
                string word = text.Substring(start, p - start);
                if (!words.TryGetValue(word, out var entry))
                {
                    int offset = storedOffset;
                    int stored = utf8 ? DocumentValues.Utf8Length(text, start, p - start) : p - start;
                    // A word's first occurrence is in the first copy of its headline, so it is in the keys too.
                    entry = keys.IsInline
                        ? new WordEntry(word, 0, keys.Start[i] + (start - headline.Range.Start), 0)
                        : new WordEntry(word, headline.Blob, offset, stored);
                    words.Add(word, entry);
                    order.Add(entry);
                }

                if (entry.Headlines.Count == 0 || entry.Headlines[entry.Headlines.Count - 1] != i)
                {
                    entry.Headlines.Add(i);
                }
            }

            if ((i & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        int bits = BitsFor(order.Count);
        var hashes = new ulong[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            hashes[i] = CorpusHash.Word(order[i].Word, 0, order[i].Word.Length);
        }

        var (buckets, rows) = Bucketize(hashes, bits);
        var entries = new int[order.Count * WordEntryWidth];
        var postings = new List<int>();
        for (int row = 0; row < rows.Length; row++)
        {
            var word = order[rows[row]];
            int at = row * WordEntryWidth;
            entries[at] = (int)hashes[rows[row]];
            entries[at + 1] = word.Word.Length;
            entries[at + 2] = word.Blob;
            entries[at + 3] = word.Offset;
            entries[at + 4] = word.StoredLength;
            entries[at + 5] = postings.Count;
            entries[at + 6] = word.Headlines.Count;
            postings.AddRange(word.Headlines);
        }

        return (new HashTableModel(0, 0, bits, WordEntryWidth, new EquatableArray<int>(buckets), new EquatableArray<int>(entries)),
            new EquatableArray<int>(postings.ToArray()));
    }

    /// <summary>Buckets for n keys: a power of two at least 2n (load factor at most one half), at least 2.</summary>
    private static int BitsFor(int count)
    {
        int bits = 1;
        while ((1L << bits) < 2L * count && bits < 30)
        {
            bits++;
        }

        return bits;
    }

    private static int LongestChain(ulong[] hashes, int bits)
    {
        var counts = new int[1 << bits];
        int longest = 0;
        foreach (ulong hash in hashes)
        {
            longest = Math.Max(longest, ++counts[CorpusHash.Bucket(hash, bits)]);
        }

        return longest;
    }

    /// <summary>Counting sort of keys by bucket: bucket starts (one extra at the end) and keys in row order.</summary>
    private static (int[] Buckets, int[] Order) Bucketize(ulong[] hashes, int bits)
    {
        var buckets = new int[(1 << bits) + 1];
        foreach (ulong hash in hashes)
        {
            buckets[CorpusHash.Bucket(hash, bits) + 1]++;
        }

        for (int b = 1; b < buckets.Length; b++)
        {
            buckets[b] += buckets[b - 1];
        }

        var next = (int[])buckets.Clone();
        var order = new int[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            order[next[CorpusHash.Bucket(hashes[i], bits)]++] = i;
        }

        return (buckets, order);
    }

    private static EquatableArray<ConstantModel> Constants(IReadOnlyList<DocumentLayout> layouts, bool headline)
    {
        // Reserved: the enclosing class's own name and the members every class inherits from object.
        var names = new Naming.NameTable(new[]
        {
            headline ? "Headline" : "Title", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize",
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var constants = new List<ConstantModel>();
        int index = 0;
        foreach (var layout in layouts)
        {
            var document = layout.Document;
            if (headline)
            {
                foreach (var range in document.Headlines)
                {
                    Add(document.GetText(range), document.FileName, index++);
                }
            }
            else if (document.Title is { } title)
            {
                Add(document.GetText(title), document.FileName, index++);
            }
        }

        return new EquatableArray<ConstantModel>(constants.ToArray());

        void Add(string text, string fileName, int at)
        {
            if (seen.Add(text))
            {
                constants.Add(new ConstantModel(names.Claim(Naming.FromText(text)), text, fileName, at));
            }
        }
    }

    private readonly record struct HeadlineRef(string Text, TextRange Range, int Blob, int Offset, int StoredLength)
    {
        public string ToText() => Text.Substring(Range.Start, Range.Length);
    }

    private sealed class WordEntry
    {
        public WordEntry(string word, int blob, int offset, int storedLength)
        {
            Word = word;
            Blob = blob;
            Offset = offset;
            StoredLength = storedLength;
        }

        public string Word { get; }

        public int Blob { get; }

        public int Offset { get; }

        public int StoredLength { get; }

        public List<int> Headlines { get; } = new();
    }
}
