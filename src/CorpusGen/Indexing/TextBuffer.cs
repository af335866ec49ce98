using System;

namespace CorpusGen.Indexing;

/// <summary>
/// A character buffer per thread, which the steps that read a whole file (parse, layout, emit) copy its text into.
/// A string of a large file's text would be a large object, which only a full collection frees, and a copy besides:
/// the compiler holds a file past about 40,000 characters in chunks.
/// </summary>
internal static class TextBuffer
{
    /// <summary>The largest buffer kept between calls, in characters; a larger file gets a buffer of its own.</summary>
    private const int MaxKept = 8 * 1024 * 1024;

    [ThreadStatic]
    private static char[]? s_buffer;

    /// <summary>
    /// A buffer of at least <paramref name="length"/> characters. It is the thread's, and the next call on the thread
    /// may return it again: finish with it before that.
    /// </summary>
    public static char[] Rent(int length)
    {
        var buffer = s_buffer;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new char[Math.Max(length, 4096)];
            if (buffer.Length <= MaxKept)
            {
                s_buffer = buffer;
            }
        }

        return buffer;
    }
}
