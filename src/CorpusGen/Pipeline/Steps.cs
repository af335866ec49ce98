using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
                : CorpusParser.Parse(input.File, text.ToString(), cancellationToken);
            if (input.InvalidClassName is { } invalid)
            {
                var diagnostic = DiagnosticInfo.ForProject(
                    DiagnosticDescriptors.InvalidOption.Id, "CorpusClass", invalid, "use a C# identifier; '" + input.File.ClassName + "' is used")
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

    public static void EmitDocument(SourceProductionContext context, ((DocumentLayout Layout, GeneratorOptions Options) Left, TargetInfo Target) input)
    {
        var layout = input.Left.Layout;
        foreach (var diagnostic in layout.Document.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        try
        {
            string prefix = CorpusEmitter.HintPrefix(input.Left.Options, layout.Document.ClassName);
            foreach (var (suffix, source) in CorpusEmitter.EmitDocument(layout, input.Left.Options, input.Target, context.CancellationToken))
            {
                AddSource(context, prefix + "." + suffix, source);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(ToDiagnostic(InternalError(layout.Document.Path, exception)));
        }
    }

    public static ImmutableArray<CorpusModel> BuildCorpora(
        ImmutableArray<DocumentLayout> layouts, GeneratorOptions options, TargetInfo target, CancellationToken cancellationToken)
    {
        var classes = new SortedDictionary<string, List<DocumentLayout>>(StringComparer.Ordinal);
        foreach (var layout in layouts)
        {
            if (!classes.TryGetValue(layout.Document.ClassName, out var list))
            {
                classes.Add(layout.Document.ClassName, list = new List<DocumentLayout>());
            }

            list.Add(layout);
        }

        // Corpus order: ordinal order of the '/'-separated path, the same on every OS and for any item order.
        var corpora = ImmutableArray.CreateBuilder<CorpusModel>(classes.Count);
        foreach (var pair in classes)
        {
            var ordered = pair.Value
                .OrderBy(layout => layout.Document.SortKey, StringComparer.Ordinal)
                .ThenBy(layout => layout.Document.Path, StringComparer.Ordinal)
                .ToList();
            try
            {
                corpora.Add(CorpusIndexBuilder.Build(pair.Key, ordered, options, target, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var error = InternalError(pair.Key, exception);
                corpora.Add(CorpusIndexBuilder.Build(pair.Key, Array.Empty<DocumentLayout>(), options, target, cancellationToken) with
                {
                    Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { error }),
                });
            }
        }

        return corpora.ToImmutable();
    }

    public static void EmitCorpus(SourceProductionContext context, CorpusModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        try
        {
            string prefix = CorpusEmitter.HintPrefix(model.Options, model.ClassName);
            AddSource(context, prefix, CorpusEmitter.EmitApi(model));
            AddSource(context, prefix + ".Tables", CorpusEmitter.EmitTables(model));
            AddSource(context, prefix + ".Keys", CorpusEmitter.EmitKeys(model));
            foreach (var (suffix, source) in CorpusEmitter.EmitConstants(model, context.CancellationToken))
            {
                AddSource(context, prefix + "." + suffix, source);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(ToDiagnostic(InternalError(model.ClassName, exception)));
        }
    }

    public static void ReportOptions(SourceProductionContext context, GeneratorOptions options)
    {
        foreach (var diagnostic in options.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }
    }

    private static void AddSource(SourceProductionContext context, string hintName, string source) =>
        context.AddSource(hintName + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));

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
