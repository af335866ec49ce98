namespace CorpusGen;

/// <summary>Names of the pipeline steps, for <c>WithTrackingName</c> and the caching tests.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string Target = nameof(Target);
    public const string Files = nameof(Files);
    public const string Parse = nameof(Parse);
    public const string Encoding = nameof(Encoding);
    public const string Layout = nameof(Layout);
    public const string DocumentGroups = nameof(DocumentGroups);
    public const string Summary = nameof(Summary);
    public const string Corpus = nameof(Corpus);
    public const string Core = nameof(Core);
    public const string HeadlineShardInputs = nameof(HeadlineShardInputs);
    public const string HeadlineShards = nameof(HeadlineShards);
    public const string WordShardInputs = nameof(WordShardInputs);
    public const string WordShards = nameof(WordShards);
    public const string WordFilterParts = nameof(WordFilterParts);
    public const string WordFilters = nameof(WordFilters);
    public const string Constants = nameof(Constants);
    public const string BlobChunks = nameof(BlobChunks);
}
