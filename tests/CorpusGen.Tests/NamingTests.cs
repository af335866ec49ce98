using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using CorpusGen.Emitting;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// Names derived from corpus text and paths: hint names must be unique and file-system safe, constant names valid,
/// unique C# identifiers whatever the headline, and each constant must hold its headline exactly.
/// </summary>
public sealed class NamingTests
{
    private static readonly Regex SafeHintName = new("^[A-Za-z0-9_.]+\\.g\\.cs$", RegexOptions.CultureInvariant);

    [Fact]
    public void Same_named_files_in_different_folders_get_hint_names_unique_ignoring_case()
    {
        var files = new[]
        {
            File("/project/a/News.txt", "- Alpha\nTitle A\n"),
            File("/project/b/news.txt", "- Beta\nTitle B\n"),
            File("/project/c/NEWS.txt", "- Gamma\nTitle C\n"),
            File("/project/a/news.TXT", "- Delta\nTitle D\n"),
        };

        var output = GeneratorRunner.Run(files).AssertCompilesClean();

        AssertHintNamesSafe(output);
        // One blob each, under four distinct names (the four files share one source of blobs, and one literal: the
        // first file's, which the other three slice).
        var store = string.Concat(output.Sources.Where(source => source.Key.Contains(".Store.", StringComparison.Ordinal)).Select(source => source.Value));
        var blobs = System.Text.RegularExpressions.Regex.Matches(store, @"ReadOnlySpan<byte> (\w+) =>").Cast<System.Text.RegularExpressions.Match>().Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(4, blobs.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(store, @"=> " + blobs[0] + @"\.Slice\(").Count);
        AssertReadsAsReference(files);
    }

    [Fact]
    public void Awkward_file_names_give_safe_unique_hint_names_and_keep_their_file_name()
    {
        string[] names =
        {
            "my news.txt", "naïve.txt", "東京.txt", "class.txt", "Class.txt", "1st.txt", "a.b.c.txt", "a_b_c.txt", "a-b-c.txt", ".txt",
            "---.txt", "@.txt", "\"quoted\".txt", "evil <summary> &amp; {x}.txt", "\u202Eevil.txt", "tab\tname.txt", new string('x', 300) + ".txt",
            "x", "0", "CON.txt", "nul", "Corpus.txt", "Corpus.g.cs", "Tables.txt",
        };
        var files = names.Select((name, i) => File("/project/news/" + name, "- Headline " + i + "\nTitle " + i + "\nBody.\n")).ToList();

        var output = GeneratorRunner.Run(files).AssertCompilesClean();

        AssertHintNamesSafe(output);
        Assert.All(output.Sources.Keys, name => Assert.True(name.Length <= 120, name + " is too long a hint name"));
        var values = AssertReadsAsReference(files);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), values.Documents.Select(d => d.FileName));
    }

    [Fact]
    public void Headlines_that_are_keywords_reserved_names_or_punctuation_become_valid_unique_constant_names()
    {
        string[] headlines =
        {
            "class", "Class", "int", "var", "nameof", "value", "ToString", "Headline", "Title", "Equals", "GetHashCode", "GetType",
            "MemberwiseClone", "ReferenceEquals", "Finalize", "Headline_2", "!!!", "...", "—", "\"", "*/", "1", "123 go", "1 2 3",
            "_", "__", "@class", "Hello, world", "Hello world", "hello World", "Hello_World", "HELLO WORLD", "Hello world 2",
            "Ölpreis steigt", "東京 株価", "Ωmega", "ǅemal", "ﬁle", "Ⅻ kings", "٣ days", "x\u0301y", "Corpus", "Store", "Tables",
            "\U0001F600", "\U0001F600 smile", "a\u200Bb", "\u202Eevil", "Document", "Article", "Section", "Headlines",
        };
        var text = string.Join("\n", headlines.Select(h => "- " + h)) + "\nTitle\n";

        var (_, constants) = BuildConstants(new[] { File("/project/news/names.txt", text) });

        AssertConstantsHoldDistinctHeadlines(headlines, constants);
        Assert.Equal("Headline_2", constants.Single(pair => pair.Value == "Headline").Key);
        Assert.Equal("ToString_2", constants.Single(pair => pair.Value == "ToString").Key);
        Assert.DoesNotContain("Headline", constants.Keys);
        Assert.DoesNotContain("ToString", constants.Keys);
    }

    [Fact]
    public void Names_derived_from_any_text_are_never_in_the_form_of_a_suffixed_name()
    {
        // The name table counts claims instead of trying name_2, name_3…, which is exact only while no name that a
        // headline or title asks for reads as one of those (a stem, '_', digits).
        var random = new Random(7);
        string[] pieces = { "_", "__", "_2", "a_2", "2", "10", " ", "-", "class", "@", "\u005F", "\uFF3F", "\u203F", "\u2040", "Ⅻ", "٣", "x\u0301" };
        for (int c = 0; c <= char.MaxValue; c++)
        {
            foreach (string text in new[] { "A" + (char)c + "2", (char)c + "_2", "_" + (char)c + "1" })
            {
                string name = Naming.ClaimableName(Naming.FromText(text));
                Assert.False(Naming.IsSuffixedForm(name), $"U+{c:X4}: {name}");
            }
        }

        for (int i = 0; i < 20_000; i++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            string name = Naming.ClaimableName(Naming.FromText(text));
            Assert.False(Naming.IsSuffixedForm(name), text + ": " + name);
        }
    }

    [Fact]
    public void Headlines_that_derive_the_same_name_get_distinct_suffixed_names()
    {
        string[] headlines = { "Oil prices rise", "Oil, prices rise!", "oil prices rise", "OIL PRICES RISE", "Oil prices: rise", "Oil-prices-rise" };
        var text = string.Join("\r\n", headlines.Select(h => "- " + h)) + "\r\nTitle\r\n";

        var (_, constants) = BuildConstants(new[] { File("/project/news/same.txt", text) });

        AssertConstantsHoldDistinctHeadlines(headlines, constants);
        Assert.Contains("OilPricesRise", constants.Keys);
        Assert.Contains("OilPricesRise_2", constants.Keys);
    }

    [Fact]
    public void Very_long_headlines_get_capped_identifiers()
    {
        string[] headlines =
        {
            string.Join(" ", Enumerable.Repeat("word", 500)),
            string.Join(" ", Enumerable.Repeat("word", 500)) + " different ending",
            new string('a', 5000),
            new string('a', 5000) + "b",
            new string('é', 3000),
            string.Concat(Enumerable.Repeat("東京", 2000)),
        };
        var text = string.Join("\n", headlines.Select(h => "- " + h)) + "\n" + new string('T', 20000) + "\n";

        var (_, constants) = BuildConstants(new[] { File("/project/news/long.txt", text) });

        AssertConstantsHoldDistinctHeadlines(headlines, constants);
        Assert.All(constants.Keys, name => Assert.True(name.Length <= 90, $"{name.Length} characters: {name.Substring(0, 40)}…"));
    }

    [Fact]
    public void Constants_are_unique_across_files_and_titles_have_their_own_names()
    {
        var files = new[]
        {
            File("/project/a/one.txt", "- Markets fall\n- Markets fall\nMarkets fall\n"),
            File("/project/b/two.txt", "- Markets, fall\n- markets fall\nMarkets fall\n"),
        };

        var (output, headlineConstants) = BuildConstants(files);
        var titleConstants = ConstantsOf(output, "Corpus+Title");

        AssertConstantsHoldDistinctHeadlines(new[] { "Markets fall", "Markets, fall", "markets fall" }, headlineConstants);
        Assert.Equal(new[] { "Markets fall" }, titleConstants.Values);
        Assert.Equal("MarketsFall", titleConstants.Keys.Single());
    }

    private static CorpusFileSpec File(string path, string text) => new(path, text);

    private static void AssertHintNamesSafe(GeneratorOutput output)
    {
        var names = output.Sources.Keys.ToList();
        Assert.All(names, name => Assert.Matches(SafeHintName, name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static CorpusValues AssertReadsAsReference(IReadOnlyList<CorpusFileSpec> files)
    {
        var values = CompiledCorpus.Build(files).Values();
        Assert.Equal(ReferenceReader.Read(files).Dump(), values.Dump());
        return values;
    }

    /// <summary>Every distinct headline has exactly one constant, named by a valid non-keyword identifier, holding it.</summary>
    private static void AssertConstantsHoldDistinctHeadlines(IEnumerable<string> headlines, IReadOnlyDictionary<string, string> constants)
    {
        var expected = headlines.Distinct(StringComparer.Ordinal).OrderBy(h => h, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, constants.Values.OrderBy(h => h, StringComparer.Ordinal).ToList());
        foreach (string name in constants.Keys)
        {
            Assert.True(SyntaxFacts.IsValidIdentifier(name), name + " is not a valid identifier");
            Assert.Equal(SyntaxKind.None, SyntaxFacts.GetKeywordKind(name));
            Assert.Equal(SyntaxKind.None, SyntaxFacts.GetContextualKeywordKind(name));
        }
    }

    private static (GeneratorOutput Output, IReadOnlyDictionary<string, string> Headlines) BuildConstants(IReadOnlyList<CorpusFileSpec> files)
    {
        var output = GeneratorRunner.Run(files).AssertCompilesClean();
        AssertReadsAsReference(files);
        return (output, ConstantsOf(output, "Corpus+Headline"));
    }

    /// <summary>The <c>public const string</c> fields of a nested type, read by reflection from the compiled assembly.</summary>
    private static IReadOnlyDictionary<string, string> ConstantsOf(GeneratorOutput output, string typeName)
    {
        using var stream = new MemoryStream();
        var result = output.Compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Take(10)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("naming-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var type = context.LoadFromStream(stream).GetType(typeName, throwOnError: true)!;
            var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            Assert.All(fields, field => Assert.True(field.IsLiteral && field.FieldType == typeof(string), field.Name + " is not a const string"));
            return fields.ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);
        }
        finally
        {
            context.Unload();
        }
    }
}
