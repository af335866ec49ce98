using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>An AdditionalFiles item held in memory; a null text plays a file the compiler could not read.</summary>
public sealed class InMemoryAdditionalText(string path, SourceText? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => text;
}
