using System;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Models;

/// <summary>
/// The text of a corpus file, as the host holds it. The step cache keeps every file's model for the life of the
/// driver; holding the host's <see cref="SourceText"/> (which the host keeps anyway) instead of a string decoded from
/// it saves two bytes per character of the corpus. The compiler reads large files into a chunked text, so a string is
/// made only while a step needs one, see <see cref="ToString()"/>.
/// </summary>
internal sealed class DocumentText : IEquatable<DocumentText>
{
    public static readonly DocumentText Empty = new(SourceText.From(string.Empty));

    private readonly SourceText _source;

    public DocumentText(SourceText source) => _source = source;

    public int Length => _source.Length;

    /// <summary>The whole text: the host's own string when it holds one, otherwise a copy.</summary>
    public override string ToString() => _source.ToString();

    /// <summary>Copies the whole text to the start of <paramref name="destination"/>.</summary>
    public void CopyTo(char[] destination) => _source.CopyTo(0, destination, 0, _source.Length);

    /// <summary>The characters [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) as a string.</summary>
    public string Substring(int start, int length)
    {
        // A chunked text builds a substring through a StringBuilder; a copy into the thread's buffer is one string.
        if (length > MaxBuffered)
        {
            return _source.ToString(new TextSpan(start, length));
        }

        var buffer = s_buffer ??= new char[MaxBuffered];
        _source.CopyTo(start, buffer, 0, length);
        return new string(buffer, 0, length);
    }

    private const int MaxBuffered = 4096;

    [ThreadStatic]
    private static char[]? s_buffer;

    /// <summary>Equal content, character by character (a file saved unchanged is equal; any edit is not).</summary>
    public bool Equals(DocumentText? other) =>
        other is not null && (ReferenceEquals(_source, other._source) || (_source.Length == other._source.Length && _source.ContentEquals(other._source)));

    public override bool Equals(object? obj) => Equals(obj as DocumentText);

    public override int GetHashCode() => _source.Length;
}
