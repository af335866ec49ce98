using System.Globalization;

namespace CorpusGen.Emitting;

/// <summary>
/// The one place where corpus text becomes C# source: string literals and XML doc text. Data must stay data, so
/// anything that could end a literal, a comment or a line, or reorder what a reviewer sees (bidi controls,
/// CVE-2021-42574), is written as an escape.
/// </summary>
internal static class CSharpLiteral
{
    /// <summary>Appends <paramref name="text"/>[start, start+length) as the inside of a regular C# string literal.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static void AppendEscaped(NarrowBuilder builder, string text, int start, int length) =>
        AppendEscaped(builder, new StringChars(text), start, length);

    /// <summary>Appends <paramref name="text"/>[start, start+length) as the inside of a regular C# string literal.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static void AppendEscaped<T>(NarrowBuilder builder, T text, int start, int length)
        where T : struct, ICharSource
    {
        int end = start + length;
        int i = start;
        while (i < end)
        {
            // Printable ASCII and Latin-1, most of any text, is checked and copied a vector at a time.
            i += builder.AppendPlain(text.Slice(i, end - i));
            if (i == end)
            {
                break;
            }

            char c = text[i];
            if (c >= 0x80 && IsPlainPair(text, i, end, out int units))
            {
                builder.Append(text.Slice(i, units));
                i += units;
                continue;
            }

            AppendEscape(builder, c);
            i++;
        }
    }

    /// <summary>Appends a complete literal: <c>"…"</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static void AppendQuoted(NarrowBuilder builder, string text)
    {
        builder.Append('"');
        AppendEscaped(builder, text, 0, text.Length);
        builder.Append('"');
    }

    /// <summary>
    /// Text for an XML doc comment: XML-escaped, with every character that the literal would escape shown as its
    /// escape (<c>\u202E</c>), since XML cannot hold control characters and a comment must not hold line breaks.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static void AppendDocComment(NarrowBuilder builder, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    continue;
                case '<':
                    builder.Append("&lt;");
                    continue;
                case '>':
                    builder.Append("&gt;");
                    continue;
                case '"':
                case '\\':
                    builder.Append(c);
                    continue;
            }

            if (c >= 0x20 && c < 0x7F)
            {
                builder.Append(c);
            }
            else if (c >= 0x80 && IsPlainPair(new StringChars(text), i, text.Length, out int units))
            {
                builder.Append(text, i, units);
                i += units - 1;
            }
            else
            {
                AppendEscape(builder, c);
            }
        }
    }

    /// <summary>
    /// Whether the character (or surrogate pair) at <paramref name="index"/> can be written as itself: a letter,
    /// digit, punctuation or symbol. Marks, separators, controls, format characters (bidi, zero-width), private-use,
    /// unassigned code points and lone surrogates are escaped.
    /// </summary>
    private static bool IsPlainPair<T>(T text, int index, int end, out int units)
        where T : struct, ICharSource
    {
        char c = text[index];
        units = 1;
        UnicodeCategory category;
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 >= end || !char.IsLowSurrogate(text[index + 1]))
            {
                return false;
            }

            units = 2;
            category = text.PairCategory(index);
        }
        else if (char.IsLowSurrogate(c))
        {
            return false;
        }
        else
        {
            category = CharUnicodeInfo.GetUnicodeCategory(c);
        }

        switch (category)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
                return true;
            default:
                return false;
        }
    }

    private static void AppendEscape(NarrowBuilder builder, char c)
    {
        switch (c)
        {
            case '"':
                builder.Append("\\\"");
                return;
            case '\\':
                builder.Append("\\\\");
                return;
            case '\0':
                builder.Append("\\0");
                return;
            case '\t':
                builder.Append("\\t");
                return;
            case '\n':
                builder.Append("\\n");
                return;
            case '\r':
                builder.Append("\\r");
                return;
            default:
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                return;
        }
    }
}
