namespace CorpusGen.Models;

/// <summary>
/// One corpus file read by the rules of FORMAT.md: the file's text and, as ranges into it, every value the
/// generated code exposes.
/// </summary>
/// <remarks>
/// This is the output of the per-file parse step, so it holds only strings, numbers, <see cref="EquatableArray{T}"/>s
/// and the file's own text, compared by content: nothing from a compilation (no <c>ISymbol</c>, <c>SyntaxNode</c>,
/// <c>Location</c> or <c>Diagnostic</c>) that would root one or defeat the driver's equality check. Values are ranges
/// into <see cref="Text"/> rather than strings of their own, and the text is the host's, so the step cache adds no
/// copy of the corpus.
/// </remarks>
/// <param name="Path">The file's path as the compiler gives it.</param>
/// <param name="SortKey">The path with '/' separators: corpus order is ordinal order of this key.</param>
/// <param name="StableKey">The path relative to the project, '/' separated: names derived from it do not depend on the machine.</param>
/// <param name="FileName">The file name with its extension.</param>
/// <param name="ClassName">The corpus class this file belongs to.</param>
/// <param name="Text">The file's text, as the host holds it (see <see cref="DocumentText"/>).</param>
/// <param name="Headlines">Every headline, in file order.</param>
/// <param name="Title">The article's title, or null when the file has no article.</param>
/// <param name="Paragraphs">Every paragraph of the article, in file order.</param>
/// <param name="Sections">The article's sections.</param>
/// <param name="Byline">The byline, or null.</param>
/// <param name="Author">The byline's author part, or null.</param>
/// <param name="Desk">The byline's desk part, or null.</param>
/// <param name="HasLoneSurrogate">Whether some value holds a UTF-16 surrogate without its pair (only possible for text that did not come from a file).</param>
/// <param name="IsAscii">Whether the whole text is ASCII, so that every value takes as many UTF-8 bytes as it has characters.</param>
/// <param name="Diagnostics">What the parser reported.</param>
internal sealed record DocumentModel(
    string Path,
    string SortKey,
    string StableKey,
    string FileName,
    string ClassName,
    DocumentText Text,
    EquatableArray<TextRange> Headlines,
    TextRange? Title,
    EquatableArray<TextRange> Paragraphs,
    EquatableArray<SectionModel> Sections,
    TextRange? Byline,
    TextRange? Author,
    TextRange? Desk,
    bool HasLoneSurrogate,
    bool IsAscii,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool HasArticle => Title is not null;

    public string GetText(TextRange range) => Text.Substring(range.Start, range.Length);
}
