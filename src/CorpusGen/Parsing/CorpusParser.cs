using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CorpusGen.Indexing;
using CorpusGen.Models;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Parsing;

/// <summary>
/// Reads one corpus file by the rules of FORMAT.md. Pure: text in, <see cref="DocumentModel"/> out; no Roslyn
/// symbols, so it is tested without a compilation.
/// </summary>
internal static class CorpusParser
{
    /// <summary>Lines between two checks of the cancellation token.</summary>
    private const int CancellationStride = 4096;

    /// <summary>Parses <paramref name="source"/>, the content of the corpus file at <paramref name="file"/>, as the host holds it.</summary>
    public static DocumentModel Parse(CorpusFile file, SourceText source, CancellationToken cancellationToken)
    {
        // Read from the thread's buffer, not a string: the model keeps the host's text (see DocumentText).
        var chars = TextBuffer.Rent(source.Length);
        source.CopyTo(0, chars, 0, source.Length);
        return Parse(file, chars, source.Length, source, cancellationToken);
    }

    /// <summary>Parses <paramref name="text"/>, the decoded content of the corpus file at <paramref name="file"/>.</summary>
    public static DocumentModel Parse(CorpusFile file, string text, CancellationToken cancellationToken) =>
        Parse(file, text.ToCharArray(), text.Length, SourceText.From(text), cancellationToken);

    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static DocumentModel Parse(CorpusFile file, char[] text, int length, SourceText source, CancellationToken cancellationToken)
    {
        var lines = ReadNonBlankLines(text, length, cancellationToken);
        int utf8Bytes = Utf8Length(text, length, out bool hasLoneSurrogate);
        // The file name is stored with the values (value 0 of the document's blob), so it counts too: a path can hold
        // a lone surrogate (NTFS allows them), which a u8 literal cannot.
        hasLoneSurrogate |= HasLoneSurrogate(file.FileName);
        var diagnostics = new List<DiagnosticInfo>();

        var headlines = new List<TextRange>();
        int next = 0;
        for (; next < lines.Count; next++)
        {
            var line = lines[next];
            if (!IsBullet(text, line.Range))
            {
                break;
            }

            var bulletText = BulletText(text, line.Range);
            if (bulletText.Length == 0)
            {
                diagnostics.Add(At(DiagnosticDescriptors.EmptyBullet.Id, file.Path, line, (line.Number + 1).ToString()));
                continue;
            }

            headlines.Add(bulletText);
        }

        TextRange? title = null;
        TextRange? byline = null, author = null, desk = null;
        var paragraphs = s_paragraphs ??= new List<TextRange>();
        paragraphs.Clear();
        var sections = new List<SectionModel>();
        if (next < lines.Count)
        {
            title = lines[next].Range;
            int bodyEnd = lines.Count;
            if (bodyEnd - 1 > next && TrySplitByline(text, lines[bodyEnd - 1].Range, out var authorPart, out var deskPart))
            {
                byline = lines[bodyEnd - 1].Range;
                author = authorPart;
                desk = deskPart;
                bodyEnd--;
            }

            TextRange? heading = null;
            int sectionStart = 0;
            bool inSection = false;
            for (int i = next + 1; i < bodyEnd; i++)
            {
                if ((i & (CancellationStride - 1)) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var range = lines[i].Range;
                if (TryCrossHead(text, range, out var crossHead))
                {
                    if (inSection || paragraphs.Count > 0)
                    {
                        sections.Add(new SectionModel(heading, sectionStart, paragraphs.Count - sectionStart));
                    }

                    heading = crossHead;
                    sectionStart = paragraphs.Count;
                    inSection = true;
                }
                else
                {
                    paragraphs.Add(range);
                }
            }

            if (inSection || paragraphs.Count > 0)
            {
                sections.Add(new SectionModel(heading, sectionStart, paragraphs.Count - sectionStart));
            }
        }

        if (headlines.Count == 0 && title is null)
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.EmptyDocument.Id, file.Path, 0, 0, 0, 0, 0, 0, new EquatableArray<string>(new[] { file.FileName })));
        }

        return new DocumentModel(
            file.Path,
            file.SortKey,
            file.StableKey,
            file.FileName,
            file.ClassName,
            new DocumentText(source),
            new EquatableArray<TextRange>(headlines.ToArray()),
            title,
            new EquatableArray<TextRange>(paragraphs.ToArray()),
            new EquatableArray<SectionModel>(sections.ToArray()),
            byline,
            author,
            desk,
            hasLoneSurrogate,
            utf8Bytes == length,
            new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    /// <summary>The document of a file the compiler could not read: empty, with an error.</summary>
    public static DocumentModel Unreadable(CorpusFile file)
    {
        var error = new DiagnosticInfo(
            DiagnosticDescriptors.UnreadableFile.Id, file.Path, 0, 0, 0, 0, 0, 0, new EquatableArray<string>(new[] { file.Path }));
        return new DocumentModel(
            file.Path, file.SortKey, file.StableKey, file.FileName, file.ClassName, DocumentText.Empty,
            EquatableArray<TextRange>.Empty, null, EquatableArray<TextRange>.Empty, EquatableArray<SectionModel>.Empty,
            null, null, null, HasLoneSurrogate(file.FileName), true, new EquatableArray<DiagnosticInfo>(new[] { error }));
    }

    /// <summary>
    /// Splits the text at every line break the compiler counts (CR LF, LF, CR, U+0085, U+2028, U+2029), trims each
    /// line as <see cref="string.Trim()"/> does and keeps the lines that are not blank. The list is the thread's and
    /// the next call on the thread refills it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    internal static List<Line> ReadNonBlankLines(char[] text, int length, CancellationToken cancellationToken)
    {
        // The thread's list: Parse reads the lines before it parses the next file.
        var lines = s_lines ??= new List<Line>();
        lines.Clear();
        var breaks = LineBreaks.AsSpan();
        int lineNumber = 0;
        int lineStart = 0;
        while (true)
        {
            // The runtime's vectorized search: a character loop here cost about 12% of a whole run.
            int lineEnd = text.AsSpan(lineStart, length - lineStart).IndexOfAny(breaks);
            lineEnd = lineEnd < 0 ? length : lineStart + lineEnd;

            int start = lineStart;
            int end = lineEnd;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                lines.Add(new Line(lineNumber, start - lineStart, new TextRange(start, end - start)));
            }

            if (lineEnd >= length)
            {
                break;
            }

            lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < length && text[lineEnd + 1] == '\n' ? 2 : 1);
            lineNumber++;
            if ((lineNumber & (CancellationStride - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return lines;
    }

    [ThreadStatic]
    private static List<Line>? s_lines;

    [ThreadStatic]
    private static List<TextRange>? s_paragraphs;

    /// <summary>Every character that ends a line: the line breaks the compiler counts.</summary>
    private static readonly char[] LineBreaks = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

    internal static bool IsLineBreak(char c) => Array.IndexOf(LineBreaks, c) >= 0;

    /// <summary>A trimmed line that is exactly '-', or '-' followed by whitespace.</summary>
    internal static bool IsBullet(char[] text, TextRange line) =>
        text[line.Start] == '-' && (line.Length == 1 || char.IsWhiteSpace(text[line.Start + 1]));

    /// <summary>What follows a bullet line's '-', trimmed.</summary>
    internal static TextRange BulletText(char[] text, TextRange line) => Trim(text, line.Start + 1, line.End);

    /// <summary>
    /// A bullet line whose bullet text ends with whitespace then '-', with a non-empty inner text between the
    /// two dashes: <c>- 'Co-belligerents' -</c>.
    /// </summary>
    internal static bool TryCrossHead(char[] text, TextRange line, out TextRange crossHead)
    {
        crossHead = default;
        if (!IsBullet(text, line))
        {
            return false;
        }

        var bullet = BulletText(text, line);
        if (bullet.Length < 2 || text[bullet.End - 1] != '-' || !char.IsWhiteSpace(text[bullet.End - 2]))
        {
            return false;
        }

        crossHead = Trim(text, bullet.Start, bullet.End - 1);
        return crossHead.Length > 0;
    }

    /// <summary>
    /// A line with no whitespace whose last '--' has at least one character on each side: <c>P.Smith--AT</c>.
    /// </summary>
    internal static bool TrySplitByline(char[] text, TextRange line, out TextRange author, out TextRange desk)
    {
        author = desk = default;
        int dashes = -1;
        for (int i = line.Start; i < line.End; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            if (c == '-' && i + 1 < line.End && text[i + 1] == '-')
            {
                dashes = i;
            }
        }

        if (dashes <= line.Start || dashes + 2 >= line.End)
        {
            return false;
        }

        author = new TextRange(line.Start, dashes - line.Start);
        desk = new TextRange(dashes + 2, line.End - dashes - 2);
        return true;
    }

    private static TextRange Trim(char[] text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextRange(start, end - start);
    }

    /// <summary>
    /// The UTF-8 size of the text, from the runtime's vectorized counter, which also finds a lone surrogate (it throws
    /// on one: such text cannot come from a file, so the exception is the rare path); -1 then.
    /// </summary>
    private static int Utf8Length(char[] text, int length, out bool hasLoneSurrogate)
    {
        try
        {
            hasLoneSurrogate = false;
            return StrictUtf8.GetByteCount(text, 0, length);
        }
        catch (EncoderFallbackException)
        {
            hasLoneSurrogate = true;
            return -1;
        }
    }

    /// <summary>Whether <paramref name="text"/> holds a surrogate without its pair: what the strict encoder (and a u8 literal) rejects.</summary>
    private static bool HasLoneSurrogate(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return false;
        }
        catch (EncoderFallbackException)
        {
            return true;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static DiagnosticInfo At(string id, string path, Line line, params string[] arguments) =>
        new(id, path, line.Range.Start, line.Range.Length, line.Number, line.Column, line.Number, line.Column + line.Range.Length,
            new EquatableArray<string>(arguments));

    /// <summary>A non-blank line: its zero-based number, the column where its trimmed text starts, and that text.</summary>
    internal readonly record struct Line(int Number, int Column, TextRange Range);
}
