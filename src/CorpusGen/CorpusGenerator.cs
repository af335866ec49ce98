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

        // Per group of consecutive files: their blobs and their parse diagnostics. Grouping compares layouts only, so an
        // edit re-emits the group of the file it touched.
        var documentGroups = layouts
            .Collect()
            .SelectMany((all, cancellationToken) => Steps.GroupDocuments(all, cancellationToken))
            .WithTrackingName(TrackingNames.DocumentGroups);
        context.RegisterSourceOutput(documentGroups.Combine(options).Combine(target), Steps.EmitDocuments);

        // Per file: its headlines and words hashed and sorted by partition, for the index shards.
        var summaries = layouts
            .Select((layout, cancellationToken) => Steps.Summarize(layout, cancellationToken))
            .WithTrackingName(TrackingNames.Summary);

        // Per corpus class: document order, numbering, constant names and the shards' inputs. Cheap, and the only
        // step that sees every file; what it feeds is emitted in pieces that are compared one by one. It and the
        // grouping above order the files the same way and keep a file given twice once (CORPUS007 on the other).
        var plans = summaries
            .Collect()
            .Combine(options)
            .Combine(target)
            .SelectMany((pair, cancellationToken) => Steps.BuildPlans(pair.Left.Left, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Corpus);

        // The API and the shared tables.
        var cores = plans.Select((plan, _) => plan.Core).WithTrackingName(TrackingNames.Core);
        context.RegisterSourceOutput(cores, Steps.EmitCore);

        // The index in shards: a shard is rebuilt and emitted only when its slice of some file changed.
        var headlineShards = plans
            .SelectMany((plan, _) => plan.HeadlineShards)
            .WithTrackingName(TrackingNames.HeadlineShardInputs)
            .Select((input, cancellationToken) => Steps.BuildShard(input, words: false, cancellationToken))
            .WithTrackingName(TrackingNames.HeadlineShards);
        context.RegisterSourceOutput(headlineShards, (spc, shard) => Steps.EmitShard(spc, shard, words: false));

        var wordShards = plans
            .SelectMany((plan, _) => plan.WordShards)
            .WithTrackingName(TrackingNames.WordShardInputs)
            .Select((input, cancellationToken) => Steps.BuildShard(input, words: true, cancellationToken))
            .WithTrackingName(TrackingNames.WordShards);
        context.RegisterSourceOutput(wordShards, (spc, shard) => Steps.EmitShard(spc, shard, words: true));

        // The word filter, on targets with spans over static data: built from every shard's words, so rebuilt when some
        // shard's words change, and not when only its postings do.
        var wordFilters = wordShards
            .Where(shard => shard.Filter is not null)
            .Select((shard, _) => shard.Filter!)
            .WithTrackingName(TrackingNames.WordFilterParts)
            .Collect()
            .SelectMany((parts, cancellationToken) => Steps.BuildWordFilters(parts, cancellationToken))
            .WithTrackingName(TrackingNames.WordFilters);
        context.RegisterSourceOutput(wordFilters, Steps.EmitWordFilter);

        // The constants, one output per document; the blob accessors when there are too many blobs for one file.
        var constants = plans.SelectMany((plan, _) => plan.Constants).WithTrackingName(TrackingNames.Constants);
        context.RegisterSourceOutput(constants, Steps.EmitConstants);
        var blobChunks = plans.SelectMany((plan, _) => plan.BlobChunks).WithTrackingName(TrackingNames.BlobChunks);
        context.RegisterSourceOutput(blobChunks, Steps.EmitBlobChunk);

        // Options that were invalid, reported once.
        context.RegisterSourceOutput(options, Steps.ReportOptions);
    }
}
