using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusGen.Emitting;

/// <summary>
/// The one sanitizer for names derived from corpus text and file paths: C# identifiers and hint names.
/// </summary>
internal static class Naming
{
    /// <summary>Longest identifier derived from text, in characters, before a collision suffix.</summary>
    public const int MaxIdentifierLength = 80;

    /// <summary>
    /// The identifier for a headline or title: its words (runs of letters and digits) with each word's first letter
    /// upper-cased, joined; cut after <see cref="MaxIdentifierLength"/> characters, inside a word if need be (one
    /// 200 KB word must not make a name past the 1024-byte metadata limit, CS7013); prefixed with
    /// '_' when empty or starting with a digit. Collisions are resolved by <see cref="NameTable"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static string FromText(string text)
    {
        // The thread's builder: a corpus has a name per headline, tens of thousands of them.
        var builder = s_nameBuilder ??= new StringBuilder(MaxIdentifierLength + 16);
        builder.Clear();
        int i = 0;
        while (i < text.Length && builder.Length < MaxIdentifierLength)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            bool first = true;
            for (; i < text.Length && IsWordChar(text[i]); i++)
            {
                char c = text[i];
                if (!SyntaxFacts.IsIdentifierPartCharacter(c) || builder.Length >= MaxIdentifierLength)
                {
                    continue;
                }

                builder.Append(first ? Indexing.CaseTable.Upper(c) : c);
                first = false;
            }
        }

        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    [System.ThreadStatic]
    private static StringBuilder? s_nameBuilder;

    /// <summary>The name as <see cref="NameTable.Claim"/> takes it: '_' before a keyword or anything else that is not an identifier.</summary>
    public static string ClaimableName(string name) => IsValidIdentifier(name) ? name : "_" + name;

    /// <summary>A character of a FORMAT.md word.</summary>
    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Whether <paramref name="name"/> is a valid C# identifier that is not a keyword and holds no formatting character.</summary>
    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name)
        && !HasFormattingCharacter(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;

    /// <summary>
    /// Whether <paramref name="name"/> holds a formatting character (Unicode category Cf: soft hyphen, zero-width
    /// joiner …). C# allows them in identifiers but ignores them when it compares two, so <c>News\u200D</c> would be a
    /// second part of class <c>News</c> and <c>Headline\u200B</c> would be <c>Headline</c>.
    /// </summary>
    private static bool HasFormattingCharacter(string name)
    {
        foreach (char c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a corpus class name must be, for diagnostics.</summary>
    public const string ClassNameRule =
        "use a C# identifier that is not a keyword, has no formatting character (such as a zero-width joiner), is not the name of a member of the generated class (such as 'Headline' or 'Tables'), not 'System', and does not start with 'CorpusGen_'";

    /// <summary>
    /// Names a corpus class cannot have: the members of the generated class (a member cannot be named as its class),
    /// 'System' (which would hide the namespace the generated code names) and the 'CorpusGen_' prefix of the store and
    /// index classes beside it. <c>NamingTests</c> checks the list against the members of generated classes.
    /// </summary>
    private static readonly HashSet<string> s_reservedClassNames = new(StringComparer.Ordinal)
    {
        "Article", "ArticleList", "Articles", "AsciiEqualsIgnoreCase", "Blob", "Cache", "CaseData", "CasePages", "Cells", "CharEqualsIgnoreCase", "Decode", "DirectoryEntry",
        "Document", "DocumentAt", "DocumentList", "Documents", "FindHeadline", "FindLongWord", "FindShortWord", "FindWord", "Fingerprint", "Finish",
        "Fold4", "FoldChar", "FoldedUnits", "FullHash", "FullWordHash", "HashMultiplier1", "HashMultiplier2", "HeadlineRow",
        "Headline", "HeadlineAt", "HeadlineIndices", "Headlines", "HeadlinesWithWord", "IndexOfHeadline", "InlineWord",
        "KeyEquals", "KeyEqualsIgnoreCase", "Lower8", "MaxShortWord", "MayHaveWord", "PackWord", "PlaneEquals", "Posting", "ProbeHash", "Read4", "ReadOnlyList", "Section",
        "SectionList", "ShortAsciiEquals", "System", "Tables", "TextList", "ThrowArgumentNull", "Title",
        "ShortWordHash", "Units", "Utf8EqualsIgnoreCase", "WideKeys", "Widen4", "Widen8", "WordBucket", "WordHash", "WordShard", "WordTable", "WordTableAddress",
    };

    /// <summary>Whether <paramref name="name"/> can name a corpus class (see <see cref="ClassNameRule"/>).</summary>
    public static bool IsValidClassName(string name) =>
        IsValidIdentifier(name)
        && !s_reservedClassNames.Contains(name)
        && !name.StartsWith("CorpusGen_", StringComparison.Ordinal)
        && !IsNumbered(name, "Blobs")
        && !IsNumbered(name, "BlobRun");

    /// <summary>The blob accessors of a large corpus, <paramref name="prefix"/> then a number: Blobs0, BlobRun12 …</summary>
    private static bool IsNumbered(string name, string prefix)
    {
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (int i = prefix.Length; i < name.Length; i++)
        {
            if (name[i] < '0' || name[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a dotted sequence of valid identifiers.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || HasFormattingCharacter(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A readable, file-system and identifier safe fragment of a file name (ASCII letters, digits and '_'),
    /// followed by a hash of the whole project-relative path, so that names differ even case-insensitively for
    /// same-named files in different folders.
    /// </summary>
    public static string ForFile(string fileName, string stableKey)
    {
        var builder = new StringBuilder(fileName.Length + 18);
        foreach (char c in fileName)
        {
            if (builder.Length >= 40)
            {
                break;
            }

            builder.Append(c < 0x80 && char.IsLetterOrDigit(c) ? c : '_');
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, 'F');
        }

        builder.Append('_').Append(StableHash(stableKey).ToString("x16", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and every run.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    public static ulong StableHash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    /// <summary>
    /// <summary>Whether <paramref name="name"/> reads as a name with a collision suffix: something, '_', digits.</summary>
    public static bool IsSuffixedForm(string name)
    {
        int underscore = name.LastIndexOf('_');
        if (underscore <= 0 || underscore == name.Length - 1)
        {
            return false;
        }

        for (int i = underscore + 1; i < name.Length; i++)
        {
            if (name[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Hands out unique identifiers: the first claim of a name gets the name, the next <c>name_2</c>, <c>name_3</c>…;
    /// a reserved name's first claim gets <c>name_2</c>. It counts the claims of each name rather than probing
    /// candidates, which gives the same names because no name asked for is in a suffixed form
    /// (<see cref="IsSuffixedForm"/>): <see cref="FromText"/> puts '_' only at the start, so no name is another's
    /// suffixed form and the suffixed forms of two names never meet. Counting also lets a claim be taken back (<see cref="Release"/>),
    /// which the plan does when it recomputes one edited file's constants instead of the corpus's.
    /// </summary>
    public sealed class NameTable
    {
        private readonly Indexing.StringCounts _claims = new();
        private readonly Indexing.StringCounts _reserved = new();

        public NameTable(IEnumerable<string> reserved)
        {
            foreach (string name in reserved)
            {
                _reserved.Add(name);
            }
        }

        /// <summary>Forgets every claim, keeping the memory.</summary>
        public void Reset() => _claims.Clear();

        /// <summary>Makes room for claims of <paramref name="count"/> names.</summary>
        public void Reserve(int count) => _claims.Reserve(count);

        /// <summary>
        /// Claims <paramref name="name"/>, made by <see cref="ClaimableName"/>, and returns the identifier it gets;
        /// <paramref name="hash"/> is the name's <see cref="Indexing.StringCounts.HashOf"/>.
        /// </summary>
        public string Claim(string name, int hash)
        {
            System.Diagnostics.Debug.Assert(!IsSuffixedForm(name), "A claimed name is never another name's suffixed form.");
            int suffix = _claims.Add(name, hash) + (_reserved.CountOf(name, hash) > 0 ? 1 : 0);
            return suffix == 1 ? name : name + "_" + suffix.ToString(CultureInfo.InvariantCulture);
        }

        public string Claim(string name) => Claim(name, Indexing.StringCounts.HashOf(name));

        /// <summary>Takes back one claim of <paramref name="name"/>; false when it has none.</summary>
        public bool Release(string name, int hash) => _claims.Remove(name, hash) >= 0;

        /// <summary>How many claims of <paramref name="name"/> are held.</summary>
        public int ClaimsOf(string name, int hash) => _claims.CountOf(name, hash);
    }
}
