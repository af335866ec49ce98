using System;
using System.Collections.Generic;
using CorpusGen.Emitting;
using CorpusGen.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorpusGen.Pipeline;

/// <summary>Reads MSBuild properties and item metadata (made visible by the package's build props) into models.</summary>
internal static class OptionsReader
{
    public const string NamespaceProperty = "CorpusNamespace";
    public const string VisibilityProperty = "CorpusVisibility";
    public const string ClassNameProperty = "CorpusClassName";
    public const string ConstantsProperty = "CorpusConstants";
    public const string CorpusMetadata = "Corpus";
    public const string ClassMetadata = "CorpusClass";

    public static GeneratorOptions ReadGlobal(AnalyzerConfigOptionsProvider provider, System.Threading.CancellationToken cancellationToken)
    {
        var options = provider.GlobalOptions;
        var diagnostics = new List<DiagnosticInfo>();

        string ns = Property(options, NamespaceProperty).Trim();
        if (ns.StartsWith("global::", StringComparison.Ordinal))
        {
            ns = ns.Substring("global::".Length);
        }

        if (ns.Length > 0 && !Naming.IsValidNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.ForProject(DiagnosticDescriptors.InvalidOption.Id, NamespaceProperty, ns,
                "use a dotted name of C# identifiers, or leave it empty for the global namespace; the global namespace is used"));
            ns = string.Empty;
        }

        string visibility = Property(options, VisibilityProperty).Trim();
        bool isPublic = string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase);
        if (visibility.Length > 0 && !isPublic && !string.Equals(visibility, "internal", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticInfo.ForProject(DiagnosticDescriptors.InvalidOption.Id, VisibilityProperty, visibility,
                "use 'internal' or 'public'; 'internal' is used"));
        }

        string className = Property(options, ClassNameProperty).Trim();
        if (className.Length == 0)
        {
            className = GeneratorOptions.DefaultClass;
        }
        else if (!Naming.IsValidClassName(className))
        {
            diagnostics.Add(DiagnosticInfo.ForProject(DiagnosticDescriptors.InvalidOption.Id, ClassNameProperty, className,
                Naming.ClassNameRule + "; 'Corpus' is used"));
            className = GeneratorOptions.DefaultClass;
        }

        string constants = Property(options, ConstantsProperty).Trim();
        bool noConstants = string.Equals(constants, "false", StringComparison.OrdinalIgnoreCase);
        if (constants.Length > 0 && !noConstants && !string.Equals(constants, "true", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticInfo.ForProject(DiagnosticDescriptors.InvalidOption.Id, ConstantsProperty, constants,
                "use 'true' or 'false'; 'true' is used"));
        }

        string projectDir = Property(options, "ProjectDir");
        if (projectDir.Length == 0)
        {
            projectDir = Property(options, "MSBuildProjectDirectory");
        }

        return new GeneratorOptions(ns, isPublic, className, Normalize(projectDir).TrimEnd('/'), !noConstants, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    /// <summary>The corpus file behind an AdditionalFiles item, or null when the item is not marked Corpus="true".</summary>
    public static CorpusInput? ReadFile(AdditionalText text, AnalyzerConfigOptionsProvider provider, GeneratorOptions global)
    {
        var options = provider.GetOptions(text);
        if (!options.TryGetValue("build_metadata.AdditionalFiles." + CorpusMetadata, out var corpus)
            || !string.Equals(corpus.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        options.TryGetValue("build_metadata.AdditionalFiles." + ClassMetadata, out var className);
        className = className?.Trim() ?? string.Empty;
        string? invalidClass = null;
        if (className.Length == 0)
        {
            className = global.DefaultClassName;
        }
        else if (!Naming.IsValidClassName(className))
        {
            invalidClass = className;
            className = global.DefaultClassName;
        }

        string path = text.Path ?? string.Empty;
        string sortKey = Normalize(path);
        string stableKey = sortKey;
        if (global.ProjectDirectory.Length > 0
            && sortKey.Length > global.ProjectDirectory.Length
            && sortKey[global.ProjectDirectory.Length] == '/'
            // Ordinal: two files whose paths differ only in case are two files (on Linux), and must keep two keys.
            && sortKey.StartsWith(global.ProjectDirectory, StringComparison.Ordinal))
        {
            stableKey = sortKey.Substring(global.ProjectDirectory.Length + 1);
        }

        int slash = sortKey.LastIndexOf('/');
        string fileName = slash < 0 ? sortKey : sortKey.Substring(slash + 1);
        return new CorpusInput(text, new CorpusFile(path, sortKey, stableKey, fileName, className), invalidClass);
    }

    private static string Property(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) ? value : string.Empty;

    private static string Normalize(string path) => path.Replace('\\', '/');
}

/// <summary>An AdditionalFiles item marked as corpus: the compiler's text object and what we know of the file.</summary>
/// <remarks>The <see cref="AdditionalText"/> compares by reference, which is what lets the parse step stay cached until the file changes.</remarks>
internal sealed record CorpusInput(AdditionalText Text, CorpusFile File, string? InvalidClassName);
