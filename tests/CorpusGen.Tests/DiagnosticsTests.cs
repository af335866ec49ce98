using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CorpusGen.Models;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// Every diagnostic CorpusGen reports: its ID, severity, file and 0-based line and column. Every run here must also
/// leave the generator unbroken (no exception) and its output compiling without a warning.
/// </summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void Empty_bullet_is_a_warning_at_the_bullet()
    {
        // Lines: 0 "- First", 1 "\t-", 2 "  -   ", 3 "- Second", 4 "\u3000\u3000-", 5 "Title", 6 "-" (a body paragraph).
        const string Text = "- First\r\n\t-\u2028  -   \n- Second\u0085\u3000\u3000-\u2029Title\r-\n";
        var file = new CorpusFileSpec("/p/news/a.txt", Text);

        var output = Run(file);

        var diagnostics = Reported(output, "CORPUS001");
        Assert.Equal(3, diagnostics.Count);
        AssertAt(diagnostics[0], "CORPUS001", DiagnosticSeverity.Warning, "/p/news/a.txt", (1, 1), (1, 2));
        AssertAt(diagnostics[1], "CORPUS001", DiagnosticSeverity.Warning, "/p/news/a.txt", (2, 2), (2, 3));
        AssertAt(diagnostics[2], "CORPUS001", DiagnosticSeverity.Warning, "/p/news/a.txt", (4, 2), (4, 3));
        Assert.Contains("Line 2 ", diagnostics[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Line 3 ", diagnostics[1].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Line 5 ", diagnostics[2].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // The span is the bullet itself, and the compiler maps it to the same line and column.
        var source = SourceText.From(Text);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal("-", source.ToString(diagnostic.Location.SourceSpan));
            Assert.Equal(source.Lines.GetLinePositionSpan(diagnostic.Location.SourceSpan), diagnostic.Location.GetLineSpan().Span);
        }

        Assert.Equal(new[] { "CORPUS001", "CORPUS001", "CORPUS001" }, output.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Empty_bullets_in_several_files_point_at_their_own_file()
    {
        var output = Run(new CorpusFileSpec("/p/news/b.txt", "- x\n\n\n-\nT"), new CorpusFileSpec("/p/news/a.txt", "-\n- y"));

        var diagnostics = Reported(output, "CORPUS001");
        Assert.Equal(2, diagnostics.Count);
        AssertAt(diagnostics[0], "CORPUS001", DiagnosticSeverity.Warning, "/p/news/a.txt", (0, 0), (0, 1));
        AssertAt(diagnostics[1], "CORPUS001", DiagnosticSeverity.Warning, "/p/news/b.txt", (3, 0), (3, 1));
    }

    [Fact]
    public void Empty_document_is_a_warning_on_its_file()
    {
        var output = Run(
            new CorpusFileSpec("/p/news/a.txt", ""),
            new CorpusFileSpec("/p/news/b.txt", " \r\n\t\u3000\n"),
            new CorpusFileSpec("/p/news/c.txt", "- \n-\n"),
            new CorpusFileSpec("/p/news/d.txt", "- headline only"),
            new CorpusFileSpec("/p/news/e.txt", "Title only"));

        var diagnostics = Reported(output, "CORPUS002");
        Assert.Equal(3, diagnostics.Count);
        AssertAt(diagnostics[0], "CORPUS002", DiagnosticSeverity.Warning, "/p/news/a.txt", (0, 0), (0, 0));
        AssertAt(diagnostics[1], "CORPUS002", DiagnosticSeverity.Warning, "/p/news/b.txt", (0, 0), (0, 0));
        AssertAt(diagnostics[2], "CORPUS002", DiagnosticSeverity.Warning, "/p/news/c.txt", (0, 0), (0, 0));
        Assert.Contains("'a.txt'", diagnostics[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(2, Reported(output, "CORPUS001").Count);
        Assert.Equal(5, output.GeneratorDiagnostics.Length);
    }

    [Fact]
    public void Unreadable_file_is_an_error_and_still_a_document()
    {
        var files = new[] { new CorpusFileSpec("/p/news/a.txt", null), new CorpusFileSpec("/p/news/b.txt", "- fine\nT") };

        var output = Run(files);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertAt(diagnostic, "CORPUS003", DiagnosticSeverity.Error, "/p/news/a.txt", (0, 0), (0, 0));
        Assert.Contains("'/p/news/a.txt'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var values = CompiledCorpus.Load(output.Compilation).Values();
        Assert.Equal(new[] { "a.txt", "b.txt" }, values.Documents.Select(d => d.FileName));
        Assert.Empty(values.Documents[0].Headlines);
        Assert.Null(values.Documents[0].Article);
        Assert.Equal(new[] { "fine" }, values.Headlines);
    }

    [Fact]
    public void Invalid_namespace_is_an_error_and_the_global_namespace_is_used()
    {
        var output = Run(new Dictionary<string, string> { ["CorpusNamespace"] = "1Bad.Name" }, Article("a.txt"));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertProjectWide(diagnostic, "CORPUS004", "CorpusNamespace", "1Bad.Name");
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Corpus"));
    }

    [Fact]
    public void Invalid_visibility_is_an_error_and_internal_is_used()
    {
        var output = Run(new Dictionary<string, string> { ["CorpusVisibility"] = "protected" }, Article("a.txt"));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertProjectWide(diagnostic, "CORPUS004", "CorpusVisibility", "protected");
        Assert.Equal(Accessibility.Internal, output.Compilation.GetTypeByMetadataName("Corpus")!.DeclaredAccessibility);
    }

    [Fact]
    public void Invalid_constants_option_is_an_error_and_the_constants_are_generated()
    {
        var output = Run(new Dictionary<string, string> { ["CorpusConstants"] = "no" }, Article("a.txt"));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertProjectWide(diagnostic, "CORPUS004", "CorpusConstants", "no");
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Corpus+Headline"));
    }

    [Fact]
    public void String_literal_text_is_limited_per_assembly_not_per_class()
    {
        // C# 7.3: text and keys are string literals, which every class of the assembly puts in one 16 MB heap. Each
        // class alone fits; the two together would fail with CS8103, so CorpusGen says so itself.
        string body = string.Concat(Enumerable.Repeat(new string('x', 999) + "\n", 3_900));
        var files = new[]
        {
            new CorpusFileSpec("/p/news/a.txt", "- headline A\nTitle A\n" + body),
            new CorpusFileSpec("/p/extra/b.txt", "- headline B\nTitle B\n" + body, CorpusClass: "News"),
        };
        var output = GeneratorRunner.Run(files, parseOptions: GeneratorRunner.ParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        Assert.Equal("CORPUS005", diagnostic.Id);
        Assert.StartsWith("The 2 corpus classes together hold ", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var one = GeneratorRunner.Run(files.Take(1), parseOptions: GeneratorRunner.ParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3));
        Assert.Empty(one.GeneratorDiagnostics);
    }

    [Fact]
    public void Small_files_share_static_data_fields_so_more_than_60000_fit()
    {
        // One blob each, which took a field each until small files of a group came to share one: 61,000 files were
        // CORPUS005. Now they take about 7,600 fields, and their blobs are members of 15 store classes. (Without step
        // tracking, which records every output's step tree and costs this many files minutes.)
        var files = Enumerable.Range(0, 61_000)
            .Select(i => new CorpusFileSpec($"/p/news/f{i:D5}.txt", $"- Headline number {i}\n"))
            .ToList();
        var output = GeneratorRunner.Run(files, trackSteps: false);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Contains(output.Sources.Values, source => source.Contains("internal static partial class CorpusGen_Corpus_Store14", StringComparison.Ordinal));
        Assert.DoesNotContain(output.Sources.Values, source => source.Contains("CorpusGen_Corpus_Store15", StringComparison.Ordinal));
    }

    [Fact]
    public void Static_data_fields_are_limited_per_assembly_not_per_class()
    {
        // Each blob is a field of the assembly's one <PrivateImplementationDetails>: two classes of 33,000 one-line
        // files each built, then failed on first access with "too many fields".
        var half = new LimitUsage(0, 33_000);
        var diagnostic = Assert.Single(CorpusGen.Indexing.CorpusPlanBuilder.CheckAssemblyLimits(new[] { half, half }));
        Assert.Equal("CORPUS005", diagnostic.Id);
        Assert.Empty(CorpusGen.Indexing.CorpusPlanBuilder.CheckAssemblyLimits(new[] { half, new LimitUsage(0, 20_000) }));
        // One class over the limit is its own error already; the total does not repeat it.
        Assert.Empty(CorpusGen.Indexing.CorpusPlanBuilder.CheckAssemblyLimits(new[] { new LimitUsage(0, 61_000), half }));
        Assert.Empty(CorpusGen.Indexing.CorpusPlanBuilder.CheckAssemblyLimits(new[] { new LimitUsage(0, 61_000) }));
    }

    [Fact]
    public void Invalid_class_name_is_an_error_and_Corpus_is_used()
    {
        foreach (string name in new[] { "Bad Name", "class", "2Corpus" })
        {
            var output = Run(new Dictionary<string, string> { ["CorpusClassName"] = name }, Article("a.txt"));

            var diagnostic = Assert.Single(output.GeneratorDiagnostics);
            AssertProjectWide(diagnostic, "CORPUS004", "CorpusClassName", name);
            Assert.NotNull(output.Compilation.GetTypeByMetadataName("Corpus"));
        }
    }

    [Fact]
    public void Invalid_class_metadata_is_an_error_on_its_file_and_the_default_class_is_used()
    {
        var output = Run(
            new Dictionary<string, string> { ["CorpusClassName"] = "News" },
            new CorpusFileSpec("/p/news/a.txt", "- a\nT", CorpusClass: "Not-Valid"),
            new CorpusFileSpec("/p/news/b.txt", "- b\nT", CorpusClass: "Sport"));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertAt(diagnostic, "CORPUS004", DiagnosticSeverity.Error, "/p/news/a.txt", (0, 0), (0, 0));
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("CorpusClass 'Not-Valid'", message, StringComparison.Ordinal);
        Assert.Contains("'News'", message, StringComparison.Ordinal);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("News"));
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("Sport"));
        Assert.Null(output.Compilation.GetTypeByMetadataName("Corpus"));
    }

    [Fact]
    public void Valid_options_report_nothing()
    {
        var output = Run(
            new Dictionary<string, string> { ["CorpusNamespace"] = "My.News", ["CorpusVisibility"] = "public", ["CorpusClassName"] = "Wire" },
            new CorpusFileSpec("/p/news/a.txt", "- a\nT"),
            new CorpusFileSpec("/p/news/b.txt", "- b\nT", CorpusClass: "Sport"));

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Equal(Accessibility.Public, output.Compilation.GetTypeByMetadataName("My.News.Wire")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Public, output.Compilation.GetTypeByMetadataName("My.News.Sport")!.DeclaredAccessibility);
    }

    [Fact]
    public void Invalid_options_are_reported_once_however_many_files()
    {
        var output = Run(
            new Dictionary<string, string> { ["CorpusNamespace"] = "a..b", ["CorpusVisibility"] = "private", ["CorpusClassName"] = "int" },
            Article("a.txt"),
            Article("b.txt"),
            Article("c.txt"));

        Assert.Equal(3, output.GeneratorDiagnostics.Length);
        Assert.All(output.GeneratorDiagnostics, d => Assert.Equal("CORPUS004", d.Id));
        Assert.Equal(
            new[] { "CorpusClassName", "CorpusNamespace", "CorpusVisibility" },
            output.GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture).Split(' ')[0]).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_kind_of_problem_at_once_leaves_the_output_compiling_clean()
    {
        var output = Run(
            new Dictionary<string, string> { ["CorpusNamespace"] = "My-News", ["CorpusVisibility"] = "sealed" },
            new CorpusFileSpec("/p/news/a.txt", null),
            new CorpusFileSpec("/p/news/b.txt", ""),
            new CorpusFileSpec("/p/news/c.txt", "-\n- kept\nT", CorpusClass: "@@"),
            new CorpusFileSpec("/p/news/d.txt", "- \u202E\"*/\nT\u0000"));

        Assert.Equal(
            new[] { "CORPUS001", "CORPUS002", "CORPUS003", "CORPUS004", "CORPUS004", "CORPUS004" },
            output.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        var values = CompiledCorpus.Load(output.Compilation).Values();
        Assert.Equal(new[] { "kept", "\u202E\"*/" }, values.Headlines);
        Assert.Equal(4, values.Documents.Count);
    }

    [Fact]
    public void Same_path_twice_is_one_document_and_a_warning_on_the_second()
    {
        // The compiler can hand a generator one file twice (an in-process driver, or a project that lists it twice).
        // Both copies would declare the same blob members (CS0102); the second is skipped instead, with CORPUS007.
        var output = Run(
            new CorpusFileSpec("/p/news/a.txt", "- Alpha\nTitle A"),
            new CorpusFileSpec("/p/news/b.txt", "- Beta\nTitle B"),
            new CorpusFileSpec("/p/news/a.txt", "- Alpha\nTitle A"));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertAt(diagnostic, "CORPUS007", DiagnosticSeverity.Warning, "/p/news/a.txt", (0, 0), (0, 0));
        Assert.Equal(
            "'/p/news/a.txt' is listed more than once in corpus class 'Corpus' (first as '/p/news/a.txt'); the file was included once, from the first item, and this one was skipped; remove the duplicate AdditionalFiles item",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        var values = CompiledCorpus.Load(output.Compilation).Values();
        Assert.Equal(new[] { "a.txt", "b.txt" }, values.Documents.Select(d => d.FileName));
        Assert.Equal(new[] { "Alpha", "Beta" }, values.Headlines);
        Assert.Equal(new[] { "Title A", "Title B" }, values.Documents.Select(d => d.Article!.Title));
    }

    [Fact]
    public void Paths_that_differ_only_in_separators_are_one_file()
    {
        // '\' and '/' are the same separator to CorpusGen. The copy first in corpus order (ordinal, '/' before '\')
        // is kept whatever the order of the items, and each other copy gets its own warning, naming the one kept.
        var output = Run(
            new CorpusFileSpec("/p/news\\a.txt", "- Alpha\nTitle A"),
            new CorpusFileSpec("\\p\\news\\a.txt", "- Alpha\nTitle A"),
            new CorpusFileSpec("/p/news/a.txt", "- Alpha\nTitle A"),
            new CorpusFileSpec("/p/news/b.txt", "- Beta\nTitle B"));

        var diagnostics = Reported(output, "CORPUS007");
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(2, output.GeneratorDiagnostics.Length);
        AssertAt(diagnostics[0], "CORPUS007", DiagnosticSeverity.Warning, "/p/news\\a.txt", (0, 0), (0, 0));
        AssertAt(diagnostics[1], "CORPUS007", DiagnosticSeverity.Warning, "\\p\\news\\a.txt", (0, 0), (0, 0));
        Assert.All(diagnostics, d => Assert.Contains("(first as '/p/news/a.txt')", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var values = CompiledCorpus.Load(output.Compilation).Values();
        Assert.Equal(new[] { "a.txt", "b.txt" }, values.Documents.Select(d => d.FileName));
        Assert.Equal(new[] { "Alpha", "Beta" }, values.Headlines);
    }

    [Fact]
    public void A_path_relative_to_the_project_and_the_full_path_are_one_file()
    {
        // Blob names are made from the project-relative path, so these two would clash as well.
        var output = Run(
            new Dictionary<string, string> { ["ProjectDir"] = "/p/" },
            new CorpusFileSpec("news/a.txt", "- Alpha\nTitle A"),
            new CorpusFileSpec("/p/news/a.txt", "- Alpha\nTitle A"));

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        AssertAt(diagnostic, "CORPUS007", DiagnosticSeverity.Warning, "news/a.txt", (0, 0), (0, 0));
        Assert.Contains("(first as '/p/news/a.txt')", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(new[] { "Alpha" }, CompiledCorpus.Load(output.Compilation).Values().Headlines);
    }

    [Fact]
    public void Same_path_with_different_texts_keeps_the_first_listed()
    {
        // Only an in-process host can give one path two texts; the first item the compiler lists is the one kept.
        var output = Run(new CorpusFileSpec("/p/news/a.txt", "- First\nT"), new CorpusFileSpec("/p/news/a.txt", "- Second\nT"));

        Assert.Equal("CORPUS007", Assert.Single(output.GeneratorDiagnostics).Id);
        Assert.Equal(new[] { "First" }, CompiledCorpus.Load(output.Compilation).Values().Headlines);
    }

    [Fact]
    public void Paths_that_differ_only_in_case_or_in_characters_a_name_leaves_out_are_different_files()
    {
        // Case counts, as on Linux: two documents, whatever the OS. The blob names of these files have the same
        // readable part ("a_b_txt", "A_txt" / "a_txt") and differ by the hash of the path, so nothing clashes.
        var output = Run(
            new CorpusFileSpec("/p/news/A.txt", "- Upper\nT"),
            new CorpusFileSpec("/p/news/a.txt", "- Lower\nT"),
            new CorpusFileSpec("/p/news/a-b.txt", "- Dash\nT"),
            new CorpusFileSpec("/p/news/a_b.txt", "- Underscore\nT"),
            new CorpusFileSpec("/p/news/a b.txt", "- Space\nT"),
            new CorpusFileSpec("/p/other/a_b.txt", "- Other folder\nT"));

        Assert.Empty(output.GeneratorDiagnostics);
        var values = CompiledCorpus.Load(output.Compilation).Values();
        Assert.Equal(new[] { "A.txt", "a b.txt", "a-b.txt", "a.txt", "a_b.txt", "a_b.txt" }, values.Documents.Select(d => d.FileName));
        Assert.Equal(new[] { "Upper", "Space", "Dash", "Lower", "Underscore", "Other folder" }, values.Headlines);
    }

    [Fact]
    public void Descriptors_have_ids_help_links_and_the_documented_severities()
    {
        var expected = new (string Id, DiagnosticSeverity Severity)[]
        {
            ("CORPUS001", DiagnosticSeverity.Warning),
            ("CORPUS002", DiagnosticSeverity.Warning),
            ("CORPUS003", DiagnosticSeverity.Error),
            ("CORPUS004", DiagnosticSeverity.Error),
            ("CORPUS005", DiagnosticSeverity.Error),
            ("CORPUS006", DiagnosticSeverity.Error),
            ("CORPUS007", DiagnosticSeverity.Warning),
        };

        foreach (var (id, severity) in expected)
        {
            var descriptor = DiagnosticDescriptors.Find(id);
            Assert.NotNull(descriptor);
            Assert.Equal(id, descriptor.Id);
            Assert.Equal(severity, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal("CorpusGen", descriptor.Category);
            Assert.EndsWith("#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.Null(DiagnosticDescriptors.Find("CORPUS008"));
    }

    private static CorpusFileSpec Article(string name) => new("/p/news/" + name, "- Headline of " + name + "\nTitle");

    private static GeneratorOutput Run(params CorpusFileSpec[] files) => Run(null, files);

    /// <summary>Runs the generator; it must not throw and its output must compile without a warning, diagnostics or not.</summary>
    private static GeneratorOutput Run(IReadOnlyDictionary<string, string>? properties, params CorpusFileSpec[] files)
    {
        var output = GeneratorRunner.Run(files, properties, new[] { CompiledCorpus.ProbeSource(QualifiedClass(properties)) });
        Assert.Null(output.Result.Results.Single().Exception);
        Assert.All(output.GeneratorDiagnostics, d => Assert.StartsWith("CORPUS00", d.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(output.GeneratorDiagnostics, d => d.Id == "CORPUS006");
        output.AssertCompilesClean();
        return output;
    }

    /// <summary>The class the probe reads: the one the options name when they are valid, Corpus otherwise.</summary>
    private static string QualifiedClass(IReadOnlyDictionary<string, string>? properties)
    {
        string? ns = null, name = null;
        properties?.TryGetValue("CorpusNamespace", out ns);
        properties?.TryGetValue("CorpusClassName", out name);
        bool validName = name is not null && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;
        bool validNamespace = ns is not null && ns.Split('.').All(part =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
        return (validNamespace ? ns + "." : string.Empty) + (validName ? name : "Corpus");
    }

    private static List<Diagnostic> Reported(GeneratorOutput output, string id) =>
        output.GeneratorDiagnostics
            .Where(d => d.Id == id)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ToList();

    private static void AssertAt(
        Diagnostic diagnostic, string id, DiagnosticSeverity severity, string path, (int Line, int Column) start, (int Line, int Column) end)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(new LinePosition(start.Line, start.Column), span.StartLinePosition);
        Assert.Equal(new LinePosition(end.Line, end.Column), span.EndLinePosition);
        Assert.DoesNotContain("{0}", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>An invalid MSBuild property: an error with no location, naming the property and its value.</summary>
    private static void AssertProjectWide(Diagnostic diagnostic, string id, string property, string value)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.True(string.IsNullOrEmpty(diagnostic.Location.GetLineSpan().Path));
        Assert.Equal(new LinePosition(0, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.StartsWith(property + " '" + value + "' is not valid", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
