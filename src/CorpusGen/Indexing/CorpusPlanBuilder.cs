using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CorpusGen.Emitting;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The corpus-wide step: orders a class's documents, numbers their headlines and blobs, names the constants and
/// cuts the index into shards. It computes no index hash and reads no file's text: it works from the summaries' headline
/// strings and names, with hash codes the summaries computed (and after a one-file edit, from that file's alone:
/// <see cref="ConstantsPlanner"/>), so it stays cheap when it reruns after any edit; the heavy work is in the per-file
/// summaries before it and the per-shard builds after it.
/// </summary>
internal static class CorpusPlanBuilder
{
    /// <summary>
    /// String literals share the assembly's user-string heap (16 MB, so about 8 million UTF-16 code units: past it the
    /// compiler fails with CS8103), and each UTF-8 blob is one field of a type that can hold 65,535.
    /// </summary>
    public const int MaxUtf16Text = 7_500_000;

    public const int MaxStaticFields = 60_000;

    /// <summary>
    /// Up to this many UTF-16 code units of headlines that are not ASCII (an accented letter, a curly quote, a dash), a
    /// class with UTF-8 blobs keeps those headlines' keys as string literals, one per shard beside its UTF-8 keys: a
    /// lookup compares such a key with the query as memory, as string equality does, instead of decoding UTF-8 as it
    /// compares, which measured about twice as slow (docs/benchmarks.md, session 16). It takes at most 2 MB of the
    /// assembly's 16 MB user-string heap. Past it every key is UTF-8, and nothing goes through that heap.
    /// </summary>
    public const int MaxWideHeadlineKeys = 1_000_000;

    /// <summary>About how much source one index shard may take: the shard count is the least power of two that keeps every shard under it.</summary>
    public const int ShardSourceTarget = 384 * 1024;

    /// <summary>
    /// Up to about this many characters of source, the headline index is one shard, however many
    /// <see cref="ShardSourceTarget"/> would make: a lookup in an index of one shard reads its table and keys at addresses
    /// the JIT knows, where a sharded one reads them from the shard directory first, about 1 ns of a 5-6 ns lookup on
    /// 5,000 headlines (docs/benchmarks.md, session 27). Below the 1 MB that a generated file may take; a one-file edit
    /// of such a corpus rebuilds that shard, whose source is at most this size.
    /// </summary>
    public const int OneShardSourceLimit = 900_000;

    /// <summary>Blobs reached from one accessor file, as a power of two.</summary>
    public const int BlobChunkBits = 11;

    public static string BlobName(string fileName, int blob) => fileName + "_" + blob.ToString(CultureInfo.InvariantCulture);

    public static CorpusPlan Build(
        string className, string hintName, IReadOnlyList<DocumentSummary> documents, GeneratorOptions options, TargetInfo target, CancellationToken cancellationToken)
    {
        bool utf8 = documents.Count > 0 && documents[0].Layout.Utf8;
        var headlineStart = new int[documents.Count + 1];
        var firstBlob = new int[documents.Count + 1];
        var articles = new List<int>();
        var blobNames = new List<string>();
        // Each blob named with its store class (a part per DocumentGroup.GroupsPerStore groups), as the accessors call it.
        string store = string.Empty;
        int storePart = -1;
        long headlineChars = 0, wideHeadlineChars = 0, wordChars = 0, wordItems = 0, postings = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var summary = documents[d];
            headlineStart[d + 1] = headlineStart[d] + summary.HeadlineCount;
            firstBlob[d + 1] = firstBlob[d] + summary.Layout.BlobCount;
            if (DocumentGroup.StorePartOf(d) != storePart)
            {
                storePart = DocumentGroup.StorePartOf(d);
                store = CorpusEmitter.StoreClassName(className, storePart) + ".";
            }

            foreach (string blobName in summary.BlobNames)
            {
                blobNames.Add(store + blobName);
            }

            if (summary.Document.HasArticle)
            {
                articles.Add(d);
            }

            headlineChars += summary.Stats.HeadlineChars;
            wideHeadlineChars += summary.Stats.WideHeadlineChars;
            wordChars += summary.Stats.WordChars;
            postings += summary.Stats.Postings;
            wordItems += summary.Words.Count;
        }

        cancellationToken.ThrowIfCancellationRequested();
        int headlineCount = headlineStart[documents.Count];
        bool wideHeadlineKeys = utf8 && wideHeadlineChars <= MaxWideHeadlineKeys;
        var info = new ClassInfo(className, hintName, options, target, utf8, wideHeadlineKeys);

        // Source size estimates: text, plus about 8 characters per number written.
        // Keys beyond ASCII not kept apart are three planes: three characters of source a code unit, not one.
        long planeChars = utf8 && !wideHeadlineKeys ? wideHeadlineChars : 0;
        long headlineKeySource = headlineChars + (2 * planeChars);
        int headlineBits = OneHeadlineShardSource(headlineKeySource, headlineCount) <= OneShardSourceLimit
            ? 0
            : ShardBits(headlineKeySource + 8L * 6 * headlineCount);
        // Words: a word repeated across files is counted once per file here, so this overestimates real text.
        int wordBits = ShardBits(wordChars + 8L * (wordItems + postings));
        // Key bytes: ASCII keys a byte a code unit, the others two (UTF-16, kept apart) or three (planes), or all UTF-16.
        // Keys in planes take a fingerprint whatever the size: comparing a near miss with them costs more than summing
        // it (PlaneEquals), 9.3 against 7.0 ns on 50,000 headlines beyond ASCII (docs/benchmarks.md, session 30).
        bool headlineFingerprints = planeChars > 0
            || (utf8 ? headlineChars + ((wideHeadlineKeys ? 1 : 2) * wideHeadlineChars) : 2 * headlineChars) > ShardBuilder.FingerprintKeyBytes;
        // Every headline shard gets the same number of slots (shards are hash partitions, so alike in size), which makes
        // it a constant of the lookup rather than a read.
        int headlineSlotBits = ShardBuilder.SlotBitsFor(headlineCount, headlineBits);
        int chunkBits = blobNames.Count > 1 << BlobChunkBits ? BlobChunkBits : 0;
        var usage = Usage(documents, utf8, headlineChars + wordChars, wideHeadlineKeys ? wideHeadlineChars : 0, BlobLiterals(documents), headlineBits, wordBits);
        var diagnostics = CheckLimits(className, usage, utf8);
        foreach (var summary in documents)
        {
            diagnostics.AddRange(summary.Diagnostics);
        }


        var core = new CoreModel(
            info,
            documents.Count,
            headlineCount,
            blobNames.Count,
            new EquatableArray<int>(headlineStart),
            new EquatableArray<int>(firstBlob),
            new EquatableArray<int>(articles.ToArray()),
            headlineBits,
            wordBits,
            headlineSlotBits,
            headlineFingerprints,
            chunkBits,
            chunkBits == 0 ? new EquatableArray<string>(blobNames.ToArray()) : EquatableArray<string>.Empty,
            new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

        var shards = ShardPlanner.Plan(info, documents, headlineStart, headlineBits, headlineSlotBits, wordBits);
        return new CorpusPlan(
            usage,
            core,
            shards.Headlines,
            shards.Words,
            // Without constants (CorpusConstants=false) nothing is named either.
            options.Constants ? ConstantsPlanner.Plan(info, documents, headlineStart) : EquatableArray<ConstantsGroupModel>.Empty,
            BlobChunks(info, blobNames, chunkBits));
    }

    /// <summary>
    /// About how many characters the headline index takes as one shard, as CorpusEmitter writes it with UTF-8 keys and
    /// packed tables (the largest of its forms; C# 7's int tables and UTF-16 keys take less): the keys, one character per
    /// code unit with room for an escape in 32 (the headlines beyond ASCII are a string literal apart, or in the u8
    /// literal, once either way), and the table, two ulongs per slot at 8 characters each when 0 (<c>0x0UL, </c> and
    /// its share of the line) and about 28 more per headline for the cells its row fills; both padded by up to 1/16
    /// (StaticDataSize).
    /// </summary>
    private static long OneHeadlineShardSource(long chars, int count)
    {
        long slots = 1L << ShardBuilder.SlotBitsFor(count, 0);
        long keys = chars + (chars >> 5);
        return ((keys + (16 * slots)) * 17 / 16) + (28L * count);
    }

    /// <summary>The least number of shard bits (at most the partition bits) that keeps each shard's source near the target.</summary>
    private static int ShardBits(long estimatedSource)
    {
        int bits = 0;
        while (bits < DocumentSummary.PartitionBits && estimatedSource >> bits > ShardSourceTarget)
        {
            bits++;
        }

        return bits;
    }

    private static EquatableArray<BlobChunkModel> BlobChunks(ClassInfo info, List<string> blobNames, int bits)
    {
        if (bits == 0)
        {
            return EquatableArray<BlobChunkModel>.Empty;
        }

        int size = 1 << bits;
        var chunks = new List<BlobChunkModel>();
        for (int first = 0; first < blobNames.Count; first += size)
        {
            int count = Math.Min(size, blobNames.Count - first);
            chunks.Add(new BlobChunkModel(info, first >> bits, first, new EquatableArray<string>(blobNames.GetRange(first, count).ToArray())));
        }

        return new EquatableArray<BlobChunkModel>(chunks.ToArray());
    }

    /// <summary>The static data fields the blobs take: the documents' blobs, less those that share one (<see cref="BlobPacking"/>).</summary>
    private static int BlobLiterals(IReadOnlyList<DocumentSummary> documents)
    {
        // The plan orders documents as the grouping does, so its runs of DocumentGroup.Size are the groups.
        int literals = 0;
        var group = new List<DocumentLayout>(DocumentGroup.Size);
        for (int first = 0; first < documents.Count; first += DocumentGroup.Size)
        {
            group.Clear();
            for (int d = first; d < Math.Min(documents.Count, first + DocumentGroup.Size); d++)
            {
                group.Add(documents[d].Layout);
            }

            literals += BlobPacking.Literals(group);
        }

        return literals;
    }

    private static LimitUsage Usage(
        IReadOnlyList<DocumentSummary> documents, bool utf8, long keyUnits, long headlineKeyUnits, int blobs, int headlineBits, int wordBits)
    {
        // UTF-8 blobs may still have headline keys as string literals (MaxWideHeadlineKeys).
        long units = utf8 ? headlineKeyUnits : 0;
        if (!utf8)
        {
            // Without u8 literals the blobs and the index keys are all string literals.
            units = keyUnits;
            foreach (var summary in documents)
            {
                foreach (int length in summary.Layout.BlobLength)
                {
                    units += length;
                }
            }
        }

        return new LimitUsage(units, blobs + (2L << headlineBits) + (3L << wordBits) + 16);
    }

    private static List<DiagnosticInfo> CheckLimits(string className, LimitUsage usage, bool utf8)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (!utf8 && usage.Utf16Units > MaxUtf16Text)
        {
            diagnostics.Add(TooMuchText("Corpus class '" + className + "' holds", usage.Utf16Units));
        }

        if (usage.StaticFields > MaxStaticFields)
        {
            diagnostics.Add(TooManyFields("Corpus class '" + className + "' holds", usage.StaticFields));
        }

        return diagnostics;
    }

    /// <summary>
    /// The same limits over every class of the assembly: the user-string heap and the static-data fields belong to
    /// the assembly, so two classes that each fit can still fail together (with CS8103 at build time, or with "too
    /// many fields" at run time). Nothing when one class alone is over a limit: <see cref="CheckLimits"/> reported it.
    /// </summary>
    public static List<DiagnosticInfo> CheckAssemblyLimits(IReadOnlyList<LimitUsage> classes)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (classes.Count < 2)
        {
            return diagnostics;
        }

        var total = default(LimitUsage);
        long largestUnits = 0, largestFields = 0;
        foreach (var usage in classes)
        {
            total = total.Plus(usage);
            largestUnits = Math.Max(largestUnits, usage.Utf16Units);
            largestFields = Math.Max(largestFields, usage.StaticFields);
        }

        string who = "The " + classes.Count.ToString(CultureInfo.InvariantCulture) + " corpus classes together hold";
        if (total.Utf16Units > MaxUtf16Text && largestUnits <= MaxUtf16Text)
        {
            diagnostics.Add(TooMuchText(who, total.Utf16Units));
        }

        if (total.StaticFields > MaxStaticFields && largestFields <= MaxStaticFields)
        {
            diagnostics.Add(TooManyFields(who, total.StaticFields));
        }

        return diagnostics;
    }

    private static DiagnosticInfo TooMuchText(string who, long units) => DiagnosticInfo.ForProject(
        DiagnosticDescriptors.CorpusTooLarge.Id,
        who,
        units.ToString(CultureInfo.InvariantCulture) + " UTF-16 code units of text and index keys",
        "the string-literal storage used without u8 literals, which one assembly shares (about " + MaxUtf16Text.ToString(CultureInfo.InvariantCulture) + ")",
        "target .NET 7 or later with C# 11 or later, where text is stored as UTF-8 data with no such limit, or split the corpus over several projects");

    private static DiagnosticInfo TooManyFields(string who, long fields) => DiagnosticInfo.ForProject(
        DiagnosticDescriptors.CorpusTooLarge.Id,
        who,
        "about " + fields.ToString(CultureInfo.InvariantCulture) + " static data fields (one per 192 KiB of a large file, one per group of small files that fit 192 KiB together, plus the index's tables)",
        "one assembly (" + MaxStaticFields.ToString(CultureInfo.InvariantCulture) + " fields, so that the assembly's own static data still fits in the runtime's 65,535)",
        "merge small files, or split the corpus over several projects");
}
