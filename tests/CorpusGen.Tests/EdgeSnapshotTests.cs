using System.Globalization;
using System.Linq;
using CorpusGen.Tests.Infrastructure;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// The generated source for small edge files, reviewed as snapshots. Each test also checks that no corpus character
/// reaches the source raw when it could hide code or break a line: controls, bidi and other format characters,
/// separators other than the space.
/// </summary>
public sealed class EdgeSnapshotTests
{
    [Fact]
    public void Hostile_characters_file()
    {
        const string Text =
            "- Quote \" backslash \\ comment */ doc </summary> & braces {} raw \"\"\"\r\n"
            + "- Bidi \u202Eevil\u202C \u2066iso\u2069, zero\u200Bwidth\uFEFF, NUL \u0000 BEL \u0007 DEL \u007F C1 \u009B\r\n"
            + "- Emoji \U0001F600, \u00DCn\u00EFc\u00F6d\u00E9, \u65E5\u672C\u8A9E, tab\there, nbsp\u00A0here\r\n"
            + "- -\r\n"
            + "-x is the title \"\\\r\n"
            + "- Cross \u202E */ -\r\n"
            + "Paragraph \u2028 split by a line separator\r\n"
            + "O'Brien\"\\<&>--D\u202Ek";

        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/project/news/hostile.txt", Text) }).AssertCompilesClean();

        AssertNoRawHazards(output);
        Snapshot.VerifyData(output, nameof(EdgeSnapshotTests));
    }

    [Fact]
    public void Sections_without_byline()
    {
        const string Text = "- One headline\n\nThe title\nLead paragraph.\n- First -\nIn the first section.\n- Empty -\n- Last -\nIn the last section.\nStill the last section.\n";

        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/project/news/sections.txt", Text) }).AssertCompilesClean();

        AssertNoRawHazards(output);
        Snapshot.VerifyData(output, nameof(EdgeSnapshotTests));
    }

    [Fact]
    public void Empty_file()
    {
        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/project/news/empty.txt", string.Empty) }).AssertCompilesClean();

        Assert.Equal("CORPUS002", Assert.Single(output.GeneratorDiagnostics).Id);
        AssertNoRawHazards(output);
        Snapshot.VerifyData(output, nameof(EdgeSnapshotTests));
    }

    [Fact]
    public void Headlines_only_file_beside_an_article()
    {
        var output = GeneratorRunner.Run(new[]
        {
            new CorpusFileSpec("/project/news/b_article.txt", "- Shared headline\n- Article headline\nArticle title\nOne paragraph.\nA.Writer--DESK"),
            new CorpusFileSpec("/project/news/a_headlines.txt", "- Shared headline\n- Only headlines here\n"),
        }).AssertCompilesClean();

        Assert.Empty(output.GeneratorDiagnostics);
        AssertNoRawHazards(output);
        Snapshot.VerifyData(output, nameof(EdgeSnapshotTests));
    }

    /// <summary>
    /// Only printable characters, the space and line ends may appear raw in generated source: a tab, a control, a
    /// format character (bidi overrides and isolates, zero-width characters, the BOM) or a line or paragraph
    /// separator must have been escaped.
    /// </summary>
    private static void AssertNoRawHazards(GeneratorOutput output)
    {
        foreach (var (hintName, source) in output.Sources)
        {
            var hazard = source.Select((c, index) => (c, index)).FirstOrDefault(pair => IsHazard(pair.c));
            Assert.True(
                hazard == default,
                $"{hintName} holds U+{(int)hazard.c:X4} raw at offset {hazard.index.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static bool IsHazard(char c)
    {
        if (c is '\r' or '\n')
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
            && c != ' ';
    }
}
