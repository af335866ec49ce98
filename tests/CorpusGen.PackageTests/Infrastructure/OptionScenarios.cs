using System.Collections.Generic;

namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>Console consumers (net10.0) that set CorpusGen's options; each prints what the option produced.</summary>
public static class OptionScenarios
{
    public const string NamespaceAndClassName = "OptionNamespaceAndClassName";
    public const string PublicVisibility = "OptionPublic";
    public const string TwoClasses = "OptionTwoClasses";
    public const string NoConstants = "OptionNoConstants";

    /// <summary>A second corpus file for the two-class scenario: three headlines, one article with a byline.</summary>
    public const string SportCorpus = """
        - Local club wins the cup
        - Cup final ends in penalties
        - Rain stops play at the test match
        Cup final report
        The cup final went to penalties after a goalless draw.
        The home side scored all five of theirs.
        J.Doe--SPORT

        """;

    public static IEnumerable<ConsumerProject> Create(PackedPackage package)
    {
        var named = Console(NamespaceAndClassName, package)
            .With("CorpusNamespace", "Acme.News")
            .With("CorpusClassName", "Wire");
        named.Files["Program.cs"] = """
            using System;

            internal static class Program
            {
                private static void Main()
                {
                    Console.WriteLine("type=" + typeof(Acme.News.Wire).FullName);
                    Console.WriteLine("public=" + typeof(Acme.News.Wire).IsPublic);
                    Console.WriteLine("headlines=" + Acme.News.Wire.Headlines.Count);
                    Console.WriteLine("first=" + Acme.News.Wire.Headlines[0]);
                    Console.WriteLine("trump=" + Acme.News.Wire.HeadlinesWithWord("Trump").Count);
                    Console.WriteLine("title=" + Acme.News.Wire.Articles[0].Title);
                    Console.WriteLine("corpusType=" + (Type.GetType("Corpus") != null));
                }
            }
            """;
        yield return named;

        var visible = Console(PublicVisibility, package)
            .With("CorpusVisibility", "public")
            .With("GenerateDocumentationFile", "true")
            .With("TreatWarningsAsErrors", "true");
        visible.Files["Program.cs"] = """
            using System;
            using System.Linq;
            using System.Reflection;

            internal static class Program
            {
                private static void Main()
                {
                    Type corpus = typeof(Corpus);
                    Console.WriteLine("public=" + corpus.IsPublic);
                    string[] api = { "Document", "Article", "Section", "TextList", "DocumentList", "ArticleList", "SectionList", "HeadlineIndices", "Headline", "Title" };
                    Console.WriteLine("nestedPublic=" + string.Join(",", api.Where(n => corpus.GetNestedType(n, BindingFlags.Public) != null)));
                    Console.WriteLine("headlines=" + Corpus.Headlines.Count);
                    Console.WriteLine("byline=" + Corpus.Articles[0].Byline);
                }
            }
            """;
        yield return visible;

        var classes = Console(TwoClasses, package);
        classes.Items.Clear();
        classes.Items.Add("<AdditionalFiles Include=\"news/*.txt\" Corpus=\"true\" />");
        classes.Items.Add("<AdditionalFiles Include=\"sport/*.txt\" Corpus=\"true\" CorpusClass=\"Sport\" />");
        classes.Files["sport/cup.txt"] = SportCorpus;
        classes.Files["Program.cs"] = """
            using System;

            internal static class Program
            {
                private static void Main()
                {
                    Console.WriteLine("corpus.headlines=" + Corpus.Headlines.Count);
                    Console.WriteLine("corpus.documents=" + Corpus.Documents.Count);
                    Console.WriteLine("corpus.cup=" + Corpus.HeadlinesWithWord("cup").Count);
                    Console.WriteLine("sport.headlines=" + Sport.Headlines.Count);
                    Console.WriteLine("sport.documents=" + Sport.Documents.Count);
                    Console.WriteLine("sport.file=" + Sport.Documents[0].FileName);
                    Console.WriteLine("sport.cup=" + string.Join(",", Sport.HeadlinesWithWord("CUP")));
                    Console.WriteLine("sport.trump=" + Sport.HeadlinesWithWord("Trump").Count);
                    Console.WriteLine("sport.index=" + Sport.IndexOfHeadline("Rain stops play at the test match"));
                    Console.WriteLine("sport.title=" + Sport.Articles[0].Title);
                    Console.WriteLine("sport.author=" + Sport.Articles[0].Author);
                    Console.WriteLine("sport.desk=" + Sport.Articles[0].Desk);
                    Console.WriteLine("sport.constant=" + Sport.Headline.LocalClubWinsTheCup);
                }
            }
            """;
        yield return classes;

        var noConstants = Console(NoConstants, package)
            .With("CorpusConstants", "false")
            .With("TreatWarningsAsErrors", "true");
        noConstants.Files["Program.cs"] = """
            using System;

            internal static class Program
            {
                private static void Main()
                {
                    Console.WriteLine("headlines=" + Corpus.Headlines.Count);
                    Console.WriteLine("index=" + Corpus.IndexOfHeadline(Corpus.Headlines[7]));
                    Console.WriteLine("trump=" + Corpus.HeadlinesWithWord("Trump").Count);
                    Console.WriteLine("headlineType=" + (typeof(Corpus).GetNestedType("Headline") != null));
                    Console.WriteLine("titleType=" + (typeof(Corpus).GetNestedType("Title") != null));
                }
            }
            """;
        yield return noConstants;
    }

    private static ConsumerProject Console(string name, PackedPackage package)
    {
        var project = new ConsumerProject(name, "net10.0") { OutputType = "Exe" };
        project.Copies["news/000_bb9cd9dc54830164.txt"] = package.SeedCorpus;
        return project;
    }
}
