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
    public const string Corpus = nameof(Corpus);
}
