using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>
/// A second, deliberately plain reading of FORMAT.md (regular expressions and string methods, no shared code with
/// the generator): the oracle that the generated values are checked against.
/// </summary>
public static class ReferenceReader
{
    private static readonly Regex LineBreak = new("\r\n|[\n\r\u0085\u2028\u2029]", RegexOptions.CultureInvariant);

    public static CorpusValues Read(IEnumerable<CorpusFileSpec> files)
    {
        var documents = files
            .Where(f => f.IsCorpus)
            .OrderBy(f => f.Path.Replace('\\', '/'), StringComparer.Ordinal)
            .Select(f => ReadDocument(FileName(f.Path), f.Text ?? string.Empty))
            .ToList();
        return new CorpusValues(documents.SelectMany(d => d.Headlines).ToList(), documents);
    }

    public static DocumentValues ReadDocument(string fileName, string text)
    {
        var lines = LineBreak.Split(text).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var headlines = new List<string>();
        int i = 0;
        while (i < lines.Count && IsBullet(lines[i]))
        {
            string headline = lines[i].Substring(1).Trim();
            if (headline.Length > 0)
            {
                headlines.Add(headline);
            }

            i++;
        }

        if (i == lines.Count)
        {
            return new DocumentValues(fileName, headlines, null);
        }

        string title = lines[i];
        var body = lines.Skip(i + 1).ToList();
        string? byline = null, author = null, desk = null;
        if (body.Count > 0)
        {
            string last = body[^1];
            int dashes = last.LastIndexOf("--", StringComparison.Ordinal);
            if (!last.Any(char.IsWhiteSpace) && dashes >= 1 && dashes + 2 < last.Length)
            {
                byline = last;
                author = last[..dashes];
                desk = last[(dashes + 2)..];
                body.RemoveAt(body.Count - 1);
            }
        }

        var paragraphs = new List<string>();
        var sections = new List<SectionValues>();
        string? heading = null;
        var current = new List<string>();
        bool opened = false;
        foreach (string line in body)
        {
            string? crossHead = CrossHead(line);
            if (crossHead is null)
            {
                paragraphs.Add(line);
                current.Add(line);
                continue;
            }

            if (opened || current.Count > 0)
            {
                sections.Add(new SectionValues(heading, current));
            }

            heading = crossHead;
            current = new List<string>();
            opened = true;
        }

        if (opened || current.Count > 0)
        {
            sections.Add(new SectionValues(heading, current));
        }

        return new DocumentValues(fileName, headlines, new ArticleValues(title, paragraphs, sections, byline, author, desk));
    }

    public static string FileName(string path) => path.Replace('\\', '/').Split('/')[^1];

    /// <summary>The FORMAT.md words of a text: maximal runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>What HeadlinesWithWord should return, computed by brute force.</summary>
    public static int[] HeadlinesWithWord(IReadOnlyList<string> headlines, string word) =>
        Enumerable.Range(0, headlines.Count)
            .Where(i => Words(headlines[i]).Any(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase)))
            .ToArray();

    private static bool IsBullet(string line) => line[0] == '-' && (line.Length == 1 || char.IsWhiteSpace(line[1]));

    private static string? CrossHead(string line)
    {
        if (!IsBullet(line))
        {
            return null;
        }

        string bullet = line.Substring(1).Trim();
        if (bullet.Length < 2 || bullet[^1] != '-' || !char.IsWhiteSpace(bullet[^2]))
        {
            return null;
        }

        string inner = bullet[..^1].Trim();
        return inner.Length > 0 ? inner : null;
    }
}
