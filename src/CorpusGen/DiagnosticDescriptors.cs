using Microsoft.CodeAnalysis;

namespace CorpusGen;

/// <summary>Every diagnostic CorpusGen reports. README.md lists them with examples; docs/diagnostics.md explains each.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CorpusGen";
    private const string HelpBase = "https://github.com/corpusgen/corpusgen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor EmptyBullet = Create(
        "CORPUS001",
        "Empty bullet line skipped",
        "Line {0} is a bullet with no text, so it is not a headline and was skipped; write the headline after the '-' or delete the line",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EmptyDocument = Create(
        "CORPUS002",
        "Corpus file has no headline and no article",
        "'{0}' has no headline and no article; it is still listed in Documents, but add content or remove the file from the corpus",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnreadableFile = Create(
        "CORPUS003",
        "Corpus file could not be read",
        "'{0}' could not be read, so its document is empty; check that the file exists and is readable",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        "CORPUS004",
        "Invalid CorpusGen option",
        "{0} '{1}' is not valid: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CorpusTooLarge = Create(
        "CORPUS005",
        "Corpus too large for this target",
        "{0} {1}, more than {2} allows; {3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "CORPUS006",
        "CorpusGen failed unexpectedly",
        "CorpusGen could not generate '{0}': {1}; please report this with the corpus file that causes it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateFile = Create(
        "CORPUS007",
        "Corpus file listed more than once",
        "'{0}' is listed more than once in corpus class '{2}' (first as '{1}'); the file was included once, from the first item, and this one was skipped; remove the duplicate AdditionalFiles item",
        DiagnosticSeverity.Warning);

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "CORPUS001" => EmptyBullet,
        "CORPUS002" => EmptyDocument,
        "CORPUS003" => UnreadableFile,
        "CORPUS004" => InvalidOption,
        "CORPUS005" => CorpusTooLarge,
        "CORPUS006" => InternalError,
        "CORPUS007" => DuplicateFile,
        _ => null,
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
