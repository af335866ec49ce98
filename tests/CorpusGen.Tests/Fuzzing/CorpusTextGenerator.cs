using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CorpusGen.Tests.Fuzzing;

/// <summary>
/// A seeded source of hostile corpus text: realistic news lines (headlines, titles, cross-heads, bylines) mixed with
/// everything that has broken text tools before: control, bidi and zero-width characters, every line break and
/// whitespace kind the format knows, astral characters, text that would end a C# literal or comment, very long
/// lines, and (opt-in, for in-memory strings only) lone surrogates. The same seed always gives the same text.
/// </summary>
public sealed class CorpusTextGenerator
{
    /// <summary>Every line break FORMAT.md counts.</summary>
    public static readonly string[] LineBreaks = { "\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029" };

    /// <summary>Characters for which <see cref="char.IsWhiteSpace(char)"/> holds, other than the line breaks.</summary>
    public static readonly string[] Whitespace =
    {
        " ", "\t", "\v", "\f", "\u00A0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005",
        "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u202F", "\u205F", "\u3000",
    };

    /// <summary>Bidi controls (CVE-2021-42574) and zero-width characters: invisible, and none of them whitespace.</summary>
    public static readonly string[] Invisible =
    {
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F",
        "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
    };

    /// <summary>Text that ends a C# string literal, comment, doc tag, directive or interpolation if copied raw.</summary>
    public static readonly string[] Injections =
    {
        "\"", "\\", "\\\"", "\"; } class Evil { //", "*/", "/*", "//", "</summary>", "</summary><remarks>", "<!--", "]]>",
        "{", "}", "{0}", "\"\"\"", "@\"", "$\"{x}\"", "\\u0022", "\\n", "#if X", "#endregion", "&amp;", "&lt;", "'", "'\\''",
        "u8", "\"u8", "\\\\\\", "<see cref=\"T\"/>", "<c>", "&",
    };

    private static readonly string[] Words =
    {
        "Trump", "trump", "TRUMP", "Korea", "S.Korea", "Russia", "troops", "North", "war", "Ukraine", "markets", "oil",
        "prices", "rise", "fall", "U.S.", "Co-belligerents", "IPO", "AI", "2024", "3.5%", "$10", "Q3", "the", "a", "of",
        "Straße", "STRASSE", "Ωmega", "ωmega", "Île", "île", "Москва", "москва", "東京", "서울", "Ελλάδα", "ΕΛΛΆΔΑ",
        "İstanbul", "ıstanbul", "ſtate", "Kelvin\u212A", "µs", "μs", "ＡＢＣ１２３", "١٢٣", "café", "cafe\u0301", "Æsir", "ǅemal",
        "x\u0301y", "ﬁle", "٣", "Ⅻ", "½", "²", "ß", "ẞ", "Dž",
    };

    private static readonly string[] Astral =
    {
        "\U0001F600", "\U0001F1FA\U0001F1F8", "\U0001D538", "\U00020000", "\U00010400", "\U00010428", "\U0001F468\u200D\U0001F469",
        "\U000E0001", "\U0010FFFF", "\U0001F3FB",
    };

    private static readonly string[] Punctuation =
    {
        ",", ".", ":", ";", "!", "?", "(", ")", "[", "]", "'", "’", "“", "”", "«", "»", "—", "–", "-", "--", "---", "…", "/", "%",
        "&", "+", "=", "|", "~", "^", "`", "@", "#", "*", "_", "<", ">",
    };

    private readonly Random _random;
    private readonly bool _loneSurrogates;

    /// <summary>A generator for <paramref name="seed"/>; lone surrogates only when the text stays in memory.</summary>
    public CorpusTextGenerator(int seed, bool loneSurrogates = false)
    {
        _random = new Random(seed);
        _loneSurrogates = loneSurrogates;
    }

    public Random Random => _random;

    /// <summary>A whole corpus file: headlines, then maybe an article, with hostile text anywhere.</summary>
    public string Document(int maxHeadlines = 8, int maxBodyLines = 8)
    {
        var builder = new StringBuilder();
        if (Chance(0.08))
        {
            builder.Append('\uFEFF');
        }

        if (Chance(0.03))
        {
            return builder.Append(Chance(0.5) ? string.Empty : Blanks()).ToString();
        }

        if (Chance(0.04))
        {
            return builder.Append(Chaos(_random.Next(1, 400))).ToString();
        }

        int headlines = _random.Next(0, maxHeadlines + 1);
        for (int i = 0; i < headlines; i++)
        {
            AppendLine(builder, HeadlineLine());
        }

        if (Chance(0.85))
        {
            AppendLine(builder, TitleLine());
            int body = _random.Next(0, maxBodyLines + 1);
            for (int i = 0; i < body; i++)
            {
                AppendLine(builder, BodyLine());
            }

            if (Chance(0.5))
            {
                AppendLine(builder, BylineLike());
            }
        }

        if (Chance(0.5))
        {
            builder.Append(Blanks());
        }

        return builder.ToString();
    }

    /// <summary>A file with <paramref name="count"/> headlines and a short article: for the lookups.</summary>
    public string HeadlineHeavyDocument(int count)
    {
        var builder = new StringBuilder(count * 48);
        for (int i = 0; i < count; i++)
        {
            AppendLine(builder, "- " + HeadlineText());
        }

        AppendLine(builder, Sentence(2, 8));
        AppendLine(builder, Sentence(4, 20));
        return builder.ToString();
    }

    /// <summary>A document as bytes, sometimes with a BOM and with invalid UTF-8 sequences spliced in.</summary>
    public byte[] DocumentBytes()
    {
        var bytes = new List<byte>();
        if (Chance(0.3))
        {
            bytes.AddRange(new byte[] { 0xEF, 0xBB, 0xBF });
        }

        byte[] valid = Encoding.UTF8.GetBytes(Document());
        int cuts = _random.Next(1, 6);
        var positions = Enumerable.Range(0, cuts).Select(_ => _random.Next(0, valid.Length + 1)).OrderBy(p => p).ToList();
        int from = 0;
        foreach (int position in positions)
        {
            bytes.AddRange(valid.Skip(from).Take(position - from));
            bytes.AddRange(InvalidUtf8());
            from = position;
        }

        bytes.AddRange(valid.Skip(from));
        return bytes.ToArray();
    }

    /// <summary>A headline's text: what a bullet line's bullet text might be (never blank).</summary>
    public string HeadlineText()
    {
        string text = Chance(0.85) ? Sentence(1, 10) : Chaos(_random.Next(1, 30));
        text = new string(text.Select(c => IsLineBreak(c) ? ' ' : c).ToArray()).Trim();
        bool bullet = text.Length > 0 && text[0] == '-' && (text.Length == 1 || char.IsWhiteSpace(text[1]));
        return text.Length == 0 || bullet ? "x" + text : text;
    }

    /// <summary>A query near <paramref name="text"/>: one code unit changed, added, removed, or the case changed.</summary>
    public string NearMiss(string text)
    {
        switch (_random.Next(7))
        {
            case 0 when text.Length > 0:
                int at = _random.Next(text.Length);
                return text.Substring(0, at) + Different(text[at]) + text.Substring(at + 1);
            case 1:
                int insert = _random.Next(text.Length + 1);
                return text.Substring(0, insert) + Atom() + text.Substring(insert);
            case 2 when text.Length > 0:
                int remove = _random.Next(text.Length);
                return text.Remove(remove, 1);
            case 3:
                return text.ToUpperInvariant();
            case 4:
                return text.ToLowerInvariant();
            case 5 when text.Length > 0:
                int flip = _random.Next(text.Length);
                char c = text[flip];
                char flipped = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
                return text.Substring(0, flip) + (flipped == c ? Different(c) : flipped) + text.Substring(flip + 1);
            default:
                return Chance(0.5) ? text + " " : " " + text;
        }
    }

    /// <summary>A random query word: a real word, a fragment, or something that is not a word at all.</summary>
    public string NonWord() => _random.Next(6) switch
    {
        0 => Pick(Words) + Pick(Words),
        1 => Half(Pick(Words)),
        2 => Pick(Punctuation),
        3 => Atom() + Atom(),
        4 => Pick(Words).ToUpperInvariant() + "s",
        _ => _random.Next(100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private string HeadlineLine() => _random.Next(20) switch
    {
        0 => "-",
        1 => "- -" + Pick(Whitespace) + "-",
        2 => Pick(Whitespace) + "-" + Pick(Whitespace) + Pick(Whitespace),
        3 => "-" + Pick(Whitespace) + HeadlineText() + Pick(Whitespace) + "-",
        4 => "-" + Pick(Whitespace) + "- " + HeadlineText(),
        5 when Chance(0.3) => string.Empty,
        5 => Blanks(),
        6 => "-" + Pick(Whitespace) + Pick(Injections) + HeadlineText(),
        _ => Indent() + "-" + Pick(Whitespace) + HeadlineText() + Indent(),
    };

    private string TitleLine() => _random.Next(12) switch
    {
        0 => "-x " + Sentence(1, 6),
        1 => "--",
        2 => "-\u00AD " + Sentence(1, 6),
        3 => Pick(Invisible) + "- " + Sentence(1, 4),
        4 => Chaos(_random.Next(1, 40)),
        5 => "A--B",
        _ => Indent() + Sentence(2, 12) + Indent(),
    };

    private string BodyLine() => _random.Next(24) switch
    {
        0 => "-",
        1 => "- -",
        2 => "-" + Pick(Whitespace) + "-",
        3 => "- " + Sentence(1, 4) + Pick(Whitespace) + "-",
        4 => "-" + Pick(Whitespace) + Pick(Whitespace) + "-" + Pick(Whitespace) + "-",
        5 => "- - -",
        6 => "- x-",
        7 => "-x -",
        8 => BylineLike(),
        9 => Blanks(),
        10 => Chaos(_random.Next(1, 80)),
        11 when Chance(0.02) => LongLine(),
        12 => "- " + Pick(Injections) + " -",
        13 => Pick(Injections) + Sentence(0, 4) + Pick(Injections),
        _ => Indent() + Sentence(3, 16) + Indent(),
    };

    private string BylineLike() => _random.Next(12) switch
    {
        0 => "--",
        1 => "A--",
        2 => "--B",
        3 => "A---B",
        4 => "A--B--C",
        5 => "P.Smith--AT" + Pick(Whitespace),
        6 => "P. Smith--AT",
        7 => Pick(Invisible) + "X--Y" + Pick(Invisible),
        8 => "\U0001F600--\U0001F601",
        9 => "-a--b",
        10 => "a\"--\"b",
        _ => Token(1, 4) + "--" + Token(1, 4),
    };

    /// <summary>Words, punctuation and the odd hostile character, joined by varied whitespace.</summary>
    private string Sentence(int minWords, int maxWords)
    {
        int count = _random.Next(minWords, maxWords + 1);
        var builder = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(Chance(0.85) ? " " : Pick(Whitespace));
            }

            builder.Append(_random.Next(14) switch
            {
                0 => Pick(Punctuation),
                1 => Pick(Invisible) + Pick(Words),
                2 => Pick(Astral),
                3 => Pick(Injections),
                4 => Pick(Words) + Pick(Punctuation),
                5 => Atom(),
                _ => Pick(Words),
            });
        }

        return builder.ToString();
    }

    /// <summary>Any characters at all, line breaks included.</summary>
    private string Chaos(int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(Chance(0.1) ? Pick(LineBreaks) : Atom());
        }

        return builder.ToString();
    }

    /// <summary>One hostile unit of text: a control, a bidi or zero-width character, an astral character, …</summary>
    private string Atom() => _random.Next(16) switch
    {
        0 => ((char)_random.Next(0, 0x20)).ToString(),
        1 => ((char)_random.Next(0x7F, 0xA0)).ToString(),
        2 => Pick(Invisible),
        3 => Pick(Whitespace),
        4 => Pick(Astral),
        5 => Pick(Injections),
        6 when _loneSurrogates => ((char)_random.Next(0xD800, 0xE000)).ToString(),
        7 => ((char)_random.Next(0xE000, 0xF900)).ToString(),
        8 => ((char)_random.Next(0x300, 0x370)).ToString(),
        9 => ((char)_random.Next(0xFFF0, 0x10000)).ToString(),
        10 => ((char)_random.Next(0x80, 0xD800)).ToString(),
        11 => Pick(Punctuation),
        12 => "-",
        _ => ((char)_random.Next(0x20, 0x7F)).ToString(),
    };

    private static IEnumerable<byte> InvalidUtf8(Random random) => random.Next(11) switch
    {
        0 => new[] { (byte)random.Next(0x80, 0xC0) },
        1 => new byte[] { 0xC0, 0x80 },
        2 => new byte[] { 0xE0, 0x80, 0x80 },
        3 => new byte[] { 0xE2, 0x82 },
        4 => new byte[] { 0xED, 0xA0, 0x80 },
        5 => new byte[] { 0xED, 0xBF, 0xBF },
        6 => new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        7 => new[] { (byte)random.Next(0xF5, 0x100) },
        8 => new byte[] { 0xEF, 0xBB, 0xBF },
        9 => new byte[] { 0xF0, 0x9F, 0x98 },
        _ => new byte[] { 0xC3 },
    };

    private IEnumerable<byte> InvalidUtf8() => InvalidUtf8(_random);

    /// <summary>A line of 20 KB to 200 KB: long enough to fill a blob, rare enough to keep the suite fast.</summary>
    private string LongLine()
    {
        int length = _random.Next(20 * 1024, 200 * 1024);
        var builder = new StringBuilder(length + 16);
        while (builder.Length < length)
        {
            builder.Append(Chance(0.01) ? Atom() : Pick(Words)).Append(' ');
        }

        return builder.ToString().Trim();
    }

    private string Token(int min, int max)
    {
        var builder = new StringBuilder();
        int count = _random.Next(min, max + 1);
        for (int i = 0; i < count; i++)
        {
            string atom = Chance(0.7) ? Pick(Words) : Atom();
            builder.Append(atom.Where(c => !char.IsWhiteSpace(c) && !IsLineBreak(c)).ToArray());
        }

        return builder.Length == 0 ? "Q" : builder.ToString();
    }

    private string Blanks()
    {
        var builder = new StringBuilder();
        int count = _random.Next(0, 4);
        for (int i = 0; i < count; i++)
        {
            builder.Append(Pick(Whitespace));
        }

        return builder.ToString();
    }

    private string Indent() => Chance(0.8) ? string.Empty : Blanks();

    private void AppendLine(StringBuilder builder, string line)
    {
        builder.Append(line);
        builder.Append(Chance(0.6) ? "\n" : Pick(LineBreaks));
        if (Chance(0.05))
        {
            builder.Append(Blanks()).Append(Pick(LineBreaks));
        }
    }

    private string Different(char c)
    {
        string replacement = Atom();
        return replacement.Length == 1 && replacement[0] == c ? ((char)(c ^ 1)).ToString() : replacement;
    }

    private static string Half(string word) => word.Substring(0, word.Length / 2);

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
