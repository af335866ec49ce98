using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CorpusGen.Emitting;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>Class names and paths that are valid but meet the generator's own names: each builds, or is an error that says why.</summary>
public class ClassNameTests
{
    [Fact]
    public void Class_names_that_differ_only_in_case_are_all_generated()
    {
        // The driver compares hint names ignoring case, so these three once threw inside it (CS8785) and lost every output.
        var files = new[]
        {
            new CorpusFileSpec("/p/news/a.txt", "- alpha\nT"),
            new CorpusFileSpec("/p/news/b.txt", "- beta\nT", CorpusClass: "corpus"),
            new CorpusFileSpec("/p/news/c.txt", "- gamma\nT", CorpusClass: "CORPUS"),
        };

        foreach (string name in new[] { "Corpus", "corpus", "CORPUS" })
        {
            var output = GeneratorRunner.Run(files, sources: new[] { CompiledCorpus.ProbeSource(name) }).AssertCompilesClean();
            Assert.Empty(output.GeneratorDiagnostics);
            var hintNames = output.Sources.Keys.ToList();
            Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            string expected = name switch { "Corpus" => "alpha", "corpus" => "beta", _ => "gamma" };
            Assert.Equal(new[] { expected }, CompiledCorpus.Load(output.Compilation).Values().Headlines);
        }
    }

    [Fact]
    public void Hint_names_of_a_class_whose_name_differs_only_in_case_from_another_are_suffixed()
    {
        var output = GeneratorRunner.Run(new[]
        {
            new CorpusFileSpec("/p/news/a.txt", "- alpha\nT", CorpusClass: "News"),
            new CorpusFileSpec("/p/news/b.txt", "- beta\nT", CorpusClass: "news"),
        }).AssertCompilesClean();

        Assert.Contains("News.g.cs", output.Sources.Keys);
        Assert.Contains("news-2.g.cs", output.Sources.Keys);
    }

    [Fact]
    public void Names_of_the_generated_classes_members_are_an_error_and_the_default_is_used()
    {
        foreach (string name in new[] { "Headline", "Title", "Document", "Tables", "Blob", "Blobs3", "BlobRun12", "HeadlineIndices", "IndexOfHeadline", "WordTableAddress", "System", "CorpusGen_A_Store", "CorpusGen_A_Index" })
        {
            var global = GeneratorRunner.Run(new[] { new CorpusFileSpec("/p/news/a.txt", "- a\nT") }, new Dictionary<string, string> { ["CorpusClassName"] = name })
                .AssertCompilesClean();
            var diagnostic = Assert.Single(global.GeneratorDiagnostics);
            Assert.Equal("CORPUS004", diagnostic.Id);
            Assert.StartsWith("CorpusClassName '" + name + "' is not valid", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.NotNull(global.Compilation.GetTypeByMetadataName("Corpus"));

            var perFile = GeneratorRunner.Run(new[] { new CorpusFileSpec("/p/news/a.txt", "- a\nT", CorpusClass: name) }).AssertCompilesClean();
            diagnostic = Assert.Single(perFile.GeneratorDiagnostics);
            Assert.Equal("CORPUS004", diagnostic.Id);
            Assert.Equal("/p/news/a.txt", diagnostic.Location.GetLineSpan().Path);
            Assert.NotNull(perFile.Compilation.GetTypeByMetadataName("Corpus"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("My.News")]
    public void Types_of_the_project_named_like_the_generated_codes_own_do_not_change_what_it_binds_to(string ns)
    {
        // The generated API once named its query type and its index through file-level aliases (CorpusText, and
        // briefly CorpusIndex): a project type of the same name in the global namespace conflicted with the alias
        // (CS0576), and one in the corpus's namespace was found before it. It now names both in full.
        var random = new Fuzzing.CorpusTextGenerator(11);
        var files = Enumerable.Range(0, 6)
            .Select(i => new CorpusFileSpec($"/p/news/f{i}.txt", random.HeadlineHeavyDocument(1500)))
            .ToList();
        string shadows = "internal class CorpusText { } internal class CorpusIndex { } internal class Index { } internal class Tables { }";
        string qualified = ns.Length == 0 ? "Corpus" : ns + ".Corpus";
        var properties = ns.Length == 0 ? null : new Dictionary<string, string> { ["CorpusNamespace"] = ns };
        var sources = new[] { shadows, "namespace My.News { " + shadows + " }", CompiledCorpus.ProbeSource(qualified) };
        var output = GeneratorRunner.Run(files, properties, sources).AssertCompilesClean();
        Assert.Contains(output.Sources.Keys, hint => hint.Contains(".Index.Headlines.1.", StringComparison.Ordinal));

        var corpus = CompiledCorpus.Load(output.Compilation);
        var headlines = corpus.Values().Headlines.ToList();
        Assert.True(headlines.Count > 5000, headlines.Count + " headlines");
        for (int i = 0; i < headlines.Count; i += 97)
        {
            Assert.Equal(headlines.IndexOf(headlines[i]), corpus.IndexOfHeadline(headlines[i]));
        }

        Assert.Equal(-1, corpus.IndexOfHeadline("No headline is this"));
    }

    [Fact]
    public void Class_names_with_formatting_characters_are_an_error_and_the_default_is_used()
    {
        // C# ignores Cf characters when it compares identifiers: "News\u200D" would be a second part of "News", and
        // "Headline\u200B" the member Headline.
        foreach (string name in new[] { "News\u200D", "Corpus\u00AD", "Headline\u200B", "Corpus\u200CGen_A_Store" })
        {
            var files = new[]
            {
                new CorpusFileSpec("/p/news/a.txt", "- a\nT", CorpusClass: "News"),
                new CorpusFileSpec("/p/news/b.txt", "- b\nT", CorpusClass: name),
                new CorpusFileSpec("/p/news/c.txt", "- c\nT"),
            };
            foreach (var (probe, expected) in new[] { ("News", new[] { "a" }), ("Corpus", new[] { "b", "c" }) })
            {
                var output = GeneratorRunner.Run(files, sources: new[] { CompiledCorpus.ProbeSource(probe) }).AssertCompilesClean();
                var diagnostic = Assert.Single(output.GeneratorDiagnostics);
                Assert.Equal("CORPUS004", diagnostic.Id);
                Assert.Equal("/p/news/b.txt", diagnostic.Location.GetLineSpan().Path);
                Assert.Equal(expected, CompiledCorpus.Load(output.Compilation).Values().Headlines);
            }
        }

        var global = GeneratorRunner.Run(
            new[] { new CorpusFileSpec("/p/news/a.txt", "- a\nT") },
            new Dictionary<string, string> { ["CorpusClassName"] = "Wire\u2060", ["CorpusNamespace"] = "My.Ne\u200Bws" }).AssertCompilesClean();
        Assert.Equal(new[] { "CORPUS004", "CORPUS004" }, global.GeneratorDiagnostics.Select(d => d.Id));
        Assert.NotNull(global.Compilation.GetTypeByMetadataName("Corpus"));
    }

    [Fact]
    public void A_class_beside_another_whose_store_class_it_would_name_is_an_error()
    {
        var output = GeneratorRunner.Run(new[]
        {
            new CorpusFileSpec("/p/news/a.txt", "- a\nT", CorpusClass: "A"),
            new CorpusFileSpec("/p/news/b.txt", "- b\nT", CorpusClass: "CorpusGen_A_Store"),
        }).AssertCompilesClean();

        Assert.Equal("CORPUS004", Assert.Single(output.GeneratorDiagnostics).Id);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("A"));
    }

    [Theory]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public void No_member_of_a_generated_class_is_a_valid_class_name(LanguageVersion version)
    {
        // Every member the generated class can have, with shards, words and articles: none of them may name a corpus
        // class, or the class would hold a member of its own name (CS0542).
        var random = new Fuzzing.CorpusTextGenerator(7);
        var files = Enumerable.Range(0, 8)
            .Select(i => new CorpusFileSpec($"/p/news/f{i}.txt", random.HeadlineHeavyDocument(1200)))
            .Append(new CorpusFileSpec("/p/news/article.txt", "- one\n- two\nTitle\nFirst paragraph.\n\nCross-head\nSecond paragraph.\n--AT"))
            .ToList();
        var output = GeneratorRunner.Run(
            files,
            parseOptions: GeneratorRunner.ParseOptions(version),
            nullable: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable)
            .AssertCompilesClean();

        var corpus = output.Compilation.GetTypeByMetadataName("Corpus")!;
        var names = corpus.GetMembers().Where(member => !member.IsImplicitlyDeclared && member.CanBeReferencedByName).Select(member => member.Name)
            .Concat(corpus.GetTypeMembers().Select(type => type.Name))
            .Distinct()
            .ToList();
        Assert.Contains("Tables", names);
        Assert.Contains("FindHeadline", names);
        Assert.All(names, name => Assert.False(Naming.IsValidClassName(name), name + " is a member of the generated class"));
    }

    [Fact]
    public void A_lower_case_class_name_compiles_without_the_compilers_warning()
    {
        // CS8981 (warning wave 7): the test compilation reports every warning wave, as the SDK does for current targets.
        var output = GeneratorRunner.Run(new[] { new CorpusFileSpec("/p/news/a.txt", "- a\nT", CorpusClass: "news") })
            .AssertCompilesClean();

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.NotNull(output.Compilation.GetTypeByMetadataName("news"));
    }

    [Fact]
    public void Files_whose_paths_differ_only_in_case_keep_their_own_values()
    {
        var files = new[]
        {
            new CorpusFileSpec("/src/proj/news/a.txt", "- lower\nT"),
            new CorpusFileSpec("/src/PROJ/news/a.txt", "- upper\nT"),
        };

        var values = CompiledCorpus.Build(files, new Dictionary<string, string> { ["ProjectDir"] = "/src/proj/" }).Values();

        Assert.Equal(new[] { "upper", "lower" }, values.Headlines);
        Assert.Equal(2, values.Documents.Count);
    }
}
