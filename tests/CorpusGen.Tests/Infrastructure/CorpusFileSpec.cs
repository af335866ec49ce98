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

    /// <summary>
    /// The text as the compiler holds a file it read: decoded from UTF-8 bytes, so that a file past about 40,000
    /// characters is a chunked text, not one string. Text that would not read back the same (a lone surrogate, which
    /// only a UTF-16 file can carry, or a leading U+FEFF, which decoding takes for a BOM) stays a string.
    /// </summary>
    public SourceText? ToSourceText()
    {
        if (Text is null)
        {
            return null;
        }

        using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes(Text), writable: false);
        var decoded = SourceText.From(stream, Encoding.UTF8);
        return decoded.ToString() == Text ? decoded : SourceText.From(Text, Encoding.UTF8);
    }
}
