namespace CorpusGen.Models;

/// <summary>
/// A corpus class as the corpus-wide step lays it out: the small tables every lookup shares, and the inputs of
/// everything that is emitted in pieces (index shards, constants, blob accessors). Each piece is its own
/// equatable model, so after an edit the driver emits again only the pieces that changed.
/// </summary>
internal sealed record CorpusPlan(
    LimitUsage Usage,
    CoreModel Core,
    EquatableArray<ShardInput> HeadlineShards,
    EquatableArray<ShardInput> WordShards,
    EquatableArray<ConstantsGroupModel> Constants,
    EquatableArray<BlobChunkModel> BlobChunks);

/// <summary>What every corpus-class output needs to write its file: where the class is and what the target can do.</summary>
/// <param name="Utf8">Whether the text blobs and the word keys are UTF-8 (u8 literals) rather than string literals.</param>
/// <param name="WideHeadlineKeys">
/// With <paramref name="Utf8"/>: whether each headline shard keeps its keys that are not ASCII apart, as a string literal,
/// which a lookup compares with the query as memory (up to <see cref="Indexing.CorpusPlanBuilder.MaxWideHeadlineKeys"/>).
/// </param>
internal sealed record ClassInfo(string ClassName, string HintName, GeneratorOptions Options, TargetInfo Target, bool Utf8, bool WideHeadlineKeys);

/// <summary>The API file and the shared tables: counts, document tables and the shape of the index.</summary>
/// <param name="HeadlineShardBits">log2 of the number of headline shards.</param>
/// <param name="WordShardBits">log2 of the number of word shards.</param>
/// <param name="HeadlineSlotBits">log2 of the slots of every headline shard, each the row a lookup's scan starts at: one number for all, so that a lookup need not read it.</param>
/// <param name="HeadlineFingerprints">
/// Whether headline lookups check a row's fingerprint before its key: an index of more than
/// <see cref="Indexing.ShardBuilder.FingerprintKeyBytes"/> of keys, or one with keys in planes.
/// </param>
/// <param name="BlobChunkBits">log2 of the blobs per accessor file; 0 when every blob is reached from the tables file.</param>
internal sealed record CoreModel(
    ClassInfo Class,
    int DocumentCount,
    int HeadlineCount,
    int BlobCount,
    EquatableArray<int> DocumentHeadlineStart,
    EquatableArray<int> DocumentFirstBlob,
    EquatableArray<int> ArticleDocument,
    int HeadlineShardBits,
    int WordShardBits,
    int HeadlineSlotBits,
    bool HeadlineFingerprints,
    int BlobChunkBits,
    EquatableArray<string> BlobNames,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The input of one shard of the headline or word index: every document's slice of its partitions, in corpus order.</summary>
/// <param name="SlotBits">For a headline shard, log2 of its slots (<see cref="CoreModel.HeadlineSlotBits"/>); 0 for a word shard, which sizes its own buckets.</param>
internal sealed record ShardInput(ClassInfo Class, int ShardBits, int SlotBits, int Shard, EquatableArray<DocumentSlice> Slices);

/// <summary>
/// One shard of a hash table as static data. <see cref="Table"/> is laid out as <see cref="Indexing.ShardBuilder"/>
/// describes (a headline shard's: its probe, then open-addressed rows; a word shard's: its bucket bits, the bucket
/// starts as positions in the table, then the rows); <see cref="Keys"/> is the text the rows point
/// into, stored as UTF-8 or UTF-16 like the blobs, <see cref="KeysStored"/> units long; <see cref="WideKeys"/> the
/// headline keys that are not ASCII when the class keeps them apart (<see cref="ClassInfo.WideHeadlineKeys"/>), else empty;
/// <see cref="Filter"/> the shard's part of its class's word filter, when the class has one, else null.
/// </summary>
internal sealed record ShardModel(
    ClassInfo Class, int Shard, int Count, EquatableArray<int> Table, EquatableArray<int> Postings, string Keys, int KeysStored, string WideKeys,
    WordFilterPart? Filter, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// What one word shard gives its class's word filter (<see cref="Indexing.WordFilterBuilder"/>): the top 32 bits of the
/// probe hash of each of its words. Its own step's output, so that an edit that changes a shard's postings and not its
/// words leaves the filter as it was.
/// </summary>
internal sealed record WordFilterPart(ClassInfo Class, int Shard, EquatableArray<uint> Keys);

/// <summary>
/// A corpus class's word filter: a bit for each of the 2^<paramref name="Bits"/> ranges of word probe hashes, set when a
/// word of the index falls in it; <paramref name="Count"/> words in all.
/// </summary>
internal sealed record WordFilterModel(ClassInfo Class, int Bits, int Count, EquatableArray<ulong> Words, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The constants of one document: those of its headlines and title that are the first of their text.</summary>
internal sealed record ConstantsModel(ClassInfo Class, EquatableArray<ConstantModel> Headlines, EquatableArray<ConstantModel> Titles);

/// <summary>
/// The constants of a run of consecutive documents, emitted as one source: a source per document would make the
/// driver's check that hint names are unique (linear in the sources already added, so quadratic in all) cost more than
/// an edit's whole index work on a corpus of a thousand files.
/// </summary>
internal sealed record ConstantsGroupModel(ClassInfo Class, int Group, EquatableArray<ConstantsModel> Documents);

/// <summary>A <c>const string</c>: its identifier, its text and where it comes from (for the doc comment).</summary>
internal readonly record struct ConstantModel(string Name, string Text, string FileName, int Index);

/// <summary>The accessor for a run of blobs when there are too many for one file.</summary>
internal sealed record BlobChunkModel(ClassInfo Class, int Chunk, int FirstBlob, EquatableArray<string> BlobNames);

/// <summary>
/// What a class takes of the limits its assembly has, whatever class takes it: code units of string literals (the
/// text and the keys, on targets without u8 literals) and static-data fields (blobs, and per shard a table, its keys
/// and for words its postings, plus the document tables).
/// </summary>
internal readonly record struct LimitUsage(long Utf16Units, long StaticFields)
{
    public LimitUsage Plus(LimitUsage other) => new(Utf16Units + other.Utf16Units, StaticFields + other.StaticFields);
}
