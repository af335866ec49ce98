using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using CorpusGen.Indexing;
using CorpusGen.Models;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Emitting;

/// <summary>Models in, C# source out: the corpus class's API, its tables, its constants and its documents' blobs.</summary>
internal static class CorpusEmitter
{
    public const string ToolName = "CorpusGen";

    /// <summary>A constants file is closed once its source passes this many characters.</summary>
    private const int ConstantsFileLimit = 1_000_000;

    /// <summary>log2 of <see cref="BlobSwitchRun"/>.</summary>
    private const int BlobSwitchRunBits = 6;

    /// <summary>Blobs per inner <c>switch</c> of a blob accessor (see <see cref="BlobAccessor"/>).</summary>
    private const int BlobSwitchRun = 1 << BlobSwitchRunBits;

    private static readonly string Version =
        typeof(CorpusEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The run-time template's two sections, read once: the corpus class's members and the index class's.</summary>
    private static TemplateSections? s_templates;

    /// <summary>The hint name prefix of a corpus class: its namespace and name.</summary>
    public static string HintPrefix(GeneratorOptions options, string className) =>
        options.Namespace.Length == 0 ? className : options.Namespace + "." + className;

    /// <summary>The public API and run-time support of a corpus class.</summary>
    public static SourceText EmitApi(CoreModel model)
    {
        var info = model.Class;
        var target = info.Target;
        var w = new SourceWriter(64 * 1024);
        WriteFileHeader(w, target, new[]
        {
            info.Utf8 ? "CORPUSGEN_UTF8" : null,
            info.Utf8 && info.WideHeadlineKeys ? "CORPUSGEN_WIDE_HEADLINE_KEYS" : null,
            target.HasSpanTables ? "CORPUSGEN_SPAN_TABLES" : null,
            target.HasSpans ? "CORPUSGEN_SPANS" : null,
            target.HasAscii ? "CORPUSGEN_ASCII" : null,
            model.HeadlineShardBits != 0 ? "CORPUSGEN_HEADLINE_SHARDS" : null,
            model.HeadlineFingerprints ? "CORPUSGEN_HEADLINE_FINGERPRINTS" : null,
            model.WordShardBits != 0 ? "CORPUSGEN_WORD_SHARDS" : null,
            WordFilterBuilder.Applies(info) ? "CORPUSGEN_WORD_FILTER" : null,
        });
        WriteClass(w, info.Options, info.ClassName, documented: true, () =>
        {
            w.Verbatim(Qualify(ApplyNullable(ApiTemplate(), target.HasNullable), info));
            w.Line();
            if (info.Options.Constants)
            {
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
            }

            CaseTableConstants(w);
        });
        w.Line();
        WriteStoreClass(w, info.Options, info.ClassName, () =>
        {
            w.Line("// Declared by each document's blob files.");
        }, declaration: true);
        w.Line();
        WriteIndexClass(w, info.Options, info.ClassName, () =>
        {
            w.Verbatim(ApplyNullable(IndexTemplate(), target.HasNullable));
        }, declaration: true);
        return w.ToSourceText();
    }

    /// <summary>
    /// The type that holds the lookup index of a corpus class: its shards' tables and keys and the shard directories.
    /// A top-level type for the reason the blobs' is (<see cref="StoreClassName"/>): a 256 MB corpus has about a
    /// hundred shard files, each of which would otherwise be one more partial declaration of the corpus class, whose
    /// every constant then costs the compiler more.
    /// </summary>
    internal static string IndexClassName(string className) => "CorpusGen_" + className + "_Index";

    private static void WriteIndexClass(SourceWriter w, GeneratorOptions options, string className, Action body, bool declaration = false) =>
        WriteSideClass(w, options, IndexClassName(className), body, declaration
            ? $"The lookup index of <see cref=\"{className}\"/>, computed at compile time (headline and word hash tables, in shards)"
            : null);

    /// <summary>
    /// The type that holds the blobs of a corpus class: a top-level type of its own, not a nested class of the corpus
    /// class, because the compiler's cost of declaring a member grows with the number of partial declarations of its
    /// containing types (<c>MergedTypeDeclaration.NameLocations</c> lists them all, for each member the analyzers ask
    /// about). With one blob file per document, a 256 MB corpus made the corpus class 2,000 declarations larger.
    /// </summary>
    /// <remarks>
    /// Past <see cref="DocumentGroup.GroupsPerStore"/> groups of files the blobs go on in <c>CorpusGen_&lt;Class&gt;_Store1</c>
    /// and so on (<paramref name="part"/>): a type holds at most about 65,500 methods.
    /// </remarks>
    internal static string StoreClassName(string className, int part = 0) =>
        "CorpusGen_" + className + "_Store" + (part == 0 ? string.Empty : part.ToString(CultureInfo.InvariantCulture));

    private static void WriteStoreClass(SourceWriter w, GeneratorOptions options, string className, Action body, bool declaration = false, int part = 0) =>
        WriteSideClass(w, options, StoreClassName(className, part), body, declaration
            ? part == 0
                ? $"The text of every document of <see cref=\"{className}\"/>, one property per blob"
                : $"The text of documents of <see cref=\"{className}\"/> past the first {(part * DocumentGroup.Size * DocumentGroup.GroupsPerStore).ToString("N0", CultureInfo.InvariantCulture)}, one property per blob"
            : null);

    /// <summary>
    /// A part of one of the internal types beside a corpus class (its store or its index), in the corpus's namespace.
    /// The part with a <paramref name="summary"/> is the declaration, with the type's documentation and attributes.
    /// </summary>
    private static void WriteSideClass(SourceWriter w, GeneratorOptions options, string typeName, Action body, string? summary)
    {
        void Class()
        {
            if (summary is not null)
            {
                w.Line("/// <summary>" + summary + ": an implementation detail of CorpusGen.</summary>");
                w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                w.Line(GeneratedCode());
            }

            using (w.Block("internal static partial class " + typeName))
            {
                body();
            }
        }

        InNamespace(w, options, Class);
    }

    /// <summary>The shared tables: counts, document tables, the blob accessor and the shard directories.</summary>
    public static SourceText EmitTables(CoreModel model)
    {
        var info = model.Class;
        var target = info.Target;
        var w = new SourceWriter(16 * 1024 + 8 * (model.DocumentHeadlineStart.Count * 2 + model.ArticleDocument.Count) + 48 * model.BlobNames.Count);
        WriteDataFileHeader(w, target);
        WriteClass(w, info.Options, info.ClassName, documented: false, () =>
        {
            string blobType = info.Utf8 ? "global::System.ReadOnlySpan<byte>" : "string";
            string accessor = $"private static {blobType} Blob(int blob)";
            if (model.BlobCount == 0)
            {
                using (w.Block(accessor))
                {
                    w.Line("throw new global::System.ArgumentOutOfRangeException(\"blob\");");
                }
            }
            else if (model.BlobChunkBits == 0)
            {
                BlobAccessor(w, accessor, blobType, 0, model.BlobNames);
            }
            else
            {
                // Too many blobs for one file: one accessor per run of 2^BlobChunkBits, each in its own file.
                using (w.Block(accessor))
                using (w.Block($"switch (blob >> {model.BlobChunkBits})"))
                {
                    int chunks = (model.BlobCount + (1 << model.BlobChunkBits) - 1) >> model.BlobChunkBits;
                    for (int c = 0; c < chunks; c++)
                    {
                        w.Line($"case {c}: return Blobs{c}(blob);");
                    }

                    w.Line("default: throw new global::System.ArgumentOutOfRangeException(\"blob\");");
                }
            }

            w.Line();
            w.Line("/// <summary>The corpus's shared tables, computed at compile time.</summary>");
            w.Line(GeneratedCode());
            using (w.Block("private static partial class Tables"))
            {
                Constant(w, "DocumentCount", model.DocumentCount);
                Constant(w, "HeadlineCount", model.HeadlineCount);
                Constant(w, "HeadlineShardBits", model.HeadlineShardBits);
                Constant(w, "WordShardBits", model.WordShardBits);
                Constant(w, "HeadlineSlotBits", model.HeadlineSlotBits);
                Table(w, target, "DocumentHeadlineStart", model.DocumentHeadlineStart, "Index of each document's first headline in Headlines, and the headline count.");
                Table(w, target, "DocumentFirstBlob", model.DocumentFirstBlob, "Each document's first blob, and the blob count.");
                Table(w, target, "ArticleDocument", model.ArticleDocument, "The document of each article.");
            }
        });

        // With one shard the lookups read shard 0's data directly (see CORPUSGEN_HEADLINE_SHARDS in the API).
        if (model.HeadlineShardBits != 0 || model.WordShardBits != 0)
        {
            w.Line();
            WriteIndexClass(w, info.Options, info.ClassName, () =>
            {
                if (model.HeadlineShardBits != 0)
                {
                    ShardDirectory(w, info, "Headline", 1 << model.HeadlineShardBits, postings: false);
                }

                if (model.HeadlineShardBits != 0 && model.WordShardBits != 0)
                {
                    w.Line();
                }

                if (model.WordShardBits != 0)
                {
                    ShardDirectory(w, info, "Word", 1 << model.WordShardBits, postings: true);
                }
            });
        }

        return w.ToSourceText();
    }

    /// <summary>One shard of the headline or word index, as static data (see <see cref="ShardBuilder"/>).</summary>
    public static SourceText EmitShard(ShardModel model, bool words)
    {
        var info = model.Class;
        var target = info.Target;
        string kind = words ? "Words" : "Headlines";
        string name = kind + model.Shard.ToString(CultureInfo.InvariantCulture);
        // Sized for what it will hold, so that its text keeps the writer's buffer: the tables exactly, the keys as their
        // characters, their padding and up to one escape in 32.
        // The tables' lines are indented inside the index class, its member and the namespace if there is one.
        int indent = 4 * ((info.Options.Namespace.Length == 0 ? 1 : 2) + 1);
        int tables = target.HasSpanTables
            ? PackedTableSize(model.Table, indent) + (words ? PackedTableSize(model.Postings, indent) : 0)
            : IntArraySize(model.Table, indent + 4) + (words ? IntArraySize(model.Postings, indent + 4) : 0);
        bool utf8 = info.Utf8;
        bool wide = utf8 && info.WideHeadlineKeys && !words;
        int keys = model.Keys.Length + (utf8 ? StaticDataSize.Utf8Padding(model.KeysStored) : 0) + (model.Keys.Length / 32)
            + (wide ? 128 + model.WideKeys.Length + (model.WideKeys.Length / 32) : 0);
        var w = new SourceWriter(2048 + tables + keys, sized: true);
        WriteDataFileHeader(w, target);
        WriteIndexClass(w, info.Options, info.ClassName, () =>
        {
            string count = model.Count.ToString("N0", CultureInfo.InvariantCulture);
            string shard = model.Shard.ToString(CultureInfo.InvariantCulture);
            string prefix = words ? "Word" : "Headline";
            string what = words ? "word" : "headline";
            string tableDoc = $"/// <summary>Shard {shard} of the {what} index: {count} {(words ? "distinct words" : "distinct headlines")}.</summary>";
            string keysDoc = $"/// <summary>The {what}s of shard {shard}, one after another.</summary>";
            string postingsDoc = $"/// <summary>The headline indices of each word of shard {shard}, ascending per word.</summary>";
            if (target.HasSpanTables)
            {
                w.Line(tableDoc);
                PackedTable(w, $"{prefix}Table{shard}", model.Table);
                if (words)
                {
                    w.Line();
                    w.Line(postingsDoc);
                    PackedTable(w, $"WordPostings{shard}", model.Postings);
                }
            }
            else
            {
                // No spans over static data: arrays, filled by the nested class's static constructor on first use.
                w.Line(tableDoc);
                w.Line($"internal static int[] {prefix}Table{shard} {{ get {{ return {name}Data.Table; }} }}");
                if (words)
                {
                    w.Line();
                    w.Line(postingsDoc);
                    w.Line($"internal static int[] WordPostings{shard} {{ get {{ return {name}Data.Postings; }} }}");
                }

                w.Line();
                using (w.Block($"private static class {name}Data"))
                {
                    IntArray(w, "internal static readonly int[] Table = ", model.Table, ";", padded: true);
                    if (words)
                    {
                        IntArray(w, "internal static readonly int[] Postings = ", model.Postings, ";", padded: true);
                    }
                }
            }

            if (words && model.Shard == 0)
            {
                // Read by the lookups of an index of one shard instead of table[0], which they would wait on.
                w.Line();
                w.Line("/// <summary>The first cell of shard 0's table: its bucket bits, negated when it hashes every code unit.</summary>");
                w.Line($"internal const int WordTable0Header = {model.Table[0].ToString(CultureInfo.InvariantCulture)};");
            }

            w.Line();
            w.Line(keysDoc);
            KeysLiteral(w, utf8, utf8 ? $"internal static global::System.ReadOnlySpan<byte> {prefix}Keys{shard} => " : $"internal const string {prefix}Keys{shard} = ", model.Keys, model.KeysStored);
            if (wide)
            {
                w.Line();
                w.Line($"/// <summary>The headlines of shard {shard} that are not ASCII, one after another.</summary>");
                KeysLiteral(w, utf8: false, $"internal const string HeadlineWideKeys{shard} = ", model.WideKeys, model.WideKeys.Length);
            }
        });
        return w.ToSourceText();
    }

    /// <summary>The word filter of a corpus class (see <see cref="WordFilterBuilder"/>), as static data.</summary>
    public static SourceText EmitWordFilter(WordFilterModel model)
    {
        var info = model.Class;
        int indent = 4 * ((info.Options.Namespace.Length == 0 ? 1 : 2) + 1);
        // Sized to the cells as written, with an indent per line of 8.
        int cellsSize = indent * ((model.Words.Count / 8) + 1);
        foreach (ulong cell in model.Words)
        {
            cellsSize += ULongCellSize(cell);
        }

        var w = new SourceWriter(2048 + cellsSize, sized: true);
        WriteDataFileHeader(w, info.Target);
        WriteIndexClass(w, info.Options, info.ClassName, () =>
        {
            string bits = (1 << model.Bits).ToString("N0", CultureInfo.InvariantCulture);
            string count = model.Count.ToString("N0", CultureInfo.InvariantCulture);
            w.Line("/// <summary>How far right a word's probe hash is shifted for its bit in <see cref=\"WordFilter\"/>: 64 minus the log2 of its size.</summary>");
            w.Line($"internal const int WordFilterShift = {(64 - model.Bits).ToString(CultureInfo.InvariantCulture)};");
            w.Line();
            string words = model.Count == 1 ? "word" : "words";
            w.Line($"/// <summary>The word filter: {bits} bits, one per range of word probe hashes, set for the ranges of the index's {count} {words}.</summary>");
            w.StartLine().Append("internal static global::System.ReadOnlySpan<ulong> WordFilter() => new ulong[]").EndLine();
            w.Line("{");
            for (int i = 0; i < model.Words.Count; i++)
            {
                ULongCell(w, model.Words[i], i, model.Words.Count);
            }

            w.Line("};");
        });
        return w.ToSourceText();
    }

    /// <summary>The blob accessor for one run of blobs, when there are too many for the tables file.</summary>
    public static SourceText EmitBlobChunk(BlobChunkModel model)
    {
        var info = model.Class;
        var w = new SourceWriter(1024 + 64 * model.BlobNames.Count);
        WriteDataFileHeader(w, info.Target);
        WriteClass(w, info.Options, info.ClassName, documented: false, () =>
        {
            string blobType = info.Utf8 ? "global::System.ReadOnlySpan<byte>" : "string";
            BlobAccessor(w, $"private static {blobType} Blobs{model.Chunk.ToString(CultureInfo.InvariantCulture)}(int blob)", blobType, model.FirstBlob, model.BlobNames);
        });
        return w.ToSourceText();
    }

    /// <summary>
    /// A blob accessor, <paramref name="signature"/>: <c>switch (blob)</c> over blobs <paramref name="firstBlob"/>
    /// onwards, each named with its store class (<see cref="CorpusPlanBuilder.BlobName"/>). Past <see cref="BlobSwitchRun"/> blobs it switches on <c>blob &gt;&gt; 6</c> to one method per run of
    /// blobs (<c>BlobRun0</c> …), each a <c>switch</c> over its run. Runs, because the compiler's work on one
    /// <c>switch</c> grows faster than its number of cases (2,000 cases cost 1.5 s more than these small switches,
    /// docs/scale.md), and on many small ones it grows with their total. Methods, because a first read of text
    /// JIT-compiles the accessor on its way: with every run inside it, the 1,000 blobs of a 50,000-headline corpus made
    /// one method of 10 KB of IL and 42 KB of code, about 5 ms of the first read; now it compiles the outer switch and
    /// one run.
    /// </summary>
    private static void BlobAccessor(SourceWriter w, string signature, string blobType, int firstBlob, IReadOnlyList<string> names)
    {
        const string Throw = "throw new global::System.ArgumentOutOfRangeException(\"blob\");";

        // switch (blob) over names[from..to), with a default that throws.
        void Cases(int from, int to)
        {
            using (w.Block("switch (blob)"))
            {
                for (int b = from; b < to; b++)
                {
                    w.Line($"case {firstBlob + b}: return {names[b]};");
                }

                w.Line("default: " + Throw);
            }
        }

        using (w.Block(signature))
        {
            if (names.Count <= BlobSwitchRun)
            {
                Cases(0, names.Count);
                return;
            }

            // firstBlob is 0 or a multiple of the chunk size, so the runs start at multiples of BlobSwitchRun.
            using (w.Block($"switch (blob >> {BlobSwitchRunBits})"))
            {
                for (int run = 0; run < names.Count; run += BlobSwitchRun)
                {
                    int number = (firstBlob + run) >> BlobSwitchRunBits;
                    w.Line($"case {number}: return BlobRun{number}(blob);");
                }

                w.Line("default: " + Throw);
            }
        }

        for (int run = 0; run < names.Count; run += BlobSwitchRun)
        {
            w.Line();
            using (w.Block($"private static {blobType} BlobRun{(firstBlob + run) >> BlobSwitchRunBits}(int blob)"))
            {
                Cases(run, Math.Min(names.Count, run + BlobSwitchRun));
            }
        }
    }

    /// <summary>The constants of a group of documents, in files of at most about <see cref="ConstantsFileLimit"/> characters.</summary>
    public static IEnumerable<(string HintSuffix, SourceText Source)> EmitConstants(ConstantsGroupModel model, CancellationToken cancellationToken)
    {
        var info = model.Class;
        var all = new List<(string Kind, ConstantModel Constant)>();
        foreach (var document in model.Documents)
        {
            foreach (var constant in document.Headlines)
            {
                all.Add(("Headline", constant));
            }
        }

        foreach (var document in model.Documents)
        {
            foreach (var constant in document.Titles)
            {
                all.Add(("Title", constant));
            }
        }

        int part = 0;
        int start = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (size, end) = ConstantsSize(all, start, info.Options);
            var w = new SourceWriter(size, sized: true);
            WriteDataFileHeader(w, info.Target);
            int next = start;
            WriteClass(w, info.Options, info.ClassName, documented: false, () =>
            {
                while (next < end)
                {
                    string kind = all[next].Kind;
                    if (next > start)
                    {
                        w.Line();
                    }

                    using (w.Block($"static partial class {kind}"))
                    {
                        for (int first = next; next < end && all[next].Kind == kind; next++)
                        {
                            var constant = all[next].Constant;
                            if (next > first)
                            {
                                w.Line();
                            }

                            string where = Where(kind);
                            var builder = w.StartLine().Append("/// <summary>").Builder;
                            CSharpLiteral.AppendDocComment(builder, constant.Text);
                            w.Append("</summary>").EndLine();
                            w.StartLine().Append("/// <remarks>").Append(where).Append(constant.Index).Append(", from ");
                            CSharpLiteral.AppendDocComment(builder, constant.FileName);
                            w.Append(".</remarks>").EndLine();
                            w.StartLine().Append("public const string ").Append(constant.Name).Append(" = ");
                            CSharpLiteral.AppendQuoted(builder, constant.Text);
                            w.Append(';').EndLine();
                        }
                    }
                }
            });

            yield return ("Constants." + model.Group.ToString(CultureInfo.InvariantCulture) + (part == 0 ? string.Empty : "." + part.ToString(CultureInfo.InvariantCulture)), w.ToSourceText());
            part++;
            start = next;
        }
        while (start < all.Count);
    }

    /// <summary>How a constant's remarks start: what it is, before its number.</summary>
    private static string Where(string kind) => kind == "Headline" ? "Headline " : "Title of article ";

    /// <summary>
    /// Where the constants file that starts at <paramref name="start"/> ends (the constants up to about
    /// <see cref="ConstantsFileLimit"/> characters, at least one) and its size in characters as the loop above writes it,
    /// allowing for up to one escape in 32 characters of text: so that its text can keep the writer's buffer.
    /// </summary>
    private static (int Size, int End) ConstantsSize(List<(string Kind, ConstantModel Constant)> all, int start, GeneratorOptions options)
    {
        // Per constant: three lines at the member indent (summary, remarks, declaration) and a blank line.
        int indent = options.Namespace.Length == 0 ? 8 : 12;
        long size = 1024 + (2 * options.Namespace.Length);
        int next = start;
        for (; next < all.Count && (next == start || size < ConstantsFileLimit); next++)
        {
            var constant = all[next].Constant;
            size += (3 * indent) + 84 + Where(all[next].Kind).Length + NarrowBuilder.DecimalDigits(constant.Index) + (2 * constant.Text.Length) + (constant.Text.Length / 16) + constant.Name.Length + constant.FileName.Length;
        }

        return ((int)Math.Min(size, int.MaxValue / 2), next);
    }

    /// <summary>What <see cref="EmitDocuments"/> is writing, for the error its caller reports if it fails.</summary>
    internal sealed class Progress
    {
        public DocumentModel? Document { get; set; }
    }

    // A source of blobs closes before a blob that would take it past this many characters (a blob alone may: 192 KiB).
    private const int StorePartLimit = 1_000_000;

    /// <summary>
    /// One literal of a group's store: blob <see cref="Blob"/> of document <see cref="Document"/>, or, when
    /// <see cref="Documents"/> is more than 1, the one blob each of that many consecutive documents, one after another
    /// (a pack, <see cref="BlobPacking"/>); <see cref="Size"/> is what it takes in its source.
    /// </summary>
    private readonly record struct StoreLiteral(int Document, int Blob, int Documents, int Size);

    /// <summary>The literals of a group's store, in order, with the source each takes (<see cref="BlobPacking"/>).</summary>
    private static List<StoreLiteral> StoreLiterals(DocumentGroup group)
    {
        var joins = BlobPacking.JoinsPrevious(group.Layouts);
        var literals = new List<StoreLiteral>();
        long packChars = 0;
        int packBytes = 0;
        for (int d = 0; d < group.Layouts.Count; d++)
        {
            var layout = group.Layouts[d];
            var ranges = DocumentValues.Ranges(layout.Document);
            if (!joins[d])
            {
                for (int blob = 0; blob < layout.BlobCount; blob++)
                {
                    literals.Add(new StoreLiteral(d, blob, 1, BlobSourceSize(layout, blob, ranges)));
                }

                // In case the next document joins: the pack's declaration, then this document's text and slice.
                packChars = 512 + SliceSourceSize(layout) + BlobTextChars(layout, 0, ranges);
                packBytes = layout.BlobLength[0];
                continue;
            }

            packChars += SliceSourceSize(layout) + BlobTextChars(layout, 0, ranges);
            packBytes += layout.BlobLength[0];
            var pack = literals[literals.Count - 1];
            literals[literals.Count - 1] = pack with
            {
                Documents = pack.Documents + 1,
                Size = (int)Math.Min(packChars + (packChars / 32) + StaticDataSize.Utf8Padding(packBytes), int.MaxValue / 2),
            };
        }

        return literals;
    }

    /// <summary>
    /// The blobs of a group of documents, each a property: the document's values behind the header that locates them,
    /// in a literal of its own or in a slice of one shared with the group's other small documents (<see cref="BlobPacking"/>).
    /// Consecutive literals share a source up to <see cref="StorePartLimit"/>.
    /// </summary>
    public static IEnumerable<(string HintSuffix, SourceText Source)> EmitDocuments(
        DocumentGroup group, GeneratorOptions options, TargetInfo target, Progress progress, CancellationToken cancellationToken)
    {
        // The sources first, as runs of literals with their sizes, so that each writer is sized for its source.
        var literals = StoreLiterals(group);
        var parts = new List<(int First, int Count, int Size)>();
        int partBase = 512 + (2 * options.Namespace.Length) + group.ClassName.Length;
        foreach (var literal in literals)
        {
            if (parts.Count == 0 || parts[parts.Count - 1].Size + literal.Size > StorePartLimit)
            {
                parts.Add((parts.Count == 0 ? 0 : parts[parts.Count - 1].First + parts[parts.Count - 1].Count, 0, partBase));
            }

            var last = parts[parts.Count - 1];
            parts[parts.Count - 1] = (last.First, last.Count + 1, last.Size + literal.Size);
        }

        // The text of the document being written, in the thread's buffer: between the yields the caller only adds each
        // source, so nothing refills it.
        DocumentModel? filled = null;
        List<(int Start, int Length)>? values = null;
        char[]? chars = null;
        (List<(int Start, int Length)> Values, ArrayChars Text) TextOf(DocumentModel document)
        {
            progress.Document = document;
            if (!ReferenceEquals(filled, document))
            {
                values = DocumentValues.List(document, out chars);
                filled = document;
            }

            return (values!, new ArrayChars(chars!));
        }

        string hint = "Store." + group.Index.ToString(CultureInfo.InvariantCulture);
        for (int p = 0; p < parts.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (first, count, size) = parts[p];
            var w = new SourceWriter(size, sized: true);
            WriteDataFileHeader(w, target);
            bool declaration = group.DeclaresStorePart && p == 0;
            WriteStoreClass(w, options, group.ClassName, () =>
            {
                for (int l = first; l < first + count; l++)
                {
                    if (l > first)
                    {
                        w.Line();
                    }

                    var literal = literals[l];
                    if (literal.Documents == 1)
                    {
                        var layout = group.Layouts[literal.Document];
                        var (blobValues, text) = TextOf(layout.Document);
                        WriteBlob(w, layout, literal.Blob, blobValues, text);
                    }
                    else
                    {
                        WritePack(w, group, literal.Document, literal.Documents, TextOf);
                    }
                }
            }, declaration, group.StorePart);

            yield return (parts.Count == 1 ? hint : hint + "." + p.ToString(CultureInfo.InvariantCulture), w.ToSourceText());
        }
    }

    /// <summary>What one blob's property takes in its source, in characters (escapes beyond one in 32 aside).</summary>
    private static int BlobSourceSize(DocumentLayout layout, int blob, List<(int Start, int Length)> ranges)
    {
        // The literal holds the blob's values as UTF-16 code units (a UTF-8 blob's bytes are more than its characters
        // for any text beyond ASCII), plus up to one escape in 32 and the padding.
        long chars = BlobTextChars(layout, blob, ranges);
        int length = layout.BlobLength[blob];
        return (int)Math.Min(256 + (2 * layout.Document.StableKey.Length) + chars + (chars / 32) + (layout.Utf8 ? StaticDataSize.Utf8Padding(length) : 0), int.MaxValue / 2);
    }

    /// <summary>The UTF-16 code units of one blob's text, before escapes: its piece of the header (in the first blobs) and its values.</summary>
    private static long BlobTextChars(DocumentLayout layout, int blob, List<(int Start, int Length)> ranges)
    {
        long chars = layout.HeaderPiece(blob).Length;
        for (int v = layout.BlobFirstValue[blob]; v < layout.BlobEndValue(blob); v++)
        {
            chars += ranges[v].Length;
        }

        return chars;
    }

    /// <summary>What a packed document adds to its pack's source beside its text: its name in the pack's summary and its slice property.</summary>
    private static int SliceSourceSize(DocumentLayout layout) => 192 + (2 * Math.Min(layout.Document.FileName.Length, 40)) + (3 * layout.Document.StableKey.Length);

    /// <summary>
    /// One blob as a property (a constant for UTF-16 blobs) holding one literal; <paramref name="values"/> and
    /// <paramref name="text"/> are the document's, as <see cref="DocumentValues.List"/> gives them.
    /// </summary>
    private static void WriteBlob(SourceWriter w, DocumentLayout layout, int blob, List<(int Start, int Length)> values, ArrayChars text)
    {
        var document = layout.Document;
        w.StartLine().Append("/// <summary>");
        CSharpLiteral.AppendDocComment(w.Builder, document.StableKey);
        w.Append(layout.BlobCount > 1 ? $", part {blob + 1} of {layout.BlobCount}" : string.Empty).Append("</summary>").EndLine();
        string name = BlobPropertyName(document, blob);
        w.StartLine().Append(layout.Utf8
            ? "internal static global::System.ReadOnlySpan<byte> " + name + " =>"
            : "internal const string " + name + " =");
        w.EndLine();

        // One literal per blob, on one line: the compiler folds `"a"u8 + "b"u8` by copying, so pieces joined with
        // '+' cost time quadratic in the blob's size.
        var builder = w.Builder;
        builder.Append(' ', w.Indent + 4).Append('"');
        AppendBlobText(builder, layout, blob, values, text);
        if (layout.Utf8)
        {
            // Past the blob's last value (the header records where that ends): see StaticDataSize.
            builder.Append(' ', StaticDataSize.Utf8Padding(layout.BlobLength[blob]));
        }

        builder.Append(layout.Utf8 ? "\"u8;\n" : "\";\n");
    }

    /// <summary>
    /// A pack (<see cref="BlobPacking"/>): the one blob each of documents [<paramref name="first"/>, first + count) in one
    /// literal, the first document's property, which reads its own header and values at the start and ignores the rest
    /// as it ignores padding; each other document's property is a slice of it from its own header on. So a pack adds no
    /// member to the store class, which, like any type, can hold at most about 65,500 methods. <paramref name="textOf"/>
    /// gives a document's values and text (<see cref="DocumentValues.List"/>).
    /// </summary>
    private static void WritePack(
        SourceWriter w,
        DocumentGroup group,
        int first,
        int count,
        Func<DocumentModel, (List<(int Start, int Length)> Values, ArrayChars Text)> textOf)
    {
        var firstDocument = group.Layouts[first].Document;
        string pack = BlobPropertyName(firstDocument, 0);
        w.StartLine().Append("/// <summary>");
        CSharpLiteral.AppendDocComment(w.Builder, firstDocument.StableKey);
        w.Append(", then the blobs of ");
        for (int d = first + 1; d < first + count; d++)
        {
            CSharpLiteral.AppendDocComment(w.Builder, group.Layouts[d].Document.StableKey);
            w.Append(d == first + count - 1 ? string.Empty : d == first + count - 2 ? " and " : ", ");
        }

        w.Append(", which slice it</summary>").EndLine();
        w.Line("internal static global::System.ReadOnlySpan<byte> " + pack + " =>");
        var builder = w.Builder;
        builder.Append(' ', w.Indent + 4).Append('"');
        int bytes = 0;
        for (int d = first; d < first + count; d++)
        {
            var layout = group.Layouts[d];
            var (values, chars) = textOf(layout.Document);
            AppendBlobText(builder, layout, 0, values, chars);
            bytes += layout.BlobLength[0];
        }

        builder.Append(' ', StaticDataSize.Utf8Padding(bytes));
        builder.Append("\"u8;\n");

        int offset = group.Layouts[first].BlobLength[0];
        for (int d = first + 1; d < first + count; d++)
        {
            var document = group.Layouts[d].Document;
            int length = group.Layouts[d].BlobLength[0];
            w.Line();
            w.StartLine().Append("/// <summary>");
            CSharpLiteral.AppendDocComment(w.Builder, document.StableKey);
            w.Append("</summary>").EndLine();
            w.Line(FormattableString.Invariant($"internal static global::System.ReadOnlySpan<byte> {BlobPropertyName(document, 0)} => {pack}.Slice({offset}, {length});"));
            offset += length;
        }
    }

    /// <summary>The property of a document's blob, as its summary names it (<see cref="DocumentSummary.BlobNames"/>).</summary>
    private static string BlobPropertyName(DocumentModel document, int blob) =>
        CorpusPlanBuilder.BlobName(Naming.ForFile(document.FileName, document.StableKey), blob);

    /// <summary>The escaped text of one blob: its piece of the header (in a document's first blobs), then its values.</summary>
    private static void AppendBlobText(NarrowBuilder builder, DocumentLayout layout, int blob, List<(int Start, int Length)> values, ArrayChars text)
    {
        var (headerStart, headerLength) = layout.HeaderPiece(blob);
        CSharpLiteral.AppendEscaped(builder, layout.Header, headerStart, headerLength);

        for (int v = layout.BlobFirstValue[blob]; v < layout.BlobEndValue(blob); v++)
        {
            var (start, length) = values[v];
            CSharpLiteral.AppendEscaped(builder, text, start, length);
        }
    }

    /// <summary>
    /// Data files (blobs, tables, constants) hold no reference that could be null, so they turn the nullable context
    /// off. Generated code has it off by default, but that only silences its warnings: with nullable enabled for the
    /// project, the semantic model that analyzers ask for still runs nullable analysis over every member unless a
    /// directive disables it, and on 25,000 constants and their tables that costs a 64 MB build about 3 s.
    /// </summary>
    private static void WriteDataFileHeader(SourceWriter w, TargetInfo target)
    {
        w.Line("// <auto-generated/>");
        if (target.HasNullable)
        {
            w.Line("#nullable disable");
        }

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

            if (IsLowerCaseAscii(className))
            {
                // CS8981 warns that such names may become keywords; the project chose this one.
                w.Line("#pragma warning disable CS8981");
            }

            using (w.Block(modifiers))
            {
                body();
            }
        }

        InNamespace(w, options, Class);
    }

    /// <summary>Whether the compiler would warn (CS8981) that <paramref name="name"/> has only lower-case ASCII letters.</summary>
    private static bool IsLowerCaseAscii(string name)
    {
        foreach (char c in name)
        {
            if (c > 0x7F || (c >= 'A' && c <= 'Z'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <paramref name="body"/> inside the corpus's namespace block, or bare when it has none.</summary>
    private static void InNamespace(SourceWriter w, GeneratorOptions options, Action body)
    {
        if (options.Namespace.Length == 0)
        {
            body();
            return;
        }

        using (w.Block("namespace " + options.Namespace))
        {
            body();
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
        IntArray(
            w,
            target.HasSpanTables ? "internal static global::System.ReadOnlySpan<int> " + name + " => " : "internal static readonly int[] " + name + " = ",
            values,
            ";");
    }

    /// <summary>
    /// <paramref name="prefix"/> then <c>new int[] { ... }</c>, sixteen numbers a line, then <paramref name="end"/>.
    /// A <paramref name="padded"/> table gets zeros after its numbers, up to a size of <see cref="StaticDataSize"/>;
    /// only tables whose readers never ask for their length may be padded.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static void IntArray(SourceWriter w, string prefix, EquatableArray<int> values, string end, bool padded = false)
    {
        w.StartLine().Append(prefix).Append("new int[]").EndLine();
        w.Line("{");
        var builder = w.Builder;
        int count = values.Count + (padded ? StaticDataSize.IntPadding(values.Count) : 0);
        for (int i = 0; i < count; i++)
        {
            if (i % 16 == 0)
            {
                builder.Append(' ', w.Indent + 4);
            }

            if (i < values.Count)
            {
                builder.Append(values[i]).Append(',');
            }
            else
            {
                builder.Append("0,");
            }

            builder.Append(i % 16 == 15 || i == count - 1 ? '\n' : ' ');
        }

        w.Line("}" + end);
    }

    /// <summary>
    /// The characters <see cref="IntArray"/> writes for <paramref name="values"/> (padded), with <paramref name="indent"/>
    /// spaces before each line of 16 numbers.
    /// </summary>
    private static int IntArraySize(EquatableArray<int> values, int indent)
    {
        int count = values.Count + StaticDataSize.IntPadding(values.Count);
        long size = 512 + ((long)indent * ((count + 15) / 16));
        for (int i = 0; i < count; i++)
        {
            // The number, a comma and a space or line break.
            int value = i < values.Count ? values[i] : 0;
            size += 2 + NarrowBuilder.DecimalDigits(value);
        }

        return (int)Math.Min(size, int.MaxValue / 2);
    }

    /// <summary>
    /// The characters <see cref="PackedTable"/> writes for <paramref name="values"/>, with <paramref name="indent"/>
    /// spaces before each line of 8 pairs.
    /// </summary>
    private static int PackedTableSize(EquatableArray<int> values, int indent)
    {
        int count = (values.Count + StaticDataSize.IntPadding(values.Count) + 1) / 2;
        long size = 512 + ((long)indent * ((count + 7) / 8));
        for (int i = 0; i < count; i++)
        {
            size += ULongCellSize(Pair(values, i));
        }

        return (int)Math.Min(size, int.MaxValue / 2);
    }

    /// <summary>The <paramref name="i"/>th pair of <paramref name="values"/> as one ulong, the first in the low half; 0 past the end.</summary>
    private static ulong Pair(EquatableArray<int> values, int i)
    {
        uint low = 2 * i < values.Count ? unchecked((uint)values[2 * i]) : 0;
        uint high = (2 * i) + 1 < values.Count ? unchecked((uint)values[(2 * i) + 1]) : 0;
        return ((ulong)high << 32) | low;
    }

    /// <summary>The characters <see cref="ULongCell"/> writes for <paramref name="value"/>, its line's indent aside.</summary>
    private static int ULongCellSize(ulong value) =>
        // "0x", the digits, "UL", and a comma and a space or line break.
        6 + (value >> 32 != 0 ? HexDigits((uint)(value >> 32)) + 8 : HexDigits((uint)value));

    /// <summary>
    /// Element <paramref name="i"/> of <paramref name="count"/> of a <c>new ulong[] { … }</c> initializer, eight to a line:
    /// hexadecimal without leading zeros, typed by its suffix. An unsuffixed literal is an int or a long, and each element
    /// then gets a conversion to ulong, which the compiler binds, folds, lowers and (for the analyzers) turns into an
    /// operation of its own: the suffix takes about a quarter off the tables' compile time (docs/scale.md).
    /// </summary>
    private static void ULongCell(SourceWriter w, ulong value, int i, int count)
    {
        var builder = w.Builder;
        if (i % 8 == 0)
        {
            builder.Append(' ', w.Indent + 4);
        }

        builder.Append('0').Append('x');
        if (value >> 32 != 0)
        {
            AppendHex(builder, (uint)(value >> 32), 1);
            AppendHex(builder, (uint)value, 8);
        }
        else
        {
            AppendHex(builder, (uint)value, 1);
        }

        builder.Append('U').Append('L').Append(',').Append(i % 8 == 7 || i == count - 1 ? '\n' : ' ');
    }

    /// <summary>The hexadecimal digits of <paramref name="value"/> without leading zeros (one for zero).</summary>
    private static int HexDigits(uint value)
    {
        int digits = 1;
        for (; value >= 16; value >>= 4)
        {
            digits++;
        }

        return digits;
    }

    /// <summary>
    /// A padded index table as static data, two numbers to a <c>ulong</c> (the first in the low half), which the
    /// lookups read as <c>int</c> cells from the address the corpus class's <c>TableAddress</c> gives: the compiler's
    /// cost grows with the number of elements, not their size. <c>HeadlineTable0Data()</c> is the data;
    /// <c>HeadlineTable0Unpacked</c> the copy that only a big-endian machine makes.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
    private static void PackedTable(SourceWriter w, string name, EquatableArray<int> values)
    {
        w.Line($"internal static int[] {name}Unpacked;");
        w.Line();
        // A method, not a property: the compiler looks through every token of a property's body for C# 14's `field`
        // keyword, which for a table of 10,000 numbers is work for nothing (about 1 s of a 256 MB build, docs/scale.md).
        w.StartLine().Append("internal static global::System.ReadOnlySpan<ulong> ").Append(name).Append("Data() => new ulong[]").EndLine();
        w.Line("{");
        // Padded to a size of StaticDataSize, a multiple of 8 bytes: a whole number of pairs.
        int count = (values.Count + StaticDataSize.IntPadding(values.Count) + 1) / 2;
        for (int i = 0; i < count; i++)
        {
            ULongCell(w, Pair(values, i), i, count);
        }

        w.Line("};");
    }

    /// <summary>
    /// The case folding of words (<see cref="CaseTable"/>), as two string constants the run-time <c>FoldChar</c> reads:
    /// the generator hashed the corpus's words with the same table, so a query folds as they did on any machine.
    /// </summary>
    private static void CaseTableConstants(SourceWriter w)
    {
        w.Line("// How words fold (CorpusGen's CaseTable): for each high byte of a code unit, 1 + its page in CaseData, or 0");
        w.Line("// when nothing there folds; each page holds the folds of 256 code units.");
        StringConstant(w, "CasePages", CaseTable.Pages);
        StringConstant(w, "CaseData", CaseTable.Data);
    }

    /// <summary>A private string constant in lines of 32 code units, escaped as every literal is (<see cref="CSharpLiteral"/>).</summary>
    private static void StringConstant(SourceWriter w, string name, string value)
    {
        w.StartLine().Append("private const string ").Append(name).Append(" =").EndLine();
        var builder = w.Builder;
        for (int start = 0; start < value.Length; start += 32)
        {
            builder.Append(' ', w.Indent + 4).Append(start == 0 ? "\"" : "+ \"");
            CSharpLiteral.AppendEscaped(builder, value, start, Math.Min(32, value.Length - start));
            builder.Append(start + 32 >= value.Length ? "\";\n" : "\"\n");
        }
    }

    /// <summary>Appends <paramref name="value"/> in upper-case hexadecimal, with at least <paramref name="digits"/> digits.</summary>
    private static void AppendHex(NarrowBuilder builder, uint value, int digits)
    {
        int length = Math.Max(digits, HexDigits(value));
        for (int shift = (length - 1) * 4; shift >= 0; shift -= 4)
        {
            builder.Append("0123456789ABCDEF"[(int)((value >> shift) & 0xF)]);
        }
    }

    /// <summary>
    /// A shard's keys as one literal on one line: u8 in UTF-8 mode, padded to a size of <see cref="StaticDataSize"/>
    /// (rows locate their keys, so nothing reads past the last); else a string. <paramref name="stored"/> is the keys'
    /// length as stored, in bytes in UTF-8 mode.
    /// </summary>
    private static void KeysLiteral(SourceWriter w, bool utf8, string prefix, string keys, int stored)
    {
        w.StartLine().Append(prefix).Append('"');
        CSharpLiteral.AppendEscaped(w.Builder, keys, 0, keys.Length);
        if (utf8)
        {
            w.Builder.Append(' ', StaticDataSize.Utf8Padding(stored));
        }

        w.Builder.Append(utf8 ? "\"u8;\n" : "\";\n");
    }

    /// <summary>
    /// Where each shard's data is, by shard number: the lookups index this instead of switching on the shard (an
    /// indirect jump that random queries mispredict). With spans over static data, which cannot be stored in an array
    /// but never move, the directory holds each shard's addresses (table, keys in UTF-8 mode, postings for words),
    /// found on the shard's first lookup by a method of its own: a first lookup pays the JIT for one shard's accessors
    /// and one small method, not for every shard's (a directory filled all at once cost 4–6 ms on 16 shards).
    /// </summary>
    private static void ShardDirectory(SourceWriter w, ClassInfo info, string prefix, int shards, bool postings)
    {
        string what = prefix.ToLowerInvariant();
        if (!info.Target.HasSpanTables)
        {
            w.Line($"/// <summary>Where each shard of the {what} index is.</summary>");
            using (w.Block($"internal static class {prefix}Shards"))
            {
                Directory("Tables", prefix + "Table", "int[][]");
                w.Line();
                Directory("Keys", prefix + "Keys", "string[]");
                if (postings)
                {
                    w.Line();
                    Directory("Postings", "WordPostings", "int[][]");
                }
            }

            return;
        }

        bool utf8 = info.Utf8;
        int stride = 1 + (utf8 ? 1 : 0) + (postings ? 1 : 0);
        string parts = "its table's" + (utf8 ? (postings ? ", its keys' and its postings'" : " and its keys'") : postings ? " and its postings'" : string.Empty);
        w.Line($"/// <summary>Where each shard of the {what} index is: {parts} addresses, found on the shard's first lookup (0 until then).</summary>");
        using (w.Block($"internal static class {prefix}Shards"))
        {
            w.Line($"/// <summary>Addresses per shard; the table's comes first and is written last.</summary>");
            w.Line($"internal const int Stride = {Number(stride)};");
            w.Line();
            w.Line($"internal static readonly global::System.IntPtr[] Addresses = new global::System.IntPtr[{Number(stride * shards)}];");
            // String keys are filled by each shard's method below, not by a static initializer: a string literal is
            // interned on its first load, which for every shard's at once cost a first lookup about 2 ms on 16 shards.
            if (!utf8)
            {
                w.Line();
                w.Line("/// <summary>Each shard's keys, found with its addresses (null until then).</summary>");
                w.Line($"internal static readonly string[] Keys = new string[{Number(shards)}];");
            }
            else if (!postings && info.WideHeadlineKeys)
            {
                w.Line();
                w.Line("/// <summary>Each shard's headline keys beyond ASCII, found with its addresses (null until then).</summary>");
                w.Line($"internal static readonly string[] WideKeys = new string[{Number(shards)}];");
            }

            w.Line();
            w.Line("/// <summary>Finds the addresses of a shard's data and returns its table's.</summary>");
            using (w.Block("internal static global::System.IntPtr Find(int shard)"))
            {
                using (w.Block("switch (shard)"))
                {
                    for (int s = 0; s < shards; s++)
                    {
                        w.Line($"case {Number(s)}: return Shard{Number(s)}();");
                    }

                    w.Line("default: throw new global::System.ArgumentOutOfRangeException(\"shard\");");
                }
            }

            for (int s = 0; s < shards; s++)
            {
                string n = Number(s);
                int at = s * stride;
                w.Line();
                using (w.Block($"private static global::System.IntPtr Shard{n}()"))
                {
                    int next = at + 1;
                    if (utf8)
                    {
                        w.Line($"Addresses[{Number(next++)}] = KeyAddress({prefix}Keys{n});");
                    }
                    else
                    {
                        w.Line($"Keys[{n}] = {prefix}Keys{n};");
                    }

                    if (postings)
                    {
                        w.Line($"Addresses[{Number(next)}] = TableAddress(WordPostings{n}Data(), ref WordPostings{n}Unpacked);");
                    }
                    else if (utf8 && info.WideHeadlineKeys)
                    {
                        w.Line($"WideKeys[{n}] = HeadlineWideKeys{n};");
                    }

                    w.Line($"global::System.IntPtr table = TableAddress({prefix}Table{n}Data(), ref {prefix}Table{n}Unpacked);");
                    w.Line($"global::System.Threading.Volatile.Write(ref Addresses[{Number(at)}], table);");
                    w.Line("return table;");
                }
            }
        }

        void Directory(string name, string member, string arrayType)
        {
            using (w.Block($"internal static readonly {arrayType} {name} ="))
            {
                for (int s = 0; s < shards; s++)
                {
                    w.Line($"{member}{Number(s)},");
                }
            }

            w.Builder.Length--;
            w.Builder.Append(";\n");
        }

        static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The template's two placeholder names spelled out: <c>CorpusText</c>, the query type, and <c>CorpusIndex</c>, the
    /// index class. Not <c>using</c> aliases: a type of the same name declared by the project, in the global namespace
    /// or in the corpus's, would conflict with an alias (CS0576) or be found before it.
    /// </summary>
    private static string Qualify(string template, ClassInfo info)
    {
        string index = "global::" + (info.Options.Namespace.Length == 0 ? string.Empty : info.Options.Namespace + ".") + IndexClassName(info.ClassName);
        string text = info.Target.HasSpans ? "global::System.ReadOnlySpan<char>" : "string";
        // Neither name is part of a longer one in the template: such a name would not compile after this replacement.
        return template.Replace("CorpusText", text).Replace("CorpusIndex", index);
    }

    private static string ApplyNullable(string template, bool nullable) =>
        template.Replace("/*?*/", nullable ? "?" : string.Empty).Replace("/*!*/", nullable ? "!" : string.Empty);

    /// <summary>The corpus class's members: the lines of Runtime/CorpusApi.cs between its <c>BEGIN</c> and <c>END</c> markers.</summary>
    private static string ApiTemplate() => Templates().Api;

    /// <summary>The index class's members: the lines between <c>BEGIN INDEX</c> and <c>END INDEX</c>.</summary>
    private static string IndexTemplate() => Templates().Index;

    /// <summary>Reads the run-time template once and keeps both of its sections.</summary>
    private static TemplateSections Templates()
    {
        // One object, so a thread sees both sections or neither; two threads may both read the template, harmlessly.
        if (s_templates is { } cached)
        {
            return cached;
        }

        using var stream = typeof(CorpusEmitter).Assembly.GetManifestResourceStream("CorpusGen.Runtime.CorpusApi.cs")
            ?? throw new InvalidOperationException("The run-time template is missing from the generator assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string text = reader.ReadToEnd().Replace("\r\n", "\n");
        var templates = new TemplateSections(TemplateSection(text, "// BEGIN\n", "// END\n"), TemplateSection(text, "// BEGIN INDEX\n", "// END INDEX\n"));
        s_templates = templates;
        return templates;
    }

    private sealed class TemplateSections
    {
        public TemplateSections(string api, string index)
        {
            Api = api;
            Index = index;
        }

        public string Api { get; }

        public string Index { get; }
    }

    private static string TemplateSection(string text, string beginMarker, string endMarker)
    {
        int begin = text.IndexOf(beginMarker, StringComparison.Ordinal);
        int end = begin < 0 ? -1 : text.IndexOf(endMarker, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException("The run-time template has no section " + beginMarker.Trim() + ".");
        }

        string members = text.Substring(begin + beginMarker.Length, end - begin - beginMarker.Length).TrimEnd('\n');

        // The template is indented for a class at the top level; Verbatim re-indents it.
        var builder = new StringBuilder(members.Length);
        foreach (var line in members.Split('\n'))
        {
            builder.Append(line.StartsWith("    ", StringComparison.Ordinal) ? line.Substring(4) : line).Append('\n');
        }

        return builder.ToString();
    }
}
