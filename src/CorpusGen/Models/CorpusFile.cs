namespace CorpusGen.Models;

/// <summary>Where a corpus file is and which corpus class it feeds: everything but its text.</summary>
/// <param name="Path">The file's path as the compiler gives it.</param>
/// <param name="SortKey">The path with '/' separators, for ordinal ordering that is the same on every OS.</param>
/// <param name="StableKey">The path relative to the project directory, '/' separated.</param>
/// <param name="FileName">The file name with its extension.</param>
/// <param name="ClassName">The corpus class the file belongs to.</param>
internal sealed record CorpusFile(string Path, string SortKey, string StableKey, string FileName, string ClassName);
