using System;

namespace CorpusGen.Models;

/// <summary>
/// A diagnostic as plain data, so it can travel through cached pipeline steps; it becomes a
/// <see cref="Microsoft.CodeAnalysis.Diagnostic"/> only in the output step.
/// </summary>
/// <param name="Id">The descriptor's ID (<c>CORPUS001</c>…).</param>
/// <param name="FilePath">The file it points at, or null for a project-wide diagnostic.</param>
/// <param name="Start">Offset of the span in the file's text.</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Line">Zero-based line of the span's start.</param>
/// <param name="Column">Zero-based column of the span's start.</param>
/// <param name="EndLine">Zero-based line of the span's end.</param>
/// <param name="EndColumn">Zero-based column of the span's end.</param>
/// <param name="Arguments">Message arguments.</param>
internal sealed record DiagnosticInfo(
    string Id,
    string? FilePath,
    int Start,
    int Length,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    EquatableArray<string> Arguments)
{
    public static DiagnosticInfo ForProject(string id, params string[] arguments) =>
        new(id, null, 0, 0, 0, 0, 0, 0, new EquatableArray<string>(arguments));
}
