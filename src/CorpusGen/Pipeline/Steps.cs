using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using CorpusGen.Emitting;
using CorpusGen.Indexing;
using CorpusGen.Models;
using CorpusGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Pipeline;

/// <summary>
/// The bodies of the pipeline steps wired in <see cref="CorpusGenerator"/>. None of them lets an exception out:
/// one in a generator becomes warning CS8785 and no output at all, which breaks every use of the corpus class.
/// Failures become diagnostic CORPUS006 instead; cancellation still propagates, as Roslyn expects.
/// </summary>
internal static class Steps
{
    public static DocumentModel Parse(CorpusInput input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var text = input.Text.GetText(cancellationToken);
            var document = text is null
                ? CorpusParser.Unreadable(input.File)
                : CorpusParser.Parse(input.File, text, cancellationToken);
            if (input.InvalidClassName is { } invalid)
            {
                var diagnostic = DiagnosticInfo.ForProject(
                    DiagnosticDescriptors.InvalidOption.Id, "CorpusClass", invalid, Naming.ClassNameRule + "; '" + input.File.ClassName + "' is used")
                    with { FilePath = input.File.Path };
                document = document with { Diagnostics = new EquatableArray<DiagnosticInfo>(document.Diagnostics.Concat(new[] { diagnostic }).ToArray()) };
            }

            return document;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return CorpusParser.Unreadable(input.File) with
            {
                Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { InternalError(input.File.Path, exception) }),
            };
        }
    }

    public static DocumentLayout Layout(DocumentModel document, bool utf8, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return DocumentLayoutBuilder.Build(document, utf8, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var empty = CorpusParser.Unreadable(new CorpusFile(document.Path, document.SortKey, document.StableKey, document.FileName, document.ClassName)) with
            {
                Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { InternalError(document.Path, exception) }),
            };
            return DocumentLayoutBuilder.Build(empty, utf8, cancellationToken);
        }
    }

    /// <summary>The documents of each corpus class in groups of <see cref="DocumentGroup.Size"/>, in corpus order.</summary>
    public static ImmutableArray<DocumentGroup> GroupDocuments(ImmutableArray<DocumentLayout> layouts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var groups = ImmutableArray.CreateBuilder<DocumentGroup>();
        // A skipped duplicate has no document, so no group and no store member; the plan reports it (CORPUS007).
        foreach (var (className, hintName, list, _) in ByClassInCorpusOrder(layouts, layout => layout.Document))
        {
            for (int first = 0; first < list.Count; first += DocumentGroup.Size)
            {
                var members = list.GetRange(first, Math.Min(DocumentGroup.Size, list.Count - first)).ToArray();
                groups.Add(new DocumentGroup(className, hintName, first / DocumentGroup.Size, new EquatableArray<DocumentLayout>(members)));
            }
        }

        return groups.ToImmutable();
    }

    /// <summary>
    /// <paramref name="items"/> by corpus class (ordinal order of the class names), each class's in corpus order: the
    /// ordinal order of the '/'-separated path, the same on every OS and for any order of the items. Each class comes
    /// with the name its hint names start with: its own, except that the driver compares hint names ignoring case, so
    /// of classes whose names differ only in case the second gets "-2" appended, the third "-3" (no identifier holds a
    /// '-', so these meet no other class's names).
    /// </summary>
    /// <remarks>
    /// Items that are the same file as an earlier one of their class are taken out and returned as duplicates, with
    /// the item each repeats (see <see cref="WithoutDuplicates"/>). This is the one place that orders and filters the
    /// documents, for both the document groups and the plan: their numbering must agree.
    /// </remarks>
    private static IEnumerable<(string ClassName, string HintName, List<T> Items, List<(T Skipped, T Kept)> Duplicates)> ByClassInCorpusOrder<T>(
        IEnumerable<T> items, Func<T, DocumentModel> document)
    {
        var classes = new SortedDictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            string className = document(item).ClassName;
            if (!classes.TryGetValue(className, out var list))
            {
                classes.Add(className, list = new List<T>());
            }

            list.Add(item);
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in classes)
        {
            int count = seen.TryGetValue(pair.Key, out int earlier) ? earlier + 1 : 1;
            seen[pair.Key] = count;
            string hintName = count == 1 ? pair.Key : pair.Key + "-" + count.ToString(CultureInfo.InvariantCulture);
            var ordered = pair.Value
                .OrderBy(item => document(item).SortKey, StringComparer.Ordinal)
                .ThenBy(item => document(item).Path, StringComparer.Ordinal)
                .ToList();
            var duplicates = WithoutDuplicates(ordered, document);
            yield return (pair.Key, hintName, ordered, duplicates);
        }
    }

    /// <summary>
    /// Takes out of <paramref name="ordered"/> (one class's items, in corpus order) every item that is the same file as
    /// an earlier one, and returns them with the item each repeats. The same file means the same
    /// <see cref="DocumentModel.StableKey"/>, the project-relative path with '/' for '\' (so <c>news/a.txt</c> and
    /// <c>/p/news/a.txt</c> in project <c>/p</c> are one file too): what the blob names are made of
    /// (<see cref="Naming.ForFile"/>), so two such items would declare the same members (CS0102). Compared ordinally,
    /// case included, like the paths everywhere else: two paths that differ only in case are two files on Linux, and
    /// the output must not depend on the OS it is built on. The item kept is the first in corpus order (so
    /// <c>/p/a/b.txt</c> before <c>/p/a\b.txt</c>, '/' being before '\'); of items whose paths are equal too, the first
    /// the compiler lists. Only paths are compared, never texts, so this costs no more than the sort before it.
    /// </summary>
    private static List<(T Skipped, T Kept)> WithoutDuplicates<T>(List<T> ordered, Func<T, DocumentModel> document)
    {
        var duplicates = new List<(T Skipped, T Kept)>();
        var first = new Dictionary<string, T>(ordered.Count, StringComparer.Ordinal);
        int kept = 0;
        for (int i = 0; i < ordered.Count; i++)
        {
            var item = ordered[i];
            string key = document(item).StableKey;
            if (first.TryGetValue(key, out var earlier))
            {
                duplicates.Add((item, earlier));
            }
            else
            {
                // Compacted in place: the items kept stay in corpus order.
                first.Add(key, item);
                ordered[kept++] = item;
            }
        }

        ordered.RemoveRange(kept, ordered.Count - kept);
        return duplicates;
    }

    public static void EmitDocuments(SourceProductionContext context, ((DocumentGroup Group, GeneratorOptions Options) Left, TargetInfo Target) input)
    {
        var group = input.Left.Group;
        foreach (var layout in group.Layouts)
        {
            foreach (var diagnostic in layout.Document.Diagnostics)
            {
                context.ReportDiagnostic(ToDiagnostic(diagnostic));
            }
        }

        string prefix = CorpusEmitter.HintPrefix(input.Left.Options, group.HintName);
        var writing = new CorpusEmitter.Progress();
        try
        {
            foreach (var (suffix, source) in CorpusEmitter.EmitDocuments(group, input.Left.Options, input.Target, writing, context.CancellationToken))
            {
                AddSource(context, prefix + "." + suffix, source);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(ToDiagnostic(InternalError(writing.Document?.Path ?? group.ClassName, exception)));
        }
    }

    public static DocumentSummary Summarize(DocumentLayout layout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return DocumentSummaryBuilder.Build(layout, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return DocumentSummaryBuilder.Empty(layout, InternalError(layout.Document.Path, exception));
        }
    }

    public static ImmutableArray<CorpusPlan> BuildPlans(
        ImmutableArray<DocumentSummary> summaries, GeneratorOptions options, TargetInfo target, CancellationToken cancellationToken)
    {
        var plans = ImmutableArray.CreateBuilder<CorpusPlan>();
        foreach (var (className, hintName, ordered, duplicates) in ByClassInCorpusOrder(summaries, summary => summary.Document))
        {
            CorpusPlan plan;
            try
            {
                plan = CorpusPlanBuilder.Build(className, hintName, ordered, options, target, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                plan = CorpusPlanBuilder.Build(className, hintName, Array.Empty<DocumentSummary>(), options, target, cancellationToken);
                plan = plan with
                {
                    Core = plan.Core with { Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { InternalError(className, exception) }) },
                };
            }

            // The class's skipped duplicates, reported with its other diagnostics: once each, by the class's core.
            plans.Add(WithDiagnostics(plan, duplicates.Select(pair => DuplicateFile(className, pair.Skipped.Document, pair.Kept.Document)).ToList()));
        }

        // The assembly's limits, over every class: added to the first class's diagnostics, reported once.
        var assemblyLimits = CorpusPlanBuilder.CheckAssemblyLimits(plans.Select(plan => plan.Usage).ToList());
        if (assemblyLimits.Count > 0)
        {
            plans[0] = WithDiagnostics(plans[0], assemblyLimits);
        }

        return plans.ToImmutable();
    }

    /// <summary><paramref name="plan"/> with <paramref name="diagnostics"/> after its core's own; the same plan when there are none.</summary>
    private static CorpusPlan WithDiagnostics(CorpusPlan plan, List<DiagnosticInfo> diagnostics) =>
        diagnostics.Count == 0
            ? plan
            : plan with { Core = plan.Core with { Diagnostics = new EquatableArray<DiagnosticInfo>(plan.Core.Diagnostics.Concat(diagnostics).ToArray()) } };

    /// <summary>CORPUS007 on <paramref name="skipped"/>, the item left out as the same file as <paramref name="kept"/>.</summary>
    private static DiagnosticInfo DuplicateFile(string className, DocumentModel skipped, DocumentModel kept) =>
        new(DiagnosticDescriptors.DuplicateFile.Id, skipped.Path, 0, 0, 0, 0, 0, 0, new EquatableArray<string>(new[] { skipped.Path, kept.Path, className }));

    public static ShardModel BuildShard(ShardInput input, bool words, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return words ? ShardBuilder.BuildWords(input, cancellationToken) : ShardBuilder.BuildHeadlines(input, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var empty = input with { Slices = EquatableArray<DocumentSlice>.Empty };
            var shard = words ? ShardBuilder.BuildWords(empty, cancellationToken) : ShardBuilder.BuildHeadlines(empty, cancellationToken);
            return shard with { Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { InternalError(input.Class.ClassName, exception) }) };
        }
    }

    public static ImmutableArray<WordFilterModel> BuildWordFilters(ImmutableArray<WordFilterPart> parts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return WordFilterBuilder.Build(parts, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return WordFilterBuilder.Open(parts, InternalError("word filter", exception));
        }
    }

    public static void EmitWordFilter(SourceProductionContext context, WordFilterModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        Emit(context, model.Class, model.Class.ClassName, prefix => AddSource(context, prefix + ".Index.WordFilter", CorpusEmitter.EmitWordFilter(model)));
    }

    public static void EmitCore(SourceProductionContext context, CoreModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        Emit(context, model.Class, model.Class.ClassName, prefix =>
        {
            AddSource(context, prefix, CorpusEmitter.EmitApi(model));
            AddSource(context, prefix + ".Tables", CorpusEmitter.EmitTables(model));
        });
    }

    public static void EmitShard(SourceProductionContext context, ShardModel model, bool words)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        Emit(context, model.Class, model.Class.ClassName, prefix =>
            AddSource(context, prefix + ".Index." + (words ? "Words." : "Headlines.") + model.Shard.ToString(CultureInfo.InvariantCulture), CorpusEmitter.EmitShard(model, words)));
    }

    public static void EmitConstants(SourceProductionContext context, ConstantsGroupModel model) =>
        Emit(context, model.Class, "constants " + model.Group.ToString(CultureInfo.InvariantCulture), prefix =>
        {
            foreach (var (suffix, source) in CorpusEmitter.EmitConstants(model, context.CancellationToken))
            {
                AddSource(context, prefix + "." + suffix, source);
            }
        });

    public static void EmitBlobChunk(SourceProductionContext context, BlobChunkModel model) =>
        Emit(context, model.Class, model.Class.ClassName, prefix =>
            AddSource(context, prefix + ".Blobs." + model.Chunk.ToString(CultureInfo.InvariantCulture), CorpusEmitter.EmitBlobChunk(model)));

    private static void Emit(SourceProductionContext context, ClassInfo info, string what, Action<string> emit)
    {
        try
        {
            emit(CorpusEmitter.HintPrefix(info.Options, info.HintName));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(ToDiagnostic(InternalError(what, exception)));
        }
    }

    public static void ReportOptions(SourceProductionContext context, GeneratorOptions options)
    {
        foreach (var diagnostic in options.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }
    }

    private static void AddSource(SourceProductionContext context, string hintName, SourceText source) =>
        context.AddSource(hintName + ".g.cs", source);

    private static DiagnosticInfo InternalError(string what, Exception exception) =>
        DiagnosticInfo.ForProject(DiagnosticDescriptors.InternalError.Id, what, exception.GetType().Name + ": " + exception.Message);

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        var descriptor = DiagnosticDescriptors.Find(info.Id) ?? DiagnosticDescriptors.InternalError;
        var location = info.FilePath is null
            ? Location.None
            : Location.Create(
                info.FilePath,
                new TextSpan(info.Start, info.Length),
                new LinePositionSpan(new LinePosition(info.Line, info.Column), new LinePosition(info.EndLine, info.EndColumn)));
        return Diagnostic.Create(descriptor, location, info.Arguments.ToArray<object?>());
    }
}
