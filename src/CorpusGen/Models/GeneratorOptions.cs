namespace CorpusGen.Models;

/// <summary>The project-wide options, read from MSBuild properties (see README, "Options").</summary>
/// <param name="Namespace">Namespace of the generated classes; empty for the global namespace.</param>
/// <param name="IsPublic">Whether the generated classes are public rather than internal.</param>
/// <param name="DefaultClassName">Class name for corpus files without their own <c>CorpusClass</c>.</param>
/// <param name="ProjectDirectory">The project directory, for machine-independent names; empty when unknown.</param>
/// <param name="Constants">Whether the <c>Headline</c> and <c>Title</c> constants are generated (<c>CorpusConstants</c>).</param>
/// <param name="Diagnostics">Options that were invalid and replaced by their defaults.</param>
internal sealed record GeneratorOptions(
    string Namespace,
    bool IsPublic,
    string DefaultClassName,
    string ProjectDirectory,
    bool Constants,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public const string DefaultClass = "Corpus";
}
