using System.Collections.Generic;
using System.Linq;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>A corpus as plain values, to compare what the generated code exposes with what FORMAT.md says.</summary>
public sealed record CorpusValues(IReadOnlyList<string> Headlines, IReadOnlyList<DocumentValues> Documents)
{
    public IEnumerable<ArticleValues> Articles => Documents.Where(d => d.Article is not null).Select(d => d.Article!);

    /// <summary>A readable dump: equal corpora give equal dumps, and a difference shows where it is.</summary>
    public string Dump()
    {
        var lines = new List<string> { "headlines: " + Headlines.Count };
        lines.AddRange(Headlines.Select(Show));
        foreach (var document in Documents)
        {
            lines.Add("document " + Show(document.FileName) + " headlines: " + document.Headlines.Count);
            lines.AddRange(document.Headlines.Select(h => "  h " + Show(h)));
            if (document.Article is { } article)
            {
                lines.Add("  title " + Show(article.Title));
                lines.AddRange(article.Paragraphs.Select(p => "  p " + Show(p)));
                foreach (var section in article.Sections)
                {
                    lines.Add("  section " + (section.Heading is null ? "(lead)" : Show(section.Heading)) + " paragraphs: " + section.Paragraphs.Count);
                    lines.AddRange(section.Paragraphs.Select(p => "    p " + Show(p)));
                }

                lines.Add("  byline " + Show(article.Byline) + " author " + Show(article.Author) + " desk " + Show(article.Desk));
            }
            else
            {
                lines.Add("  (no article)");
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>A value with every character outside printable ASCII shown as \uXXXX, so dumps compare exactly.</summary>
    public static string Show(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new System.Text.StringBuilder("\"");
        foreach (char c in value)
        {
            if (c >= 0x20 && c < 0x7F && c != '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4"));
            }
        }

        return builder.Append('"').ToString();
    }
}

public sealed record DocumentValues(string FileName, IReadOnlyList<string> Headlines, ArticleValues? Article);

public sealed record ArticleValues(
    string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<SectionValues> Sections, string? Byline, string? Author, string? Desk);

public sealed record SectionValues(string? Heading, IReadOnlyList<string> Paragraphs);
