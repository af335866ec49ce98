namespace CorpusGen.Models;

/// <summary>What the consuming compilation can do, which decides the shape of the generated code.</summary>
/// <param name="LanguageVersion">The consumer's C# version as a number: 703 for 7.3, 1100 for 11.</param>
/// <param name="HasSpans">ReadOnlySpan&lt;T&gt;, MemoryExtensions and MemoryMarshal exist (and C# 7.2+).</param>
/// <param name="HasCreateSpan">RuntimeHelpers.CreateSpan exists (.NET 7+): ReadOnlySpan&lt;int&gt; over static data allocates nothing.</param>
/// <param name="HasUtf8Transcoding">System.Text.Unicode.Utf8 exists.</param>
/// <param name="HasAscii">System.Text.Ascii exists (.NET 8+).</param>
internal sealed record TargetInfo(int LanguageVersion, bool HasSpans, bool HasCreateSpan, bool HasUtf8Transcoding, bool HasAscii)
{
    public bool HasNullable => LanguageVersion >= 800;

    public bool HasSpanTables => HasSpans && HasCreateSpan;

    /// <summary>u8 literals need C# 11; the UTF-8 paths need spans and the Utf8 transcoder.</summary>
    public bool CanUseUtf8 => LanguageVersion >= 1100 && HasSpanTables && HasUtf8Transcoding;
}
