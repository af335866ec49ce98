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
/// strings and names (a set of each, for first copies and names), so it stays cheap when it reruns after any edit;
/// the heavy work is in the per-file summaries before it and the per-shard builds after it.
/// </summary>
internal static class CorpusPlanBuilder
{
    /// <summary>
    /// String literals share the assembly's user-string heap (16 MB, so about 8 million UTF-16 code units: past it the
    /// compiler fails with CS8103), and each UTF-8 blob is one field of a type that can hold 65,535.
    /// </summary>
    public const int MaxUtf16Text = 7_500_000;

    public const int MaxBlobs = 60_000;

    /// <summary>About how much source one index shard may take: the shard count is the least power of two that keeps every shard under it.</summary>
    public const int ShardSourceTarget = 384 * 1024;

    /// <summary>Documents whose constants share one source.</summary>
    public const int ConstantsGroupSize = 16;

    /// <summary>Blobs reached from one accessor file, as a power of two.</summary>
    public const int BlobChunkBits = 11;

    public static string BlobName(string fileName, int blob) => fileName + "_" + blob.ToString(CultureInfo.InvariantCulture);

    public static CorpusPlan Build(
        string className, IReadOnlyList<DocumentSummary> documents, GeneratorOptions options, TargetInfo target, CancellationToken cancellationToken)
    {
        bool utf8 = documents.Count > 0 && documents[0].Layout.Utf8;
        var info = new ClassInfo(className, options, target, utf8);
        var headlineStart = new int[documents.Count + 1];
        var firstBlob = new int[documents.Count + 1];
        var articles = new List<int>();
        var blobNames = new List<string>();
        long headlineChars = 0, wordChars = 0, wordItems = 0, postings = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var summary = documents[d];
            headlineStart[d + 1] = headlineStart[d] + summary.HeadlineCount;
            firstBlob[d + 1] = firstBlob[d] + summary.Layout.BlobCount;
            blobNames.AddRange(summary.BlobNames);

            if (summary.Document.HasArticle)
            {
                articles.Add(d);
            }

            headlineChars += summary.Stats.HeadlineChars;
            wordChars += summary.Stats.WordChars;
            postings += summary.Stats.Postings;
            wordItems += summary.Words.Count;
        }

        cancellationToken.ThrowIfCancellationRequested();
        int headlineCount = headlineStart[documents.Count];

        // Source size estimates: text, plus about 8 characters per number written.
        int headlineBits = ShardBits(headlineChars + 8L * 6 * headlineCount);
        // Words: a word repeated across files is counted once per file here, so this overestimates real text.
        int wordBits = ShardBits(wordChars + 8L * (wordItems + postings));
        int chunkBits = blobNames.Count > 1 << BlobChunkBits ? BlobChunkBits : 0;
        var diagnostics = CheckLimits(className, documents, blobNames.Count, utf8, headlineChars + wordChars);
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
            chunkBits,
            chunkBits == 0 ? new EquatableArray<string>(blobNames.ToArray()) : EquatableArray<string>.Empty,
            new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

        return new CorpusPlan(
            core,
            Shards(info, documents, headlineStart, headlineBits, words: false),
            Shards(info, documents, headlineStart, wordBits, words: true),
            Constants(info, documents, headlineStart),
            BlobChunks(info, blobNames, chunkBits));
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

    private static EquatableArray<ShardInput> Shards(
        ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart, int bits, bool words)
    {
        int shards = 1 << bits;
        int partitionsPerShard = 1 << (DocumentSummary.PartitionBits - bits);

        // Counted first, so that each shard's slices go straight into an array of their number.
        var counts = new int[shards];
        foreach (var summary in documents)
        {
            var partitions = words ? summary.WordPartitions : summary.HeadlinePartitions;
            for (int s = 0; s < shards; s++)
            {
                if (partitions[(s + 1) * partitionsPerShard] > partitions[s * partitionsPerShard])
                {
                    counts[s]++;
                }
            }
        }

        var slices = new DocumentSlice[shards][];
        for (int s = 0; s < shards; s++)
        {
            slices[s] = new DocumentSlice[counts[s]];
            counts[s] = 0;
        }

        for (int d = 0; d < documents.Count; d++)
        {
            var summary = documents[d];
            var partitions = words ? summary.WordPartitions : summary.HeadlinePartitions;
            for (int s = 0; s < shards; s++)
            {
                int start = partitions[s * partitionsPerShard];
                int end = partitions[(s + 1) * partitionsPerShard];
                if (end > start)
                {
                    slices[s][counts[s]++] = new DocumentSlice(summary, words, headlineStart[d], start, end);
                }
            }
        }

        var inputs = new ShardInput[shards];
        for (int s = 0; s < shards; s++)
        {
            inputs[s] = new ShardInput(info, bits, s, new EquatableArray<DocumentSlice>(slices[s]));
        }

        return new EquatableArray<ShardInput>(inputs);
    }

    private static EquatableArray<ConstantsGroupModel> Constants(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart)
    {
        // The thread's sets, emptied: the plan reruns on every edit, and sets of every headline grown from nothing each
        // time were most of what an edit allocated.
        var scratch = s_constantsScratch ??= new ConstantsScratch();
        var headlineNames = scratch.HeadlineNames;
        headlineNames.Reset(ReservedHeadlineNames);
        var titleNames = scratch.TitleNames;
        titleNames.Reset(ReservedTitleNames);
        var seenHeadlines = scratch.SeenHeadlines;
        seenHeadlines.Clear();
        var seenTitles = scratch.SeenTitles;
        seenTitles.Clear();
        var models = new ConstantsModel[documents.Count];
        int article = 0;
        var headlines = new Collector();
        var titles = new Collector();
        for (int d = 0; d < documents.Count; d++)
        {
            var summary = documents[d];
            var document = summary.Document;
            // The previous run's model of this file, if the driver kept its summary: most files' constants do not
            // change when one file is edited, and those keep their model (no allocation, compared by reference).
            // (Reading the table takes no lock: it is safe for concurrent use. Replacing an entry takes one, so that two
            // runs cannot both add it.)
            ConstantsModel? last = null;
            if (s_lastConstants.TryGetValue(summary, out var found) && found.Class.Equals(info))
            {
                last = found;
            }

            headlines.Start(last?.Headlines ?? EquatableArray<ConstantModel>.Empty);
            titles.Start(last?.Titles ?? EquatableArray<ConstantModel>.Empty);

            // Only a document's first copies can be the corpus's first: its repeats are skipped without hashing.
            foreach (int h in summary.FirstCopies)
            {
                string text = summary.HeadlineTexts[h];
                if (seenHeadlines.Add(text, summary.HeadlineHashes[2 * h]))
                {
                    string name = headlineNames.Claim(summary.HeadlineNames[h], summary.HeadlineHashes[(2 * h) + 1]);
                    headlines.Add(name, text, document.FileName, headlineStart[d] + h);
                }
            }

            if (summary.TitleText is { } title)
            {
                if (seenTitles.Add(title))
                {
                    titles.Add(titleNames.Claim(summary.TitleName!), title, document.FileName, article);
                }

                article++;
            }

            if (last is not null && headlines.IsLast && titles.IsLast)
            {
                models[d] = last;
                continue;
            }

            models[d] = new ConstantsModel(info, headlines.ToArray(), titles.ToArray());
            lock (s_lastConstants)
            {
                s_lastConstants.Remove(summary);
                s_lastConstants.Add(summary, models[d]);
            }
        }

        // Groups of consecutive documents; a class with no document still gets one (empty) group, as it gets its API.
        var groups = new ConstantsGroupModel[Math.Max(1, (models.Length + ConstantsGroupSize - 1) / ConstantsGroupSize)];
        for (int g = 0; g < groups.Length; g++)
        {
            int first = g * ConstantsGroupSize;
            var members = new ConstantsModel[Math.Max(0, Math.Min(ConstantsGroupSize, models.Length - first))];
            Array.Copy(models, first, members, 0, members.Length);
            groups[g] = new ConstantsGroupModel(info, g, new EquatableArray<ConstantsModel>(members));
        }

        return new EquatableArray<ConstantsGroupModel>(groups);
    }

    // Keyed by the driver's cached summaries: an entry goes when the driver lets go of its summary.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DocumentSummary, ConstantsModel> s_lastConstants = new();

    /// <summary>
    /// One file's constants, compared as they come with the previous run's: nothing is allocated while they agree.
    /// </summary>
    private sealed class Collector
    {
        private readonly List<ConstantModel> _items = new();
        private EquatableArray<ConstantModel> _last;
        private int _matched;
        private bool _differs;

        /// <summary>Whether every constant since <see cref="Start"/> is the previous run's, and no more or fewer.</summary>
        public bool IsLast => !_differs && _matched == _last.Count;

        public void Start(EquatableArray<ConstantModel> last)
        {
            _items.Clear();
            _last = last;
            _matched = 0;
            _differs = false;
        }

        public void Add(string name, string text, string fileName, int index)
        {
            if (!_differs && _matched < _last.Count)
            {
                var old = _last[_matched];
                if (old.Index == index && old.Name == name && old.Text == text && old.FileName == fileName)
                {
                    _matched++;
                    return;
                }
            }

            if (!_differs)
            {
                _differs = true;
                for (int i = 0; i < _matched; i++)
                {
                    _items.Add(_last[i]);
                }
            }

            _items.Add(new ConstantModel(name, text, fileName, index));
        }

        public EquatableArray<ConstantModel> ToArray()
        {
            if (IsLast)
            {
                return _last;
            }

            if (!_differs)
            {
                // Fewer than last time, all of them the same so far.
                for (int i = 0; i < _matched; i++)
                {
                    _items.Add(_last[i]);
                }
            }

            return new EquatableArray<ConstantModel>(_items.ToArray());
        }
    }

    // Reserved: the enclosing class's own name and the members every class inherits from object.
    private static readonly string[] Inherited = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize" };
    private static readonly string[] ReservedHeadlineNames = Reserved("Headline", Inherited);
    private static readonly string[] ReservedTitleNames = Reserved("Title", Inherited);

    [ThreadStatic]
    private static ConstantsScratch? s_constantsScratch;

    /// <summary>What claiming the constants needs and does not keep.</summary>
    private sealed class ConstantsScratch
    {
        public Naming.NameTable HeadlineNames { get; } = new(ReservedHeadlineNames);

        public Naming.NameTable TitleNames { get; } = new(ReservedTitleNames);

        public StringSet SeenHeadlines { get; } = new();

        public StringSet SeenTitles { get; } = new();
    }

    private static string[] Reserved(string className, string[] inherited)
    {
        var names = new string[inherited.Length + 1];
        names[0] = className;
        inherited.CopyTo(names, 1);
        return names;
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

    private static List<DiagnosticInfo> CheckLimits(
        string className, IReadOnlyList<DocumentSummary> documents, int blobs, bool utf8, long keyUnits)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (!utf8)
        {
            // Without u8 literals the blobs and the index keys are all string literals.
            long units = keyUnits;
            foreach (var summary in documents)
            {
                foreach (int length in summary.Layout.BlobLength)
                {
                    units += length;
                }
            }

            if (units > MaxUtf16Text)
            {
                diagnostics.Add(DiagnosticInfo.ForProject(
                    DiagnosticDescriptors.CorpusTooLarge.Id,
                    className,
                    units.ToString(CultureInfo.InvariantCulture) + " UTF-16 code units of text and index keys",
                    "the string-literal storage used without u8 literals (about " + MaxUtf16Text.ToString(CultureInfo.InvariantCulture) + ")",
                    "target .NET 7 or later with C# 11 or later, where text is stored as UTF-8 data with no such limit, or split the corpus"));
            }
        }

        if (blobs > MaxBlobs)
        {
            diagnostics.Add(DiagnosticInfo.ForProject(
                DiagnosticDescriptors.CorpusTooLarge.Id,
                className,
                blobs.ToString(CultureInfo.InvariantCulture) + " blobs",
                "one assembly (" + MaxBlobs.ToString(CultureInfo.InvariantCulture) + " static data fields)",
                "split the files over several corpus classes with the CorpusClass metadata, or over several projects"));
        }

        return diagnostics;
    }
}
