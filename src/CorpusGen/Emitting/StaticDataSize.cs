namespace CorpusGen.Emitting;

/// <summary>
/// The sizes that blobs, index tables and keys are padded to when they become static data (<c>u8</c> literals and
/// <c>new int[]</c>/<c>new ulong[] { … }</c> spans).
/// </summary>
/// <remarks>
/// The compiler puts every piece of static data into one class, <c>&lt;PrivateImplementationDetails&gt;</c>, as a
/// field whose type is a struct of the data's size, one struct per distinct size. The runtime loads that class, and
/// with it every one of those struct types, the first time any piece of static data is read. Measured on .NET 10:
/// 1,200 literals of 1,200 different sizes made the first read take 5–8 ms, against 0.6–1.0 ms when they all had the
/// same size. Rounding sizes up to one of 16 steps per power of two keeps the number of struct types small (about 10
/// for a corpus of 128 KB files, 54 for 150 files whose sizes spread from 300 bytes to 160 KB) and wastes at most 1/16
/// of the data (about 3% on average).
/// </remarks>
internal static class StaticDataSize
{
    private const int Smallest = 256;

    /// <summary>The size that static data of <paramref name="bytes"/> bytes is padded to.</summary>
    public static int RoundUp(int bytes)
    {
        if (bytes <= Smallest)
        {
            return Smallest;
        }

        int top = 1 << 30;
        while (top > bytes)
        {
            top >>= 1;
        }

        int step = System.Math.Max(Smallest, top >> 4);
        long rounded = ((long)bytes + step - 1) / step * step;
        return rounded > int.MaxValue ? bytes : (int)rounded;
    }

    /// <summary>
    /// How many padding bytes to append to a <c>u8</c> literal of <paramref name="utf8Bytes"/> bytes: the compiler
    /// stores a <c>u8</c> literal with a terminating zero byte, so its data is one byte longer than its text.
    /// </summary>
    public static int Utf8Padding(int utf8Bytes) => RoundUp(utf8Bytes + 1) - (utf8Bytes + 1);

    /// <summary>How many zeros to append to an <c>int</c> table of <paramref name="count"/> numbers.</summary>
    public static int IntPadding(int count) => (RoundUp(count * 4) - count * 4) / 4;
}
