using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Emitting;

/// <summary>
/// A generated source held as one byte per character: the driver and the compiler keep every generated source for
/// the life of a build (and the IDE for the life of a session), and a <see cref="string"/> costs two bytes per
/// character. Generated C# is almost all ASCII; the few characters above U+00FF (and U+0000, which marks them) are
/// kept beside the bytes, sorted by position.
/// </summary>
/// <remarks>
/// <see cref="NarrowBuilder"/> writes it; a source with many such characters (text in a non-Latin script) is kept as a
/// plain string instead. The checksum and the encoding are those of <c>SourceText.From(text, Encoding.UTF8)</c>.
/// </remarks>
internal sealed class NarrowSourceText : SourceText
{
    private readonly byte[] _narrow;
    private readonly int _length;
    private readonly int[] _widePositions;
    private readonly char[] _wideChars;

    /// <summary>
    /// A text of the first <paramref name="length"/> of <paramref name="narrow"/>'s bytes as characters, but at
    /// <paramref name="widePositions"/> (ascending, each holding byte 0), where <paramref name="wideChars"/> stand.
    /// </summary>
    internal NarrowSourceText(byte[] narrow, int length, int[] widePositions, char[] wideChars)
        : base(checksumAlgorithm: SourceHashAlgorithm.Sha1)
    {
        _narrow = narrow;
        _length = length;
        _widePositions = widePositions;
        _wideChars = wideChars;
    }

    /// <summary>
    /// Whether the text kept its writer's buffer rather than a copy: true when the writer was sized for the source
    /// (the emitter's size estimates), which the tests check for every source that is sized.
    /// </summary>
    internal bool KeptWriterBuffer { get; init; }

    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => _length;

    public override char this[int position]
    {
        get
        {
            if ((uint)position >= (uint)_length)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }

            byte b = _narrow[position];
            return b != 0 ? (char)b : _wideChars[Array.BinarySearch(_widePositions, position)];
        }
    }

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        }

        if (destinationIndex < 0 || destinationIndex > destination.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(destinationIndex));
        }

        for (int i = 0; i < count; i++)
        {
            destination[destinationIndex + i] = (char)_narrow[sourceIndex + i];
        }

        if (_widePositions.Length == 0)
        {
            return;
        }

        int k = Array.BinarySearch(_widePositions, sourceIndex);
        for (k = k < 0 ? ~k : k; k < _widePositions.Length && _widePositions[k] < sourceIndex + count; k++)
        {
            destination[destinationIndex + _widePositions[k] - sourceIndex] = _wideChars[k];
        }
    }

    public override string ToString(TextSpan span)
    {
        if (span.End > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span));
        }

        var chars = new char[span.Length];
        CopyTo(span.Start, chars, 0, span.Length);
        return new string(chars);
    }
}
