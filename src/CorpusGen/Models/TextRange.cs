using System;

namespace CorpusGen.Models;

/// <summary>A run of characters in a document's text: where a value starts and how long it is.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    public int End => Start + Length;
}
