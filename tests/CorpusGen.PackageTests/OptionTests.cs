using System.Threading.Tasks;
using CorpusGen.PackageTests.Infrastructure;
using Xunit;

namespace CorpusGen.PackageTests;

/// <summary>CorpusNamespace, CorpusClassName, CorpusVisibility, CorpusConstants and the CorpusClass metadata, through the package.</summary>
public sealed class OptionTests
{
    [Fact]
    public async Task CorpusNamespace_and_CorpusClassName_name_the_class()
    {
        var values = await BuildAndRun(OptionScenarios.NamespaceAndClassName);
        Assert.Equal("Acme.News.Wire", values["type"]);
        Assert.Equal("False", values["public"]);
        Assert.Equal("50", values["headlines"]);
        Assert.Equal(EndToEndTests.FirstHeadline, values["first"]);
        Assert.Equal("7", values["trump"]);
        Assert.Equal(EndToEndTests.ArticleTitle, values["title"]);
        Assert.Equal("False", values["corpusType"]);
    }

    [Fact]
    public async Task CorpusVisibility_public_makes_the_api_public_and_documented()
    {
        // The project sets GenerateDocumentationFile and TreatWarningsAsErrors: a missing doc comment (CS1591) fails it.
        var values = await BuildAndRun(OptionScenarios.PublicVisibility);
        Assert.Equal("True", values["public"]);
        Assert.Equal("Document,Article,Section,TextList,DocumentList,ArticleList,SectionList,HeadlineIndices,Headline,Title", values["nestedPublic"]);
        Assert.Equal("50", values["headlines"]);
        Assert.Equal("P.Smith--AT", values["byline"]);
    }

    [Fact]
    public async Task CorpusClass_metadata_puts_files_in_their_own_class_with_its_own_index()
    {
        var values = await BuildAndRun(OptionScenarios.TwoClasses);
        Assert.Equal("50", values["corpus.headlines"]);
        Assert.Equal("1", values["corpus.documents"]);
        // "Cup" is in three seed headlines (BJK Cup twice, Davis Cup) and in none of the default class's others.
        Assert.Equal("3", values["corpus.cup"]);
        Assert.Equal("3", values["sport.headlines"]);
        Assert.Equal("1", values["sport.documents"]);
        Assert.Equal("cup.txt", values["sport.file"]);
        Assert.Equal("0,1", values["sport.cup"]);
        Assert.Equal("0", values["sport.trump"]);
        Assert.Equal("2", values["sport.index"]);
        Assert.Equal("Cup final report", values["sport.title"]);
        Assert.Equal("J.Doe", values["sport.author"]);
        Assert.Equal("SPORT", values["sport.desk"]);
        Assert.Equal("Local club wins the cup", values["sport.constant"]);
    }

    [Fact]
    public async Task CorpusConstants_false_leaves_out_the_constants_and_nothing_else()
    {
        var values = await BuildAndRun(OptionScenarios.NoConstants);
        Assert.Equal("50", values["headlines"]);
        Assert.Equal("7", values["index"]);
        Assert.Equal("7", values["trump"]);
        Assert.Equal("False", values["headlineType"]);
        Assert.Equal("False", values["titleType"]);
    }

    private static async Task<System.Collections.Generic.IReadOnlyDictionary<string, string>> BuildAndRun(string name)
    {
        var batch = await ConsumerBuilds.Batch;
        batch.AssertBuiltClean(name);
        return await ProgramOutput.RunAsync(batch.Project(name));
    }
}
