using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using CorpusGen.Indexing;
using CorpusGen.Models;

namespace CorpusGen.Emitting;

/// <summary>Models in, C# source out: the corpus class's API, its tables, its constants and its documents' blobs.</summary>
internal static class CorpusEmitter
{
    public const string ToolName = "CorpusGen";

    /// <summary>A constants file is closed once its source passes this many characters.</summary>
    private const int ConstantsFileLimit = 512 * 1024;

    private static readonly string Version =
        typeof(CorpusEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static string? s_apiTemplate;

    /// <summary>The hint name prefix of a corpus class: its namespace and name.</summary>
    public static string HintPrefix(GeneratorOptions options, string className) =>
        options.Namespace.Length == 0 ? className : options.Namespace + "." + className;

    /// <summary>The public API and run-time support of a corpus class.</summary>
    public static string EmitApi(CorpusModel model)
    {
        var target = model.Target;
        var w = new SourceWriter(64 * 1024);
        WriteFileHeader(w, target, new[]
        {
            model.Utf8 ? "CORPUSGEN_UTF8" : null,
            target.HasSpanTables ? "CORPUSGEN_SPAN_TABLES" : null,
            target.HasSpans ? "CORPUSGEN_SPANS" : null,
            target.HasAscii ? "CORPUSGEN_ASCII" : null,
        });
        w.Line(target.HasSpans ? "using CorpusText = global::System.ReadOnlySpan<char>;" : "using CorpusText = global::System.String;");
        w.Line();
        WriteClass(w, model.Options, model.ClassName, documented: true, () =>
        {
            w.Verbatim(ApplyNullable(ApiTemplate(), target.HasNullable));
            w.Line();
            w.Line("/// <summary>The corpus's headlines as constants, named after their text (see README, \"Constant names\").</summary>");
            w.Line(GeneratedCode());
            w.Line("public static partial class Headline");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The corpus's article titles as constants, named after their text (see README, \"Constant names\").</summary>");
            w.Line(GeneratedCode());
            w.Line("public static partial class Title");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The text of every document, one property per blob.</summary>");
            w.Line(GeneratedCode());
            w.Line("private static partial class Store");
            w.Line("{");
            w.Line("}");
        });
        return w.ToString();
    }

    /// <summary>The index: document tables, the headline hash table and the word index, as static data.</summary>
    public static string EmitTables(CorpusModel model)
    {
        var target = model.Target;
        var w = new SourceWriter(16 * 1024 + 8 * (model.Headlines.Entries.Count + model.Words.Entries.Count + model.WordPostings.Count));
        WriteDataFileHeader(w);
        WriteClass(w, model.Options, model.ClassName, documented: false, () =>
        {
            string blobType = model.Utf8 ? "global::System.ReadOnlySpan<byte>" : "string";
            using (w.Block($"private static {blobType} Blob(int blob)"))
            {
                if (model.BlobNames.Count == 0)
                {
                    w.Line("throw new global::System.ArgumentOutOfRangeException(\"blob\");");
                }
                else
                {
                    using (w.Block("switch (blob)"))
                    {
                        for (int b = 0; b < model.BlobNames.Count; b++)
                        {
                            w.Line($"case {b}: return Store.{model.BlobNames[b]};");
                        }

                        w.Line("default: throw new global::System.ArgumentOutOfRangeException(\"blob\");");
                    }
                }
            }

            w.Line();
            w.Line("/// <summary>The corpus's lookup tables, computed at compile time.</summary>");
            w.Line(GeneratedCode());
            using (w.Block("private static partial class Tables"))
            {
                w.Line($"internal const bool KeysInline = {(model.HeadlineKeys.Length > 0 ? "true" : "false")};");
                Constant(w, "DocumentCount", model.DocumentCount);
                Constant(w, "HeadlineCount", model.HeadlineCount);
                Constant(w, "HeadlineHashKind", model.Headlines.Kind);
                Constant(w, "HeadlineHashProbe", model.Headlines.Probe);
                Constant(w, "HeadlineHashBits", model.Headlines.Bits);
                Constant(w, "HeadlineEntryWidth", model.Headlines.Width);
                Constant(w, "WordHashBits", model.Words.Bits);
                Constant(w, "WordEntryWidth", model.Words.Width);
                Table(w, target, "DocumentHeadlineStart", model.DocumentHeadlineStart, "Index of each document's first headline in Headlines, and the headline count.");
                Table(w, target, "DocumentFirstBlob", model.DocumentFirstBlob, "Each document's first blob, and the blob count.");
                Table(w, target, "ArticleDocument", model.ArticleDocument, "The document of each article.");
                Table(w, target, "HeadlineBuckets", model.Headlines.Buckets, "Start of each bucket's rows in HeadlineEntries.");
                Table(w, target, "HeadlineEntries", model.Headlines.Entries, "Per row: headline index, length in UTF-16 code units, blob, offset, stored length.");
                Table(w, target, "WordBuckets", model.Words.Buckets, "Start of each bucket's rows in WordEntries.");
                Table(w, target, "WordEntries", model.Words.Entries, "Per row: hash fingerprint, length in UTF-16 code units, blob, offset, stored length, first posting, posting count.");
                Table(w, target, "WordPostings", model.WordPostings, "Headline indices of each word, ascending.");
            }
        });
        return w.ToString();
    }

    /// <summary>The distinct headlines as one string constant, read by the lookups (see <see cref="HeadlineKeys"/>).</summary>
    public static string EmitKeys(CorpusModel model)
    {
        var w = new SourceWriter(model.HeadlineKeys.Length + 1024);
        WriteDataFileHeader(w);
        WriteClass(w, model.Options, model.ClassName, documented: false, () =>
        {
            using (w.Block("static partial class Tables"))
            {
                w.Line("/// <summary>Every distinct headline once, in corpus order; HeadlineEntries and WordEntries point into it.</summary>");
                w.StartLine().Append("internal const string Keys =").EndLine();
                w.Builder.Append(' ', 12).Append(CSharpLiteral.Quote(model.HeadlineKeys)).Append(";\n");
            }
        });
        return w.ToString();
    }

    /// <summary>The constants of a corpus class, in files of at most about <see cref="ConstantsFileLimit"/> characters.</summary>
    public static IEnumerable<(string HintSuffix, string Source)> EmitConstants(CorpusModel model, CancellationToken cancellationToken)
    {
        foreach (var (kind, constants) in new[] { ("Headline", model.HeadlineConstants), ("Title", model.TitleConstants) })
        {
            // One file at least, even with no constant, so that the nested class always has its declaration file.
            int part = 0;
            int start = 0;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                var w = new SourceWriter(Math.Min(ConstantsFileLimit + 4096, 1024 + 256 * (constants.Count - start)));
                WriteDataFileHeader(w);
                int next = start;
                WriteClass(w, model.Options, model.ClassName, documented: false, () =>
                {
                    using (w.Block($"static partial class {kind}"))
                    {
                        for (; next < constants.Count && (next == start || w.Length < ConstantsFileLimit); next++)
                        {
                            var constant = constants[next];
                            if (next > start)
                            {
                                w.Line();
                            }

                            string where = kind == "Headline" ? "Headline " : "Title of article ";
                            w.Line("/// <summary>" + CSharpLiteral.ForDocComment(constant.Text) + "</summary>");
                            w.Line("/// <remarks>" + where + constant.Index.ToString(CultureInfo.InvariantCulture) + ", from "
                                + CSharpLiteral.ForDocComment(constant.FileName) + ".</remarks>");
                            w.StartLine().Append("public const string ").Append(constant.Name).Append(" = ");
                            w.Append(CSharpLiteral.Quote(constant.Text)).Append(';').EndLine();
                        }
                    }
                });

                yield return (kind + (part == 0 ? string.Empty : "." + part.ToString(CultureInfo.InvariantCulture)), w.ToString());
                part++;
                start = next;
            }
            while (start < constants.Count);
        }
    }

    /// <summary>The blobs of one document, one file per blob: its values behind the header that locates them.</summary>
    public static IEnumerable<(string HintSuffix, string Source)> EmitDocument(
        DocumentLayout layout, GeneratorOptions options, TargetInfo target, CancellationToken cancellationToken)
    {
        var document = layout.Document;
        var values = DocumentValues.List(document);
        string fileName = Naming.ForFile(document.FileName, document.StableKey);
        for (int blob = 0; blob < layout.BlobCount; blob++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = layout.BlobFirstValue[blob];
            int end = blob + 1 < layout.BlobCount ? layout.BlobFirstValue[blob + 1] : values.Count;
            var w = new SourceWriter(1024 + layout.BlobLength[blob] * 11 / 10);
            WriteDataFileHeader(w);
            WriteClass(w, options, document.ClassName, documented: false, () =>
            {
                using (w.Block("static partial class Store"))
                {
                    w.Line("/// <summary>" + CSharpLiteral.ForDocComment(document.StableKey)
                        + (layout.BlobCount > 1 ? $", part {blob + 1} of {layout.BlobCount}" : string.Empty) + "</summary>");
                    string name = CorpusIndexBuilder.BlobName(fileName, blob);
                    w.StartLine().Append(layout.Utf8
                        ? "internal static global::System.ReadOnlySpan<byte> " + name + " =>"
                        : "internal const string " + name + " =");
                    w.EndLine();
                    // One literal per blob, on one line: the compiler folds `"a"u8 + "b"u8` by copying, so pieces
                    // joined with '+' cost time quadratic in the blob's size.
                    var builder = w.Builder;
                    builder.Append(' ', 16).Append('"');
                    if (blob == 0)
                    {
                        CSharpLiteral.AppendEscaped(builder, layout.Header, 0, layout.Header.Length);
                    }

                    for (int v = first; v < end; v++)
                    {
                        var (source, start, length) = values[v];
                        CSharpLiteral.AppendEscaped(builder, source, start, length);
                    }

                    builder.Append(layout.Utf8 ? "\"u8;\n" : "\";\n");
                }
            });

            yield return ("Store." + fileName + (layout.BlobCount > 1 ? "." + blob.ToString(CultureInfo.InvariantCulture) : string.Empty), w.ToString());
        }
    }

    /// <summary>
    /// Data files (blobs, tables, constants) hold no reference that could be null, so they leave the nullable context
    /// off, as generated code has it by default: nullable analysis of a large initializer costs the compiler several
    /// times the rest of its work on it.
    /// </summary>
    private static void WriteDataFileHeader(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line();
    }

    private static void WriteFileHeader(SourceWriter w, TargetInfo target, IEnumerable<string?> defines)
    {
        w.Line("// <auto-generated/>");
        foreach (var define in defines)
        {
            if (define is not null)
            {
                w.Line("#define " + define);
            }
        }

        if (target.HasNullable)
        {
            w.Line("#nullable enable");
        }

        w.Line();
    }

    private static void WriteClass(SourceWriter w, GeneratorOptions options, string className, bool documented, Action body)
    {
        string modifiers = (options.IsPublic ? "public" : "internal") + " static partial class " + className;
        void Class()
        {
            if (documented)
            {
                w.Line("/// <summary>The corpus compiled into this assembly by CorpusGen: headlines, documents, articles and their lookups.</summary>");
                w.Line(GeneratedCode());
            }

            using (w.Block(modifiers))
            {
                body();
            }
        }

        if (options.Namespace.Length == 0)
        {
            Class();
        }
        else
        {
            using (w.Block("namespace " + options.Namespace))
            {
                Class();
            }
        }
    }

    private static string GeneratedCode() =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"{ToolName}\", \"{Version}\")]";

    private static void Constant(SourceWriter w, string name, int value) =>
        w.Line($"internal const int {name} = {value.ToString(CultureInfo.InvariantCulture)};");

    private static void Table(SourceWriter w, TargetInfo target, string name, EquatableArray<int> values, string summary)
    {
        w.Line();
        w.Line("/// <summary>" + summary + "</summary>");
        w.StartLine().Append(target.HasSpanTables
            ? "internal static global::System.ReadOnlySpan<int> " + name + " => new int[]"
            : "internal static readonly int[] " + name + " = new int[]");
        w.EndLine();
        w.Line("{");
        var builder = w.Builder;
        for (int i = 0; i < values.Count; i++)
        {
            if (i % 16 == 0)
            {
                builder.Append(' ', 12);
            }

            builder.Append(values[i].ToString(CultureInfo.InvariantCulture)).Append(',');
            builder.Append(i % 16 == 15 || i == values.Count - 1 ? '\n' : ' ');
        }

        w.Line("};");
    }

    private static string ApplyNullable(string template, bool nullable) =>
        template.Replace("/*?*/", nullable ? "?" : string.Empty).Replace("/*!*/", nullable ? "!" : string.Empty);

    /// <summary>The lines of Runtime/CorpusApi.cs between its BEGIN and END markers.</summary>
    private static string ApiTemplate()
    {
        if (s_apiTemplate is { } cached)
        {
            return cached;
        }

        using var stream = typeof(CorpusEmitter).Assembly.GetManifestResourceStream("CorpusGen.Runtime.CorpusApi.cs")
            ?? throw new InvalidOperationException("The run-time template is missing from the generator assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string text = reader.ReadToEnd().Replace("\r\n", "\n");
        int begin = text.IndexOf("// BEGIN\n", StringComparison.Ordinal) + "// BEGIN\n".Length;
        int end = text.IndexOf("// END", StringComparison.Ordinal);
        string members = text.Substring(begin, end - begin).TrimEnd('\n');

        // The template is indented for a class at the top level; Verbatim re-indents it.
        var lines = members.Split('\n');
        var builder = new StringBuilder(members.Length);
        foreach (var line in lines)
        {
            builder.Append(line.StartsWith("    ", StringComparison.Ordinal) ? line.Substring(4) : line).Append('\n');
        }

        s_apiTemplate = builder.ToString();
        return s_apiTemplate;
    }
}
