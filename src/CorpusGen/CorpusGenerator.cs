using CorpusGen.Pipeline;
using Microsoft.CodeAnalysis;

namespace CorpusGen;

/// <summary>
/// Turns the AdditionalFiles marked <c>Corpus="true"</c> into typed constants, documents, articles and a frozen
/// lookup index compiled into the user's assembly.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CorpusGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Project-wide options: namespace, visibility, default class name, project directory.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(OptionsReader.ReadGlobal)
            .WithTrackingName(TrackingNames.Options);

        // What the consumer's compilation supports; equal on every edit that does not change the target.
        var target = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select((pair, _) => TargetReader.Read(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Target);

        // The corpus files: AdditionalFiles marked Corpus="true", and nothing else is ever read.
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(options)
            .Select((pair, _) => OptionsReader.ReadFile(pair.Left.Left, pair.Left.Right, pair.Right))
            .Where(file => file is not null)
            .WithTrackingName(TrackingNames.Files);

        // Each file parsed on its own by FORMAT.md's rules into an equatable model.
        var documents = files
            .Select((file, cancellationToken) => Steps.Parse(file!, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // UTF-8 blobs unless the target lacks u8 literals or some text cannot be UTF-8 (a lone surrogate).
        var utf8 = documents
            .Select((document, _) => document.HasLoneSurrogate)
            .Collect()
            .Combine(target)
            .Select((pair, _) => pair.Right.CanUseUtf8 && !pair.Left.Contains(true))
            .WithTrackingName(TrackingNames.Encoding);

        // Each document laid out into blobs, still one file at a time.
        var layouts = documents
            .Combine(utf8)
            .Select((pair, cancellationToken) => Steps.Layout(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Layout);

        // Per file: its blobs and its parse diagnostics.
        context.RegisterSourceOutput(layouts.Combine(options).Combine(target), Steps.EmitDocument);

        // Per corpus class: the index over all its documents, the API and the constants.
        var corpora = layouts
            .Collect()
            .Combine(options)
            .Combine(target)
            .SelectMany((pair, cancellationToken) => Steps.BuildCorpora(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Corpus);
        context.RegisterSourceOutput(corpora, Steps.EmitCorpus);

        // Options that were invalid, reported once.
        context.RegisterSourceOutput(options, Steps.ReportOptions);
    }
}
