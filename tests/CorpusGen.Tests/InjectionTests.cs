using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// Corpus text is data: text that would close a string literal, a comment or a doc tag, or that reorders what a
/// reviewer sees (bidi controls, CVE-2021-42574), must come out as escapes, never as code.
/// </summary>
public sealed class InjectionTests
{
    private static readonly string[] HostileTexts =
    {
        "\"; } class Evil { //",
        "\"u8; } class Evil { static void M() { } } //",
        "\\\"; class Evil {}",
        "\\",
        "ends with a backslash \\",
        "*/ class Evil { } /*",
        "</summary><remarks>Evil</remarks><summary>",
        "<![CDATA[ ]]> &amp; &lt; <see cref=\"Evil\"/>",
        "{0} {{ }} $\"{Evil}\" @\"Evil\" \"\"\" raw \"\"\"",
        "#if EVIL #endregion #pragma warning disable",
        "'\\'' '\"' '\\u0022'",
        "\\u0022; class Evil { } //",
        "abc\u202Edef\u202Cghi",
        "\u2066isolated\u2069 \u2067rtl\u2069 \u2068first\u2069",
        "marks \u200E\u200F\u061C and \u202A\u202B\u202D",
        "zero\u200Bwidth\u200Cjoin\u200Dbom\uFEFF",
        "soft\u00ADhyphen word\u2060joiner",
        "control \u0001\u0007\u001B[31m\u007F\u0080\u009F",
        "\u0000 nul",
        "private \uE000 use \uF8FF",
        "noncharacters \uFFFE \uFFFF \uFDD0",
        "astral \U0001F600 \U0001D538 \U000E0041 tag \U0010FFFF",
        "combining e\u0301 \u20DD \u0489",
        "spaces\u00A0\u2000\u2007\u202F\u205F\u3000inside",
        "\"\"\"\"\"\"\"\"\"",
        "// line comment */ /* block",
        "\u202E\"; } class Evil { //\u202C",
    };

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (string text in HostileTexts)
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Hostile_text_in_every_value_compiles_and_reads_back_as_text(string payload)
    {
        var files = new[] { new CorpusFileSpec("/project/news/evil.txt", Document(payload)) };

        var output = Run(files);
        var values = CompiledCorpus.Load(output.Compilation).Values();

        Assert.Equal(ReferenceReader.Read(files).Dump(), values.Dump());
        Assert.Contains(payload.Trim(), values.Headlines);
        AssertSourcesAreInert(output);
    }

    [Fact]
    public void Hostile_text_in_UTF16_blobs_compiles_and_reads_back_as_text()
    {
        var files = HostileTexts.Select((text, i) => new CorpusFileSpec($"/project/news/evil{i:D2}.txt", Document(text))).ToList();
        var parseOptions = GeneratorRunner.ParseOptions(LanguageVersion.CSharp10);

        var output = Run(files, parseOptions);
        var values = CompiledCorpus.Load(output.Compilation).Values();

        Assert.Equal(ReferenceReader.Read(files).Dump(), values.Dump());
        AssertSourcesAreInert(output, parseOptions);
    }

    [Fact]
    public void Hostile_folder_and_file_names_stay_text()
    {
        var files = new[]
        {
            new CorpusFileSpec("/project/evil */ </summary>/\"; class Evil { }.txt", "- One\nTitle\n"),
            new CorpusFileSpec("/project/line\nbreak\u2028folder/\u202Efdp.txt", "- Two\nTitle\n"),
            new CorpusFileSpec("/project/x/<remarks>&amp;\u0007\u0085.txt", "- Three\nTitle\n"),
        };

        var output = Run(files);

        Assert.Equal(ReferenceReader.Read(files).Dump(), CompiledCorpus.Load(output.Compilation).Values().Dump());
        AssertSourcesAreInert(output);
    }

    [Fact]
    public void Lone_surrogates_stay_text()
    {
        var files = new[] { new CorpusFileSpec("/project/news/surrogates.txt", Document("lone \uD800 high, \uDC00 low, \uDBFF\uDBFF, \uDFFF\uD800 reversed")) };

        var output = Run(files);

        Assert.Equal(ReferenceReader.Read(files).Dump(), CompiledCorpus.Load(output.Compilation).Values().Dump());
        AssertSourcesAreInert(output, benign: "- One \uD800\nTitle\n");
    }

    [Fact]
    public void Bidi_controls_are_written_as_escapes()
    {
        var files = new[] { new CorpusFileSpec("/project/news/bidi.txt", "- a\u202Eb\u2066c\u2069\nTitle\u200F\n") };

        var output = Run(files);

        // One constants file per document: headline and title constants together.
        string constants = Assert.Single(output.Sources, source => source.Key.StartsWith("Corpus.Constants.", StringComparison.Ordinal)).Value;
        Assert.Contains("\"a\\u202Eb\\u2066c\\u2069\"", constants, StringComparison.Ordinal);
        Assert.Contains("/// <summary>a\\u202Eb\\u2066c\\u2069</summary>", constants, StringComparison.Ordinal);
        Assert.Contains("\"Title\\u200F\"", constants, StringComparison.Ordinal);
        AssertSourcesAreInert(output);
    }

    [Fact]
    public void Namespace_and_class_options_that_are_not_identifiers_never_reach_the_source()
    {
        var properties = new Dictionary<string, string>
        {
            ["CorpusNamespace"] = "Evil; class X { } namespace Y",
            ["CorpusClassName"] = "Corpus { } class Evil",
            ["CorpusVisibility"] = "public class Evil",
        };
        var files = new[] { new CorpusFileSpec("/project/news/a.txt", "- One\nTitle\n", CorpusClass: "C\"; class Evil") };

        var output = GeneratorRunner.Run(files, properties).AssertCompilesClean();

        Assert.Contains(output.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        AssertSourcesAreInert(output);
    }

    /// <summary>A document that carries the payload in every kind of value.</summary>
    private static string Document(string payload) =>
        "- " + payload + "\n"
        + "- plain headline\n"
        + payload + " title\n"
        + payload + "\n"
        + "- " + payload + " -\n"
        + "paragraph " + payload + "\n"
        + "- " + payload + "x -\n"
        + Byline(payload) + "\n";

    /// <summary>A byline carrying the payload where it has no whitespace, so that it stays a byline.</summary>
    private static string Byline(string payload)
    {
        string squeezed = new(payload.Where(c => !char.IsWhiteSpace(c) && c is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029')).ToArray());
        return "A" + squeezed + "--" + squeezed + "Z";
    }

    private static GeneratorOutput Run(IEnumerable<CorpusFileSpec> files, CSharpParseOptions? parseOptions = null)
    {
        // Diagnose mode: a doc comment that is not well-formed XML would be a warning, and fail the run.
        parseOptions = (parseOptions ?? GeneratorRunner.ParseOptions()).WithDocumentationMode(DocumentationMode.Diagnose);
        string probe = "#pragma warning disable CS1591\n" + CompiledCorpus.ProbeSource();
        return GeneratorRunner.Run(files, sources: new[] { probe }, parseOptions: parseOptions).AssertCompilesClean();
    }

    /// <summary>
    /// Every generated file: no raw control, format (bidi, zero-width), separator or private-use character and no
    /// lone surrogate; no type, method, directive or comment other than those a benign corpus produces.
    /// </summary>
    private static void AssertSourcesAreInert(GeneratorOutput output, CSharpParseOptions? parseOptions = null, string benign = "- One\nTitle\nBody.\n")
    {
        var baseline = ShapeOf(GeneratorRunner.Run(new[] { new CorpusFileSpec("/project/news/benign.txt", benign) }, parseOptions: parseOptions).Sources.Values);
        foreach (var (hintName, source) in output.Sources)
        {
            AssertNoInvisibleCharacters(hintName, source);
            var root = CSharpSyntaxTree.ParseText(source, GeneratorRunner.ParseOptions()).GetRoot();
            Assert.False(root.ContainsDiagnostics, hintName + " does not parse: " + string.Join("; ", root.GetDiagnostics().Take(3)));
            Assert.DoesNotContain(root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>(), t => t.Identifier.ValueText.Contains("Evil", StringComparison.Ordinal));
        }

        var shape = ShapeOf(output.Sources.Values);
        Assert.Equal(baseline.Types, shape.Types);
        Assert.Equal(baseline.Directives, shape.Directives);
        Assert.Equal(baseline.Methods, shape.Methods);
        Assert.Equal(baseline.Comments, shape.Comments);
    }

    private static void AssertNoInvisibleCharacters(string hintName, string source)
    {
        int line = 1;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c == '\n')
            {
                line++;
                continue;
            }

            Assert.False(char.IsSurrogate(c) && !char.IsSurrogatePair(source, i), $"{hintName}({line}): lone surrogate U+{(int)c:X4}");
            var category = CharUnicodeInfo.GetUnicodeCategory(source, i);
            bool bad = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
                || (category == UnicodeCategory.SpaceSeparator && c != ' ');
            Assert.False(bad, $"{hintName}({line}): raw U+{char.ConvertToUtf32(source, i):X4} ({category}) in the generated source");
            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }
    }

    private static Shape ShapeOf(IEnumerable<string> sources)
    {
        var types = new SortedSet<string>(StringComparer.Ordinal);
        var directives = new SortedSet<string>(StringComparer.Ordinal);
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        var comments = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string source in sources)
        {
            var root = CSharpSyntaxTree.ParseText(source, GeneratorRunner.ParseOptions()).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                types.Add(type.Identifier.ValueText);
            }

            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                methods.Add(method.Identifier.ValueText);
            }

            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            {
                if (trivia.IsDirective)
                {
                    directives.Add(trivia.ToString().Trim());
                }
                else if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    comments.Add(trivia.ToString());
                }
            }
        }

        return new Shape(types, directives, methods, comments);
    }

    private sealed record Shape(SortedSet<string> Types, SortedSet<string> Directives, SortedSet<string> Methods, SortedSet<string> Comments);
}
