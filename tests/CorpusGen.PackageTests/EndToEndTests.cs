using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CorpusGen.PackageTests.Infrastructure;
using Xunit;

namespace CorpusGen.PackageTests;

/// <summary>
/// The user's path: a fresh console project whose only additions are the CorpusGen package (from the packed local
/// feed) and the AdditionalFiles line; it builds, runs, and prints what the seed corpus holds.
/// </summary>
public sealed class EndToEndTests
{
    public const string FirstHeadline = "Dutch coalition survives political turmoil after minister's resignation";
    public const string ArticleTitle = "US, S.Korea call for North to withdraw troops from Russia";

    private const string Program = """
        using System;

        Console.WriteLine("headlines=" + Corpus.Headlines.Count);
        Console.WriteLine("first=" + Corpus.Headlines[0]);
        Console.WriteLine("last=" + Corpus.Headlines[Corpus.Headlines.Count - 1]);
        Console.WriteLine("constant=" + (Corpus.Headline.DutchCoalitionSurvivesPoliticalTurmoilAfterMinisterSResignation == Corpus.Headlines[0]));
        Console.WriteLine("documents=" + Corpus.Documents.Count);
        Console.WriteLine("file=" + Corpus.Documents[0].FileName);
        Console.WriteLine("articles=" + Corpus.Articles.Count);
        Corpus.Article article = Corpus.Articles[0];
        Console.WriteLine("title=" + article.Title);
        Console.WriteLine("sections=" + article.Sections.Count);
        Console.WriteLine("heading=" + article.Sections[1].Heading);
        Console.WriteLine("paragraphs=" + article.Paragraphs.Count);
        Console.WriteLine("byline=" + article.Byline);
        Console.WriteLine("author=" + article.Author);
        Console.WriteLine("desk=" + article.Desk);
        Console.WriteLine("trump=" + Corpus.HeadlinesWithWord("Trump").Count);
        Console.WriteLine("trumpIndices=" + string.Join(",", Corpus.HeadlinesWithWord("tRUMP")));
        Console.WriteLine("indexOfFirst=" + Corpus.IndexOfHeadline(Corpus.Headlines[0]));
        Console.WriteLine("indexOfSpan=" + Corpus.IndexOfHeadline("Ireland won 'ugly', says relieved Farrell".AsSpan()));
        Console.WriteLine("indexOfMissing=" + Corpus.IndexOfHeadline("No such headline"));
        """;

    [Fact]
    public async Task Fresh_console_app_with_only_the_package_reference_builds_and_prints_the_corpus()
    {
        var package = await PackedPackage.Instance;

        // As `dotnet new console` writes it (implicit usings and nullable on), plus the two lines a user adds.
        var project = new ConsumerProject("App", "net10.0") { OutputType = "Exe" }
            .With("ImplicitUsings", "enable")
            .With("Nullable", "enable");
        project.Copies["news/000_bb9cd9dc54830164.txt"] = package.SeedCorpus;
        project.Files["Program.cs"] = Program;
        project.Write(package.NewFolder("end-to-end"), package);

        var build = await DotNet.RunAsync(project.Directory!, new[]
        {
            "build", project.ProjectPath, "-nodeReuse:false", "--disable-build-servers", "-v:m", "-clp:ForceNoAlign",
        }, TimeSpan.FromMinutes(5));
        Assert.True(build.Succeeded, build.Describe());
        Assert.Empty(project.Diagnostics(build.Output));

        var values = await ProgramOutput.RunAsync(project);
        var expected = new Dictionary<string, string>
        {
            ["headlines"] = "50",
            ["first"] = FirstHeadline,
            ["last"] = "Scholz urges Ukraine talks in first call with Putin since 2022",
            ["constant"] = "True",
            ["documents"] = "1",
            ["file"] = "000_bb9cd9dc54830164.txt",
            ["articles"] = "1",
            ["title"] = ArticleTitle,
            ["sections"] = "2",
            ["heading"] = "'Co-belligerents'",
            ["paragraphs"] = "16",
            ["byline"] = "P.Smith--AT",
            ["author"] = "P.Smith",
            ["desk"] = "AT",
            ["trump"] = "7",
            ["trumpIndices"] = "5,13,17,23,25,34,37",
            ["indexOfFirst"] = "0",
            ["indexOfSpan"] = "8",
            ["indexOfMissing"] = "-1",
        };
        foreach (var (key, value) in expected)
        {
            Assert.True(values.TryGetValue(key, out var actual), $"'{key}' missing from the output");
            Assert.Equal(value, actual);
        }
    }
}
