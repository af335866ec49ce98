using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>One AdditionalFiles item for a test: its path, its content and its metadata.</summary>
/// <param name="Path">The item's path.</param>
/// <param name="Text">The decoded text, or null for an unreadable file.</param>
/// <param name="CorpusClass">The item's CorpusClass metadata, if any.</param>
/// <param name="IsCorpus">Whether the item carries Corpus="true".</param>
public sealed record CorpusFileSpec(string Path, string? Text, string? CorpusClass = null, bool IsCorpus = true)
{
    public static CorpusFileSpec FromBytes(string path, byte[] bytes, string? corpusClass = null) =>
        new(path, Decode(bytes), corpusClass);

    /// <summary>Decodes bytes as the compiler decodes an AdditionalFiles item: UTF-8, the BOM dropped.</summary>
    public static string Decode(byte[] bytes) => SourceText.From(bytes, bytes.Length, Encoding.UTF8, canBeEmbedded: false).ToString();

    public SourceText? ToSourceText() => Text is null ? null : SourceText.From(Text, Encoding.UTF8);
}
