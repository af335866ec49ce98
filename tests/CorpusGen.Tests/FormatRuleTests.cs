using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CorpusGen.Models;
using CorpusGen.Parsing;
using CorpusGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CorpusGen.Tests;

/// <summary>
/// FORMAT.md, rule by rule, read back through the generated code. Every test states its expected values literally
/// and also compares the whole corpus with <see cref="ReferenceReader"/>, so that neither the generator nor the
/// oracle can be wrong on its own unnoticed.
/// </summary>
public sealed class FormatRuleTests
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts, except the six line breaks.</summary>
    private const string Whitespace =
        "\t\u000B\u000C \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000";

    [Fact]
    public void Text_is_UTF8_and_the_byte_order_mark_is_not_part_of_it()
    {
        byte[] body = Encoding.UTF8.GetBytes("- Gr\u00FC\u00DFe aus K\u00F6ln\nTitel\n");
        var withMark = CorpusFileSpec.FromBytes("/p/news/a.txt", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(body).ToArray());
        var withoutMark = CorpusFileSpec.FromBytes("/p/news/b.txt", body);
        var onlyMark = CorpusFileSpec.FromBytes("/p/news/c.txt", new byte[] { 0xEF, 0xBB, 0xBF });

        var built = Build(withMark, withoutMark, onlyMark);

        Assert.Equal(new[] { "Gr\u00FC\u00DFe aus K\u00F6ln", "Gr\u00FC\u00DFe aus K\u00F6ln" }, built.Values.Headlines);
        AssertDocument(Document("a.txt", new[] { "Gr\u00FC\u00DFe aus K\u00F6ln" }, Article("Titel", null, null)), built.Values.Documents[0]);
        AssertDocument(Document("b.txt", new[] { "Gr\u00FC\u00DFe aus K\u00F6ln" }, Article("Titel", null, null)), built.Values.Documents[1]);
        AssertDocument(Document("c.txt", Array.Empty<string>(), null), built.Values.Documents[2]);
        Assert.Equal(0, built.Corpus.IndexOfHeadline("Gr\u00FC\u00DFe aus K\u00F6ln"));
        Assert.Equal(-1, built.Corpus.IndexOfHeadline("\uFEFFGr\u00FC\u00DFe aus K\u00F6ln"));
    }

    [Fact]
    public void Every_line_break_kind_splits_lines()
    {
        // CR LF, LF, CR, NEL, LS, PS; "\r\r\n" is CR then CR LF and "\n\r" is LF then CR: blank lines in between.
        var built = Build(File("a.txt", "- a\r\n- b\n- c\r- d\u0085- e\u2028- f\u2029Title\r\r\nP1\n\rP2\u2028\u2029P3"));

        AssertDocument(
            Document("a.txt", new[] { "a", "b", "c", "d", "e", "f" }, Article("Title", null, null, Section(null, "P1", "P2", "P3"))),
            built.Document);
    }

    [Fact]
    public void Vertical_tab_form_feed_and_other_controls_do_not_split_lines()
    {
        var built = Build(File("a.txt", "- x\u000By\u000Cz\u001Cw\u001Dv\u001Eu\u001Ft\u0000s\u2060r\nTitle\u000BStill title"));

        AssertDocument(
            Document("a.txt", new[] { "x\u000By\u000Cz\u001Cw\u001Dv\u001Eu\u001Ft\u0000s\u2060r" }, Article("Title\u000BStill title", null, null)),
            built.Document);
    }

    [Fact]
    public void Lines_are_trimmed_as_string_Trim()
    {
        // The literal list above is what .NET calls whitespace; a runtime that disagrees should fail here, not below.
        string computed = new(Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => char.IsWhiteSpace(c) && !CorpusParser.IsLineBreak(c)).ToArray());
        Assert.Equal(Whitespace, computed);

        const string W = Whitespace;
        string text = W + "-" + W + "Headline one" + W + "\n"
            + W + "\n"
            + W + "-" + W + "\n"
            + W + "Title" + W + "\n"
            + W + "Para" + W + "graph" + W + "\n"
            + "\u200BZero width is not whitespace\uFEFF\n"
            + W + "-" + W + "Cross" + W + "-" + W + "\n"
            + W + "A.B--CD" + W;

        var built = Build(File("a.txt", text));

        AssertDocument(
            Document("a.txt", new[] { "Headline one" }, Article(
                "Title",
                "A.B",
                "CD",
                Section(null, "Para" + W + "graph", "\u200BZero width is not whitespace\uFEFF"),
                Section("Cross"))),
            built.Document);
        Assert.Single(built.Diagnostics("CORPUS001"));
    }

    [Fact]
    public void Blank_lines_are_skipped_everywhere()
    {
        var built = Build(File("a.txt", "\n\n  \n- a\n\n \t\n- b\n\nTitle\n\n\nP1\n \n- X -\n\n\nP2\n\nA--B\n\n  \n\u3000"));

        AssertDocument(
            Document("a.txt", new[] { "a", "b" }, Article("Title", "A", "B", Section(null, "P1"), Section("X", "P2"))),
            built.Document);
        Assert.Empty(built.Output.GeneratorDiagnostics);
    }

    [Fact]
    public void Bullet_line_is_a_dash_alone_or_a_dash_followed_by_whitespace()
    {
        var built = Build(
            File("a.txt", "- space\n-\ttab\n-\u3000ideographic\n-\u00A0no-break\n-\u2009thin\nTitle"),
            File("b.txt", "- first\n-x is no bullet\n- later"),
            File("c.txt", "-\u200Bzero width is no whitespace\n"),
            File("d.txt", "-- double dash\n"),
            File("e.txt", "\u2010 hyphen\n"),
            File("f.txt", "\u2212 minus\n"),
            File("g.txt", "\u2014 em dash\n"));

        var documents = built.Values.Documents;
        AssertDocument(Document("a.txt", new[] { "space", "tab", "ideographic", "no-break", "thin" }, Article("Title", null, null)), documents[0]);
        AssertDocument(Document("b.txt", new[] { "first" }, Article("-x is no bullet", null, null, Section(null, "- later"))), documents[1]);
        AssertDocument(Document("c.txt", Array.Empty<string>(), Article("-\u200Bzero width is no whitespace", null, null)), documents[2]);
        AssertDocument(Document("d.txt", Array.Empty<string>(), Article("-- double dash", null, null)), documents[3]);
        AssertDocument(Document("e.txt", Array.Empty<string>(), Article("\u2010 hyphen", null, null)), documents[4]);
        AssertDocument(Document("f.txt", Array.Empty<string>(), Article("\u2212 minus", null, null)), documents[5]);
        AssertDocument(Document("g.txt", Array.Empty<string>(), Article("\u2014 em dash", null, null)), documents[6]);
    }

    [Fact]
    public void Bullet_text_is_what_follows_the_dash_trimmed()
    {
        var built = Build(File("a.txt", "-    padded   headline \t\u3000\n-\t- dash inside\n- x -\nTitle"));

        // "- x -" has the shape of a cross-head, but cross-heads exist only in the body: at the top it is a headline.
        AssertDocument(Document("a.txt", new[] { "padded   headline", "- dash inside", "x -" }, Article("Title", null, null)), built.Document);
    }

    [Fact]
    public void Every_bullet_line_from_the_top_is_a_headline()
    {
        var built = Build(File("a.txt", "- One\n- Two\n- Three\n"));

        AssertDocument(Document("a.txt", new[] { "One", "Two", "Three" }, null), built.Document);
        Assert.Equal(new[] { "One", "Two", "Three" }, built.Values.Headlines);
    }

    [Fact]
    public void Bullet_line_with_empty_text_is_skipped_and_warned()
    {
        var built = Build(File("a.txt", "- one\n-\n- \t \n-\u3000\n- two\nTitle"));

        AssertDocument(Document("a.txt", new[] { "one", "two" }, Article("Title", null, null)), built.Document);
        Assert.Equal(new[] { 1, 2, 3 }, built.Diagnostics("CORPUS001").Select(d => d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.All(built.Diagnostics("CORPUS001"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(1, built.Corpus.IndexOfHeadline("two"));
        Assert.Equal(-1, built.Corpus.IndexOfHeadline(""));
    }

    [Fact]
    public void Headline_block_ends_at_first_non_blank_non_bullet_line()
    {
        var built = Build(File("a.txt", "- one\n\n- two\nTitle line\n- three is a paragraph\n- four -\n"));

        AssertDocument(
            Document("a.txt", new[] { "one", "two" }, Article("Title line", null, null, Section(null, "- three is a paragraph"), Section("four"))),
            built.Document);
        Assert.Equal(-1, built.Corpus.IndexOfHeadline("three is a paragraph"));
    }

    [Fact]
    public void Title_is_the_line_that_ends_the_headlines_trimmed()
    {
        var built = Build(
            File("a.txt", "- h\n   \t The title \u3000\nBody"),
            File("b.txt", "  Just a title  \nBody"));

        AssertDocument(Document("a.txt", new[] { "h" }, Article("The title", null, null, Section(null, "Body"))), built.Values.Documents[0]);
        AssertDocument(Document("b.txt", Array.Empty<string>(), Article("Just a title", null, null, Section(null, "Body"))), built.Values.Documents[1]);
        Assert.Equal(new[] { "The title", "Just a title" }, built.Corpus.ArticleTitles());
    }

    [Fact]
    public void File_without_a_title_line_has_no_article()
    {
        var built = Build(
            File("a.txt", "- a\n- b\n\n"),
            File("b.txt", "- c\nTitle"));

        AssertDocument(Document("a.txt", new[] { "a", "b" }, null), built.Values.Documents[0]);
        Assert.Equal(new[] { "Title" }, built.Corpus.ArticleTitles());
        Assert.Empty(built.Diagnostics("CORPUS002"));
    }

    [Fact]
    public void Title_only_article()
    {
        var built = Build(
            File("a.txt", "- h\nOnly title\n\n"),
            File("b.txt", "Only a title, no headline"));

        AssertDocument(Document("a.txt", new[] { "h" }, Article("Only title", null, null)), built.Values.Documents[0]);
        AssertDocument(Document("b.txt", Array.Empty<string>(), Article("Only a title, no headline", null, null)), built.Values.Documents[1]);
        Assert.Empty(built.Output.GeneratorDiagnostics);
    }

    [Fact]
    public void Title_is_never_the_byline()
    {
        // Body lines are the lines after the title, so a byline-shaped title stays the title.
        var built = Build(File("a.txt", "- h\nP.Smith--AT\n"));

        AssertDocument(Document("a.txt", new[] { "h" }, Article("P.Smith--AT", null, null)), built.Document);
    }

    [Fact]
    public void Byline_is_the_last_non_blank_line_without_whitespace_and_with_a_double_dash()
    {
        var built = Build(
            File("a.txt", "T\nPara\nP.Smith--AT\n\n  \n"),
            File("b.txt", "T\nP.Smith--AT"),
            File("c.txt", "T\n-P.Smith--AT"),
            File("d.txt", "T\nP.Smith--AT\u3000\n"));

        var documents = built.Values.Documents;
        AssertDocument(Document("a.txt", Array.Empty<string>(), Article("T", "P.Smith", "AT", Section(null, "Para"))), documents[0]);
        AssertDocument(Document("b.txt", Array.Empty<string>(), Article("T", "P.Smith", "AT")), documents[1]);
        AssertDocument(Document("c.txt", Array.Empty<string>(), Article("T", "-P.Smith", "AT")), documents[2]);
        AssertDocument(Document("d.txt", Array.Empty<string>(), Article("T", "P.Smith", "AT")), documents[3]);
        Assert.Equal("P.Smith--AT", documents[0].Article!.Byline);
    }

    [Fact]
    public void Only_the_last_non_blank_line_can_be_the_byline()
    {
        var built = Build(File("a.txt", "T\nP--AT\nPara"));

        AssertDocument(Document("a.txt", Array.Empty<string>(), Article("T", null, null, Section(null, "P--AT", "Para"))), built.Document);
    }

    [Fact]
    public void Byline_uses_last_double_dash()
    {
        var built = Build(
            File("a.txt", "T\nA--B--C"),
            File("b.txt", "T\na---b"),
            File("c.txt", "T\nx----y"));

        var documents = built.Values.Documents;
        AssertDocument(Document("a.txt", Array.Empty<string>(), Article("T", "A--B", "C")), documents[0]);
        AssertDocument(Document("b.txt", Array.Empty<string>(), Article("T", "a-", "b")), documents[1]);
        AssertDocument(Document("c.txt", Array.Empty<string>(), Article("T", "x--", "y")), documents[2]);
    }

    [Fact]
    public void Byline_needs_a_character_on_each_side_of_its_last_double_dash()
    {
        var built = Build(
            File("a.txt", "T\n--AT"),
            File("b.txt", "T\nP.Smith--"),
            File("c.txt", "T\nA--B--"),
            File("d.txt", "T\n--"),
            File("e.txt", "T\nA---"),
            File("f.txt", "T\nA-B"));

        var paragraphs = new[] { "--AT", "P.Smith--", "A--B--", "--", "A---", "A-B" };
        for (int i = 0; i < paragraphs.Length; i++)
        {
            var document = built.Values.Documents[i];
            AssertDocument(Document(document.FileName, Array.Empty<string>(), Article("T", null, null, Section(null, paragraphs[i]))), document);
        }
    }

    [Fact]
    public void Last_line_with_whitespace_is_not_a_byline()
    {
        var built = Build(
            File("a.txt", "T\nP. Smith--AT"),
            File("b.txt", "T\nP.Smith--A\tT"),
            File("c.txt", "T\nP.Smith\u00A0--AT"),
            File("d.txt", "T\nP.Smith--\u2009AT"));

        var paragraphs = new[] { "P. Smith--AT", "P.Smith--A\tT", "P.Smith\u00A0--AT", "P.Smith--\u2009AT" };
        for (int i = 0; i < paragraphs.Length; i++)
        {
            var document = built.Values.Documents[i];
            AssertDocument(Document(document.FileName, Array.Empty<string>(), Article("T", null, null, Section(null, paragraphs[i]))), document);
        }
    }

    [Fact]
    public void Cross_head_is_a_bullet_line_whose_text_ends_with_whitespace_and_a_dash()
    {
        var built = Build(File(
            "a.txt",
            "T\n- 'Co-belligerents' -\n-\tTabbed\t-\n-   padded   inner   -\n- a - b -\n- - -\n-\u3000Wide\u3000-\n-- not a bullet -"));

        AssertDocument(
            Document("a.txt", Array.Empty<string>(), Article(
                "T",
                null,
                null,
                Section("'Co-belligerents'"),
                Section("Tabbed"),
                Section("padded   inner"),
                Section("a - b"),
                Section("-"),
                Section("Wide", "-- not a bullet -"))),
            built.Document);
    }

    [Fact]
    public void Cross_head_needs_whitespace_before_trailing_dash()
    {
        var built = Build(File("a.txt", "T\n- Not a cross-head-\n-x -\n- Ends with en dash \u2013\n- \u200B-"));

        AssertDocument(
            Document("a.txt", Array.Empty<string>(), Article(
                "T", null, null, Section(null, "- Not a cross-head-", "-x -", "- Ends with en dash \u2013", "- \u200B-"))),
            built.Document);
    }

    [Fact]
    public void Cross_head_needs_inner_text()
    {
        var built = Build(File("a.txt", "T\n- -\n-   -\n-\t-\n- \u00A0 -\n-"));

        AssertDocument(
            Document("a.txt", Array.Empty<string>(), Article("T", null, null, Section(null, "- -", "-   -", "-\t-", "- \u00A0 -", "-"))),
            built.Document);
    }

    [Fact]
    public void Body_bullet_line_that_is_not_a_cross_head_is_a_paragraph_as_written()
    {
        // FORMAT.md warns about empty bullets in the headline block only; in the body "-" is just a paragraph.
        var built = Build(File("a.txt", "- h\nT\n- just a bullet\n-\n-   spaced  bullet  "));

        AssertDocument(
            Document("a.txt", new[] { "h" }, Article("T", null, null, Section(null, "- just a bullet", "-", "-   spaced  bullet"))),
            built.Document);
        Assert.Empty(built.Output.GeneratorDiagnostics);
    }

    [Fact]
    public void One_line_is_one_paragraph_and_lines_are_never_joined()
    {
        var built = Build(File("a.txt", "T\nFirst half of a sentence\nsecond half.\r\n\r\nNext"));

        AssertDocument(
            Document("a.txt", Array.Empty<string>(), Article("T", null, null, Section(null, "First half of a sentence", "second half.", "Next"))),
            built.Document);
    }

    [Fact]
    public void Lead_section_exists_only_with_a_paragraph()
    {
        var built = Build(
            File("a.txt", "T\n- Cross -\nP"),
            File("b.txt", "T\nP0\n- Cross -\nP1"),
            File("c.txt", "T\nP0\nP1"),
            File("d.txt", "T"),
            File("e.txt", "T\nA--B"));

        var documents = built.Values.Documents;
        AssertDocument(Document("a.txt", Array.Empty<string>(), Article("T", null, null, Section("Cross", "P"))), documents[0]);
        AssertDocument(Document("b.txt", Array.Empty<string>(), Article("T", null, null, Section(null, "P0"), Section("Cross", "P1"))), documents[1]);
        AssertDocument(Document("c.txt", Array.Empty<string>(), Article("T", null, null, Section(null, "P0", "P1"))), documents[2]);
        AssertDocument(Document("d.txt", Array.Empty<string>(), Article("T", null, null)), documents[3]);
        AssertDocument(Document("e.txt", Array.Empty<string>(), Article("T", "A", "B")), documents[4]);
    }

    [Fact]
    public void Cross_head_opens_section_even_without_paragraphs()
    {
        var built = Build(File("a.txt", "T\n- One -\n- Two -\nP\n- Three -\nA--B"));

        AssertDocument(
            Document("a.txt", Array.Empty<string>(), Article("T", "A", "B", Section("One"), Section("Two", "P"), Section("Three"))),
            built.Document);
    }

    [Fact]
    public void Files_are_ordered_by_path_ordinal()
    {
        // Given out of order; ordinal puts digits < upper case < '_' < lower case < non-ASCII, and '-' < '.' < '/'.
        // FORMAT.md says "ordered by path" without naming a separator: the generator (and the reference reader)
        // compare with '\' read as '/', so that the order is the same on every OS. That reading is what is tested.
        string[] paths =
        {
            "/p/news/b.txt", "/p/news/\u00E4.txt", "/p/news/B.txt", "/p/news/a.txt", "/p/news/a/z.txt", "/p/news/a-b.txt",
            "/p/news/_u.txt", "/p/news/A.txt", "/p/news/9.txt", "/p/news/10.txt", "\\p\\news\\c.txt",
        };
        var files = paths.Select(path => new CorpusFileSpec(path, $"- {ReferenceReader.FileName(path)} one\n- {ReferenceReader.FileName(path)} two\nTitle")).ToArray();

        var built = Build(files);

        string[] order = { "10.txt", "9.txt", "A.txt", "B.txt", "_u.txt", "a-b.txt", "a.txt", "z.txt", "b.txt", "c.txt", "\u00E4.txt" };
        Assert.Equal(order, built.Values.Documents.Select(d => d.FileName));
        string[] headlines = order.SelectMany(name => new[] { name + " one", name + " two" }).ToArray();
        Assert.Equal(headlines, built.Values.Headlines);
        for (int i = 0; i < headlines.Length; i++)
        {
            Assert.Equal(i, built.Corpus.IndexOfHeadline(headlines[i]));
        }

        Assert.Equal(new[] { 4, 5, 10, 11, 12, 13 }, built.Corpus.HeadlinesWithWord("a"));
        Assert.Equal(new[] { 6, 7, 10, 11, 16, 17 }, built.Corpus.HeadlinesWithWord("B"));
    }

    [Fact]
    public void Corpus_order_does_not_depend_on_item_order()
    {
        var files = new[] { File("b.txt", "- b1\n- b2\nTb"), File("a.txt", "- a1\nTa"), File("c.txt", "- c1\nTc") };

        var forward = Build(files);
        var backward = Build(files.Reverse().ToArray());

        Assert.Equal(new[] { "a1", "b1", "b2", "c1" }, forward.Values.Headlines);
        Assert.Equal(forward.Values.Dump(), backward.Values.Dump());
        Assert.Equal(new[] { "Ta", "Tb", "Tc" }, forward.Corpus.ArticleTitles());
    }

    [Fact]
    public void Empty_file_is_listed_and_warned()
    {
        var built = Build(
            File("a.txt", ""),
            File("b.txt", "  \r\n\t\n\u3000"),
            File("c.txt", "-\n- \n"),
            File("d.txt", "- real\nT"));

        var documents = built.Values.Documents;
        Assert.Equal(4, documents.Count);
        AssertDocument(Document("a.txt", Array.Empty<string>(), null), documents[0]);
        AssertDocument(Document("b.txt", Array.Empty<string>(), null), documents[1]);
        AssertDocument(Document("c.txt", Array.Empty<string>(), null), documents[2]);
        AssertDocument(Document("d.txt", new[] { "real" }, Article("T", null, null)), documents[3]);
        Assert.Equal(new[] { "real" }, built.Values.Headlines);
        Assert.Equal(new[] { "T" }, built.Corpus.ArticleTitles());
        Assert.Equal(
            new[] { "/p/news/a.txt", "/p/news/b.txt", "/p/news/c.txt" },
            built.Diagnostics("CORPUS002").Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(2, built.Diagnostics("CORPUS001").Count());
    }

    [Fact]
    public void Files_not_marked_as_corpus_are_ignored()
    {
        var built = Build(File("a.txt", "- kept\nT"), new CorpusFileSpec("/p/news/b.txt", "- ignored\nT2", IsCorpus: false));

        Assert.Equal(new[] { "a.txt" }, built.Values.Documents.Select(d => d.FileName));
        Assert.Equal(new[] { "kept" }, built.Values.Headlines);
        Assert.Equal(-1, built.Corpus.IndexOfHeadline("ignored"));
        Assert.Empty(built.Corpus.HeadlinesWithWord("ignored"));
    }

    [Fact]
    public void Duplicate_headlines_are_kept()
    {
        var built = Build(
            File("a.txt", "- Same\n- Other\n- Same\nTitle"),
            File("b.txt", "- Same\n- same\nTitle"));

        Assert.Equal(new[] { "Same", "Other", "Same", "Same", "same" }, built.Values.Headlines);
        Assert.Equal(0, built.Corpus.IndexOfHeadline("Same"));
        Assert.Equal(1, built.Corpus.IndexOfHeadline("Other"));
        Assert.Equal(4, built.Corpus.IndexOfHeadline("same"));
        Assert.Equal(-1, built.Corpus.IndexOfHeadline("SAME"));
        Assert.Equal(new[] { 0, 2, 3, 4 }, built.Corpus.HeadlinesWithWord("same"));
        Assert.Equal(new[] { "Title", "Title" }, built.Corpus.ArticleTitles());

        // One constant per distinct text.
        Assert.Equal(new[] { "Other", "Same", "same" }, Constants(built.Output, "Headline"));
        Assert.Equal(new[] { "Title" }, Constants(built.Output, "Title"));
    }

    [Fact]
    public void Words_are_maximal_runs_of_letters_and_digits()
    {
        var built = Build(File(
            "a.txt",
            "- Typhoon Man-yi nears Philippines\n"
            + "- No.1 Korda at LPGA's 2024 event\n"
            + "- snake_case and kebab-case\n"
            + "- Cafe\u0301 culture\n"
            + "- \u65E5\u672C\u8A9E\u306E\u30CB\u30E5\u30FC\u30B9\n"
            + "- Math \U0001D400\U0001D401 letters\n"
            + "- Fullwidth \uFF12\uFF10\uFF12\uFF14 and COVID19\n"
            + "- Zero\u200Bwidth\n"));
        var corpus = built.Corpus;

        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("Man"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("yi"));
        Assert.Empty(corpus.HeadlinesWithWord("Man-yi"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("No"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("1"));
        Assert.Empty(corpus.HeadlinesWithWord("No.1"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("LPGA"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("s"));
        Assert.Empty(corpus.HeadlinesWithWord("LPGA's"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("2024"));
        Assert.Equal(new[] { 6 }, corpus.HeadlinesWithWord("\uFF12\uFF10\uFF12\uFF14"));
        Assert.Equal(new[] { 2 }, corpus.HeadlinesWithWord("snake"));
        Assert.Empty(corpus.HeadlinesWithWord("snake_case"));
        Assert.Equal(new[] { 2 }, corpus.HeadlinesWithWord("case"));
        Assert.Equal(new[] { 2, 6 }, corpus.HeadlinesWithWord("and"));
        Assert.Equal(new[] { 3 }, corpus.HeadlinesWithWord("Cafe"));
        Assert.Empty(corpus.HeadlinesWithWord("Caf\u00E9"));
        Assert.Empty(corpus.HeadlinesWithWord("Cafe\u0301"));
        Assert.Equal(new[] { 4 }, corpus.HeadlinesWithWord("\u65E5\u672C\u8A9E\u306E\u30CB\u30E5\u30FC\u30B9"));
        Assert.Empty(corpus.HeadlinesWithWord("\u65E5\u672C\u8A9E"));
        Assert.Equal(new[] { 5 }, corpus.HeadlinesWithWord("Math"));
        Assert.Empty(corpus.HeadlinesWithWord("\U0001D400\U0001D401"));
        Assert.Empty(corpus.HeadlinesWithWord("\U0001D400"));
        Assert.Equal(new[] { 6 }, corpus.HeadlinesWithWord("covid19"));
        Assert.Empty(corpus.HeadlinesWithWord("COVID"));
        Assert.Equal(new[] { 7 }, corpus.HeadlinesWithWord("Zero"));
        Assert.Equal(new[] { 7 }, corpus.HeadlinesWithWord("width"));
        Assert.Empty(corpus.HeadlinesWithWord("Zero\u200Bwidth"));
        Assert.Empty(corpus.HeadlinesWithWord(""));
        Assert.Empty(corpus.HeadlinesWithWord(" "));
        AssertLookups(built);
    }

    [Fact]
    public void Short_words_are_told_from_queries_that_hash_alike()
    {
        // The short-word hash sets bit 5 of every code unit rather than lower-casing, so a digit hashes like the control
        // character 0x20 below it ('1' like U+0011), as a letter does like its other case: the lookup finds the word's
        // bucket by the hash and must still compare the word itself.
        var built = Build(File("a.txt", "- 1 a Z9 word 12345678\n- ab\n"));
        var corpus = built.Corpus;

        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("1"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("A"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("z9"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("WORD"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("aB"));
        foreach (var (word, query) in new[] { ("1", "\u0011"), ("z9", "z\u0019"), ("12345678", "\u00112345678"), ("12345678", "1234567\u0018") })
        {
            Assert.Equal(CorpusGen.Indexing.CorpusHash.Word(word, 0, word.Length), CorpusGen.Indexing.CorpusHash.Word(query, 0, query.Length));
            Assert.Empty(corpus.HeadlinesWithWord(query));
        }

        AssertLookups(built);
    }

    [Fact]
    public void Words_match_as_OrdinalIgnoreCase()
    {
        var built = Build(File(
            "a.txt",
            "- Trump TRUMP trump\n"
            + "- \u0395\u03BB\u03BB\u03AC\u03B4\u03B1 news\n"
            + "- Stra\u00DFe\n"
            + "- STRASSE\n"
            + "- Kelvin \u212A\n"
            + "- \u0130stanbul \u0131stanbul\n"
            + "- \u017Ftar\n"
            + "- Star\n"
            + "- \u01C5 title case\n"));
        var corpus = built.Corpus;

        // A word repeated in one headline lists that headline once.
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("trump"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("tRuMp"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("\u0395\u039B\u039B\u0386\u0394\u0391"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("\u03B5\u03BB\u03BB\u03AC\u03B4\u03B1"));
        Assert.Equal(new[] { 1 }, corpus.HeadlinesWithWord("NEWS"));

        // Ordinal case-insensitivity is one code unit to one code unit: no "\u00DF" = "SS", no Kelvin sign = "K",
        // no dotted or dotless i = "I", no long s = "S".
        Assert.Equal(new[] { 2 }, corpus.HeadlinesWithWord("STRA\u00DFE"));
        Assert.Equal(new[] { 3 }, corpus.HeadlinesWithWord("strasse"));
        Assert.Equal(new[] { 4 }, corpus.HeadlinesWithWord("\u212A"));
        Assert.Empty(corpus.HeadlinesWithWord("k"));
        Assert.Empty(corpus.HeadlinesWithWord("K"));
        Assert.Equal(new[] { 4 }, corpus.HeadlinesWithWord("KELVIN"));
        Assert.Empty(corpus.HeadlinesWithWord("istanbul"));
        Assert.Empty(corpus.HeadlinesWithWord("ISTANBUL"));
        Assert.Equal(new[] { 5 }, corpus.HeadlinesWithWord("\u0130STANBUL"));
        Assert.Equal(new[] { 5 }, corpus.HeadlinesWithWord("\u0131STANBUL"));
        Assert.Equal(new[] { 6 }, corpus.HeadlinesWithWord("\u017FTAR"));
        Assert.Equal(new[] { 7 }, corpus.HeadlinesWithWord("star"));
        Assert.Equal(new[] { 7 }, corpus.HeadlinesWithWord("STAR"));
        Assert.Equal(new[] { 8 }, corpus.HeadlinesWithWord("\u01C4"));
        Assert.Equal(new[] { 8 }, corpus.HeadlinesWithWord("\u01C6"));
        AssertLookups(built);
    }

    [Fact]
    public void Hostile_content_round_trips_exactly()
    {
        string[] headlines =
        {
            "Quotes \"double\" 'single' and \\back\\slash\\",
            "Comment */ /* // and <!-- -->",
            "Doc </summary><remarks>& &amp; <see cref=\"X\"/>",
            "Braces {} {{0}} $\"{x}\" and \"\"\"raw\"\"\" \"\"\"\"",
            "Controls \u0001\u0007\u001B\u007F\u0000\u009B end",
            "Bidi \u202Eevil\u202C \u2066iso\u2069 \u200Frlm \u061Calm",
            "Zero\u200Bwidth\u200C\u200D\u2060\uFEFF joiners",
            "Emoji \U0001F600 \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1FA\U0001F1F8 \U0001D400 \uE000 \U000E0001",
            "\u00DCn\u00EFc\u00F6d\u00E9 Stra\u00DFe \u0130stanbul \u0131i \u0395\u03BB\u03BB\u03AC\u03B4\u03B1 \u0420\u043E\u0441\u0441\u0438\u044F \u65E5\u672C\u8A9E \u0627\u0644\u0639\u0631\u0628\u064A\u0629",
            "Tab\tinside\tthe line",
            "-",
            "-x",
            "!!!",
            "???",
            "Headline",
            "ToString",
            "1 digit first",
            "#if DEBUG @\"verbatim\" \\u0041 \\U0001F600 \\x41 %s {0}",
        };
        const string Title = "-x is not a bullet so this is the title \"with\" \\ */ </summary>";
        string text = string.Join("\r\n", headlines.Select(h => "- " + h))
            + "\r\n" + Title
            + "\r\n-"
            + "\r\n- -"
            + "\r\n-\t-"
            + "\r\n- Cross \"head\" with */ and </summary> -"
            + "\r\n\tTabbed\tparagraph\t"
            + "\r\nParagraph with \u202E bidi, \U0001F600 and \u0000 NUL"
            + "\r\n- Second \u2066cross\u2069 -"
            + "\r\nLast paragraph ends with a backslash\\"
            + "\r\nO'Brien\"\\<&>--Desk\u202E\U0001F600\r\n";

        var built = Build(File("hostile.txt", text));

        AssertDocument(
            Document("hostile.txt", headlines, Article(
                Title,
                "O'Brien\"\\<&>",
                "Desk\u202E\U0001F600",
                Section(null, "-", "- -", "-\t-"),
                Section("Cross \"head\" with */ and </summary>", "Tabbed\tparagraph", "Paragraph with \u202E bidi, \U0001F600 and \u0000 NUL"),
                Section("Second \u2066cross\u2069", "Last paragraph ends with a backslash\\"))),
            built.Document);
        Assert.Equal(headlines.OrderBy(h => h, StringComparer.Ordinal), Constants(built.Output, "Headline"));
        Assert.Equal(new[] { Title }, Constants(built.Output, "Title"));
        AssertLookups(built);
        Assert.Equal(new[] { 0 }, built.Corpus.HeadlinesWithWord("BACK"));
        Assert.Equal(new[] { 4 }, built.Corpus.HeadlinesWithWord("Controls"));
        Assert.Equal(new[] { 5 }, built.Corpus.HeadlinesWithWord("evil"));
        Assert.Equal(new[] { 6 }, built.Corpus.HeadlinesWithWord("zero"));
        Assert.Equal(new[] { 8 }, built.Corpus.HeadlinesWithWord("\u0440\u043E\u0441\u0441\u0438\u044F"));
        Assert.Equal(new[] { 9 }, built.Corpus.HeadlinesWithWord("tab"));
        Assert.Equal(new[] { 2, 3, 11 }, built.Corpus.HeadlinesWithWord("x"));
        Assert.Equal(new[] { 17 }, built.Corpus.HeadlinesWithWord("U0001F600"));
    }

    [Fact]
    public void Very_long_lines_round_trip_exactly()
    {
        // Each value alone is past the 192 KiB at which a blob closes. The headline has a thousand distinct words, not
        // tens of thousands: the word index's cost grows with distinct words times headline length (see the report).
        string longHeadline = string.Concat(Enumerable.Range(0, 1_000).Select(i => "word" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + " "))
            + string.Concat(Enumerable.Repeat("filler ", 28_000)) + "last";
        string longTitle = string.Concat(Enumerable.Repeat("\u65E5\u672C\u8A9E ", 50_000)).TrimEnd();
        string longParagraph = string.Concat(Enumerable.Repeat("\U0001F600\"\\\u202E\t", 50_000));
        string text = "- " + longHeadline + "\r\n- short\r\n" + longTitle + "\r\n" + longParagraph + "\r\nA--B";

        var built = Build(File("long.txt", text));

        AssertDocument(
            Document("long.txt", new[] { longHeadline, "short" }, Article(longTitle, "A", "B", Section(null, longParagraph.TrimEnd()))),
            built.Document);
        var corpus = built.Corpus;
        Assert.Equal(0, corpus.IndexOfHeadline(longHeadline));
        Assert.Equal(1, corpus.IndexOfHeadline("short"));
        Assert.Equal(-1, corpus.IndexOfHeadline(longHeadline.Replace("word0345", "word0346", StringComparison.Ordinal)));
        Assert.Equal(-1, corpus.IndexOfHeadline(longHeadline.Substring(0, 100_000) + "W" + longHeadline.Substring(100_001)));
        Assert.Equal(-1, corpus.IndexOfHeadline(longHeadline + " "));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("word0000"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("WORD0999"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("Filler"));
        Assert.Equal(new[] { 0 }, corpus.HeadlinesWithWord("last"));
        Assert.Empty(corpus.HeadlinesWithWord("word1000"));
        Assert.Empty(corpus.HeadlinesWithWord("\u65E5\u672C\u8A9E"));
    }

    [Fact]
    public void Very_long_word_round_trips_exactly()
    {
        // One word longer than any identifier may be: the constant's name must still be cut to a legal length.
        string longWord = new string('x', 5_000) + "y";
        var built = Build(File("long.txt", "- " + longWord + "\n- " + longWord.ToUpperInvariant() + "\n" + longWord));

        AssertDocument(Document("long.txt", new[] { longWord, longWord.ToUpperInvariant() }, Article(longWord, null, null)), built.Document);
        Assert.Equal(0, built.Corpus.IndexOfHeadline(longWord));
        Assert.Equal(1, built.Corpus.IndexOfHeadline(longWord.ToUpperInvariant()));
        Assert.Equal(-1, built.Corpus.IndexOfHeadline(longWord.Substring(0, 2_500) + "X" + longWord.Substring(2_501)));
        Assert.Equal(new[] { 0, 1 }, built.Corpus.HeadlinesWithWord(longWord));
        Assert.Empty(built.Corpus.HeadlinesWithWord(longWord.Substring(1)));
        Assert.Empty(built.Corpus.HeadlinesWithWord(longWord.Substring(0, 2_500) + "z" + longWord.Substring(2_501)));
        Assert.Equal(new[] { longWord.ToUpperInvariant(), longWord }, Constants(built.Output, "Headline"));
        Assert.Equal(new[] { longWord }, Constants(built.Output, "Title"));
    }

    [Fact]
    public void Lone_surrogates_round_trip_exactly()
    {
        // A decoded file cannot hold one, so FORMAT.md does not speak of them; text handed to the generator in memory
        // can, and the values must still come back unchanged (the generator falls back to UTF-16 blobs).
        var built = Build(
            File("a.txt", "- lone \uD800 high\n- lone \uDC00 low\n- pair \U0001F600 and \uDBFF\nTitle \uDFFF"),
            File("b.txt", "- plain\nT"));

        AssertDocument(
            Document("a.txt", new[] { "lone \uD800 high", "lone \uDC00 low", "pair \U0001F600 and \uDBFF" }, Article("Title \uDFFF", null, null)),
            built.Values.Documents[0]);
        Assert.Equal(new[] { "lone \uD800 high", "lone \uDC00 low", "pair \U0001F600 and \uDBFF", "plain" }, built.Values.Headlines);
        AssertLookups(built);
    }

    [Fact]
    public void A_lone_surrogate_in_a_file_name_round_trips_exactly()
    {
        // The file name is stored with the values; a u8 literal cannot hold a lone surrogate (CS9026 when the
        // assembly is emitted, which Build does), so such a name sends the corpus to UTF-16 blobs as such text does.
        var built = Build(File("a\uD800b.txt", "- one\nT"), File("c.txt", "- two\nT"));

        Assert.Equal(new[] { "a\uD800b.txt", "c.txt" }, built.Values.Documents.Select(d => d.FileName));
        Assert.Equal(new[] { "one", "two" }, built.Values.Headlines);
        AssertLookups(built);
    }

    [Fact]
    public void Parser_reads_the_seed_shape_without_a_compilation()
    {
        const string Text = "- One\n-\n- Two\nTitle\nLead\n- Cross -\nBody\nP.Smith--AT\n";

        var document = Parse(Text);

        AssertDocument(
            Document("a.txt", new[] { "One", "Two" }, Article("Title", "P.Smith", "AT", Section(null, "Lead"), Section("Cross", "Body"))),
            document);
        AssertDocument(ReferenceReader.ReadDocument("a.txt", Text), document);
    }

    private static CorpusFileSpec File(string name, string text) => new("/p/news/" + name, text);

    /// <summary>Runs the generator, compiles and loads its output, and checks the values against the reference reading.</summary>
    private static Built Build(params CorpusFileSpec[] files)
    {
        var output = GeneratorRunner.Run(files, sources: new[] { CompiledCorpus.ProbeSource() }).AssertCompilesClean();
        var corpus = CompiledCorpus.Load(output.Compilation);
        var values = corpus.Values();
        Assert.Equal(ReferenceReader.Read(files).Dump(), values.Dump());
        Assert.Equal(values.Articles.Select(a => a.Title), corpus.ArticleTitles());
        return new Built(output, corpus, values);
    }

    /// <summary>Every headline finds its first occurrence, near misses find nothing, every word finds what the reference finds.</summary>
    private static void AssertLookups(Built built)
    {
        var headlines = built.Values.Headlines.ToList();
        foreach (string headline in headlines.Distinct())
        {
            Assert.Equal(headlines.IndexOf(headline), built.Corpus.IndexOfHeadline(headline));
            foreach (string miss in NearMisses(headline))
            {
                Assert.Equal(headlines.IndexOf(miss), built.Corpus.IndexOfHeadline(miss));
            }
        }

        foreach (string word in headlines.SelectMany(ReferenceReader.Words).Distinct().Take(500))
        {
            foreach (string variant in new[] { word, word.ToUpperInvariant(), word.ToLowerInvariant(), word + "x", word.Substring(1) })
            {
                Assert.Equal(ReferenceReader.HeadlinesWithWord(headlines, variant), built.Corpus.HeadlinesWithWord(variant));
            }
        }
    }

    private static IEnumerable<string> NearMisses(string headline)
    {
        yield return headline + "x";
        yield return "x" + headline;
        yield return headline + " ";
        yield return headline.Substring(0, headline.Length - 1);
        yield return headline.Substring(1);
        yield return headline.ToUpperInvariant();
        yield return headline.ToLowerInvariant();
        int middle = headline.Length / 2;
        yield return headline.Substring(0, middle) + (headline[middle] == 'a' ? 'b' : 'a') + headline.Substring(middle + 1);
    }

    /// <summary>The values of the compile-time constants in <c>Corpus.Headline</c> or <c>Corpus.Title</c>, in ordinal order.</summary>
    private static string[] Constants(GeneratorOutput output, string kind) =>
        output.Compilation.GetTypeByMetadataName("Corpus+" + kind)!
            .GetMembers()
            .OfType<IFieldSymbol>()
            .Where(field => field.IsConst)
            .Select(field => (string)field.ConstantValue!)
            .OrderBy(value => value, StringComparer.Ordinal)
            .ToArray();

    private static DocumentValues Parse(string text)
    {
        var model = CorpusParser.Parse(new CorpusFile("/p/news/a.txt", "/p/news/a.txt", "/p/news/a.txt", "a.txt", "Corpus"), text, CancellationToken.None);
        string? Text(TextRange? range) => range is { } r ? model.GetText(r) : null;
        var paragraphs = model.Paragraphs.Select(p => model.GetText(p)).ToArray();
        var article = model.Title is null
            ? null
            : new ArticleValues(
                Text(model.Title)!,
                paragraphs,
                model.Sections.Select(s => new SectionValues(Text(s.Heading), paragraphs.Skip(s.FirstParagraph).Take(s.ParagraphCount).ToArray())).ToArray(),
                Text(model.Byline),
                Text(model.Author),
                Text(model.Desk));
        return new DocumentValues(model.FileName, model.Headlines.Select(h => model.GetText(h)).ToArray(), article);
    }

    private static DocumentValues Document(string fileName, IReadOnlyList<string> headlines, ArticleValues? article) =>
        new(fileName, headlines, article);

    /// <summary>An article whose paragraphs are its sections' paragraphs; the byline is author--desk when both are given.</summary>
    private static ArticleValues Article(string title, string? author, string? desk, params SectionValues[] sections) =>
        new(
            title,
            sections.SelectMany(s => s.Paragraphs).ToArray(),
            sections,
            author is null ? null : author + "--" + desk,
            author,
            desk);

    private static SectionValues Section(string? heading, params string[] paragraphs) => new(heading, paragraphs);

    private static void AssertDocument(DocumentValues expected, DocumentValues actual) =>
        Assert.Equal(
            new CorpusValues(expected.Headlines, new[] { expected }).Dump(),
            new CorpusValues(actual.Headlines, new[] { actual }).Dump());

    private sealed record Built(GeneratorOutput Output, CompiledCorpus Corpus, CorpusValues Values)
    {
        public DocumentValues Document => Assert.Single(Values.Documents);

        public IEnumerable<Diagnostic> Diagnostics(string id) =>
            Output.GeneratorDiagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.GetLineSpan().StartLinePosition);
    }
}
