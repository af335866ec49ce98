using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Emitting;

/// <summary>
/// Builds a generated source directly in the form <see cref="NarrowSourceText"/> keeps it: one byte per character,
/// and the few characters that do not fit a byte (above U+00FF, and U+0000, whose byte marks them) kept aside by
/// position. Generated C# is nearly all ASCII, so most of what is appended is copied a vector at a time.
/// </summary>
/// <remarks>
/// It replaces a <see cref="StringBuilder"/> that was narrowed afterwards: appending UTF-16 characters, copying them
/// out again and narrowing them one by one cost about a fifth of a whole run on a large corpus.
/// </remarks>
internal sealed class NarrowBuilder
{
    // One wide character per 16 at most: each costs 6 bytes beside the byte that marks it.
    private const int MaxWideShare = 16;

    // A text keeps the builder's buffer when at most one byte in 16 of it is unused: the size estimates allow for up to
    // one escape in 32 characters, so a source with none is still within.
    private const int MaxSlackShare = 16;

    private byte[] _bytes;
    private int _length;
    private readonly List<int> _widePositions = new();
    private readonly List<char> _wideChars = new();

    public NarrowBuilder(int capacity) => _bytes = new byte[Math.Max(capacity, 16)];

    public int Capacity => _bytes.Length;

    /// <summary>The characters written; setting a smaller length drops the characters past it.</summary>
    public int Length
    {
        get => _length;
        set
        {
            if (value < 0 || value > _length)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            _length = value;
            int keep = _widePositions.Count;
            while (keep > 0 && _widePositions[keep - 1] >= value)
            {
                keep--;
            }

            _widePositions.RemoveRange(keep, _widePositions.Count - keep);
            _wideChars.RemoveRange(keep, _wideChars.Count - keep);
        }
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(capacity, _bytes.Length * 2));
        }
    }

    /// <summary>
    /// Makes an empty builder's buffer about <paramref name="capacity"/> long, shrinking it too when it is much larger,
    /// for a source whose size is known: its text can then keep the buffer (see <see cref="ToSourceText"/>).
    /// </summary>
    public void Reserve(int capacity)
    {
        if (_length == 0 && _bytes.Length - capacity > capacity / MaxSlackShare)
        {
            _bytes = new byte[Math.Max(capacity, 16)];
            return;
        }

        EnsureCapacity(capacity);
    }

    public void Clear() => Length = 0;

    public NarrowBuilder Append(char c)
    {
        if (_length == _bytes.Length)
        {
            EnsureCapacity(_length + 1);
        }

        if (c - 1u < 0xFFu)
        {
            _bytes[_length++] = (byte)c;
        }
        else
        {
            AppendWide(c);
        }

        return this;
    }

    public NarrowBuilder Append(char c, int repeatCount)
    {
        if (c - 1u >= 0xFFu)
        {
            for (int i = 0; i < repeatCount; i++)
            {
                Append(c);
            }

            return this;
        }

        EnsureCapacity(_length + repeatCount);
        _bytes.AsSpan(_length, repeatCount).Fill((byte)c);
        _length += repeatCount;
        return this;
    }

    public NarrowBuilder Append(string text) => Append(text.AsSpan());

    public NarrowBuilder Append(string text, int start, int count) => Append(text.AsSpan(start, count));

    public NarrowBuilder Append(char[] text, int start, int count) => Append(new ReadOnlySpan<char>(text, start, count));

    /// <summary>Appends <paramref name="number"/> in invariant digits, with no string in between.</summary>
    public NarrowBuilder Append(int number)
    {
        EnsureCapacity(_length + 11);
        if (number < 0)
        {
            if (number == int.MinValue)
            {
                return Append("-2147483648");
            }

            _bytes[_length++] = (byte)'-';
            number = -number;
        }

        int digits = DecimalDigits(number);
        _length += digits;
        for (int at = _length - 1; at >= _length - digits; at--)
        {
            _bytes[at] = (byte)('0' + number % 10);
            number /= 10;
        }

        return this;
    }

    /// <summary>The characters <see cref="Append(int)"/> writes for <paramref name="number"/>: its decimal digits, and a '-' before a negative one.</summary>
    public static int DecimalDigits(int number)
    {
        if (number < 0)
        {
            return number == int.MinValue ? 11 : 1 + DecimalDigits(-number);
        }

        int digits = 1;
        for (int rest = number; rest >= 10; rest /= 10)
        {
            digits++;
        }

        return digits;
    }

    [MethodImpl(Jit.Hot)]
    public NarrowBuilder Append(ReadOnlySpan<char> text)
    {
        EnsureCapacity(_length + text.Length);
        int i = 0;
        while (true)
        {
            i += CopyTaken<Latin1>(text.Slice(i));
            if (i == text.Length)
            {
                return this;
            }

            AppendWide(text[i]);
            i++;
        }
    }

    /// <summary>
    /// Appends the longest start of <paramref name="text"/> that a C# string literal holds as it is and that fits a
    /// byte: U+0020..U+007E but for the quote and the backslash, and U+00A1..U+00FF but for the soft hyphen (letters,
    /// symbols and punctuation, which <see cref="CSharpLiteral"/> writes as themselves too). Returns how many
    /// characters that is.
    /// </summary>
    [MethodImpl(Jit.Hot)]
    public int AppendPlain(ReadOnlySpan<char> text)
    {
        EnsureCapacity(_length + text.Length);
        return CopyTaken<Plain>(text);
    }

    /// <summary>
    /// Copies the longest start of <paramref name="text"/> that <typeparamref name="TFilter"/> takes, narrowed to a
    /// byte per code unit, and returns its length: two vectors at a time, then four code units, then one. The caller
    /// has ensured the capacity for the whole text.
    /// </summary>
    [MethodImpl(Jit.Hot)]
    private int CopyTaken<TFilter>(ReadOnlySpan<char> text)
        where TFilter : struct, ICharFilter
    {
        // Reads and writes through refs: a read of n code units starts at most n before the text's end, and the
        // buffer holds the whole text, so a write of n bytes at the same offset fits too.
        int i = 0;
        int at = _length;
        ref char source = ref MemoryMarshal.GetReference(text);
        ref byte target = ref _bytes[0];
        if (BitConverter.IsLittleEndian)
        {
            if (Vector.IsHardwareAccelerated)
            {
                int step = 2 * Vector<ushort>.Count;
                for (; i + step <= text.Length; i += step, at += step)
                {
                    ref byte from = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref source, i));
                    var low = Unsafe.ReadUnaligned<Vector<ushort>>(ref from);
                    var high = Unsafe.ReadUnaligned<Vector<ushort>>(ref Unsafe.Add(ref from, step));

                    // Written whole even when some lane is refused: the bytes from that lane on lie past the new
                    // length, where the next append writes.
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), Vector.Narrow(low, high));
                    var refusedLow = default(TFilter).Refuses(low);
                    var refusedHigh = default(TFilter).Refuses(high);
                    if ((refusedLow | refusedHigh) != Vector<ushort>.Zero)
                    {
                        int taken = FirstSetLane(Vector.Narrow(refusedLow, refusedHigh));
                        _length = at + taken;
                        return i + taken;
                    }
                }
            }

            for (; i + 4 <= text.Length; i += 4, at += 4)
            {
                ulong units = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref source, i)));
                if (!default(TFilter).Takes(units))
                {
                    break;
                }

                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, at), Narrow(units));
            }
        }

        for (; i < text.Length; i++, at++)
        {
            char c = Unsafe.Add(ref source, i);
            if (!default(TFilter).Takes(c))
            {
                break;
            }

            Unsafe.Add(ref target, at) = (byte)c;
        }

        _length = at;
        return i;
    }

    /// <summary>The index of the first byte of <paramref name="mask"/> that is set (bytes are all ones or all zeros); one is.</summary>
    private static int FirstSetLane(Vector<byte> mask)
    {
        var words = Vector.AsVectorUInt64(mask);
        int lane = 0;
        while (words[lane] == 0)
        {
            lane++;
        }

        ulong word = words[lane];
        int index = lane * 8;
        while ((word & 0xFF) == 0)
        {
            word >>= 8;
            index++;
        }

        return index;
    }

    /// <summary>
    /// Which UTF-16 code units <see cref="CopyTaken"/> may copy as bytes: one, four in a <see cref="ulong"/> (the first
    /// in the low lane), or a vector of them, for which it gives the lanes it refuses (all ones) instead.
    /// </summary>
    private interface ICharFilter
    {
        bool Takes(char c);

        bool Takes(ulong units);

        Vector<ushort> Refuses(Vector<ushort> units);
    }

    /// <summary>U+0001..U+00FF: no high byte set and no lane zero (zero marks a wide character).</summary>
    private readonly struct Latin1 : ICharFilter
    {
        public bool Takes(char c) => c - 1u < 0xFFu;

        public bool Takes(ulong units) =>
            (units & 0xFF00FF00FF00FF00UL) == 0 && ((units - 0x0001000100010001UL) & ~units & 0x8000800080008000UL) == 0;

        // units - 1 wraps zero round to 0xFFFF, so one unsigned compare checks both ends.
        public Vector<ushort> Refuses(Vector<ushort> units) =>
            Vector.GreaterThanOrEqual(units - Vector<ushort>.One, new Vector<ushort>(0xFF));
    }

    /// <summary>What <see cref="AppendPlain"/> takes (four at a time: plain ASCII only).</summary>
    private readonly struct Plain : ICharFilter
    {
        public bool Takes(char c) =>
            c - 0x20u < 0x7F - 0x20 ? c != '"' && c != '\\' : c - 0xA1u < 0x100 - 0xA1 && c != SoftHyphen;

        public bool Takes(ulong units) => IsPlainAscii(units);

        // Outside U+0020..U+007E and U+00A1..U+00FF (an unsigned compare each), the quote, the backslash or the soft hyphen.
        public Vector<ushort> Refuses(Vector<ushort> units) =>
            (Vector.GreaterThanOrEqual(units - new Vector<ushort>(0x20), new Vector<ushort>(0x7F - 0x20))
                & Vector.GreaterThanOrEqual(units - new Vector<ushort>(0xA1), new Vector<ushort>(0x100 - 0xA1)))
            | Vector.Equals(units, new Vector<ushort>('"'))
            | Vector.Equals(units, new Vector<ushort>('\\'))
            | Vector.Equals(units, new Vector<ushort>(SoftHyphen));
    }

    // U+00AD, a format character (category Cf): invisible, so a literal shows it as an escape.
    private const char SoftHyphen = '\u00AD';

    /// <summary>Four code units below 0x100, the first in the low lane, as four bytes, the first in the low byte.</summary>
    private static uint Narrow(ulong units)
    {
        units = (units | (units >> 8)) & 0x0000FFFF0000FFFFUL;
        return (uint)(units | (units >> 16));
    }

    /// <summary>Whether all four UTF-16 code units in <paramref name="units"/> are plain ASCII, as <see cref="AppendPlain"/> takes it.</summary>
    private static bool IsPlainAscii(ulong units)
    {
        const ulong Ones = 0x0001000100010001UL;
        if ((units & 0xFF80FF80FF80FF80UL) != 0)
        {
            return false;
        }

        // Every lane is below 0x80 now, so these additions carry into no other lane: bit 7 of a lane plus 0x60 is set
        // when it is at least 0x20, and of a lane plus 1 when it is 0x7F.
        if (((units + 0x60 * Ones) & 0x80 * Ones) != 0x80 * Ones || ((units + Ones) & 0x80 * Ones) != 0)
        {
            return false;
        }

        // A lane of the XOR is zero where the code unit is the quote or the backslash, and subtracting 1 then borrows into its bit 15.
        return (((units ^ '"' * Ones) - Ones | (units ^ '\\' * Ones) - Ones) & 0x8000 * Ones) == 0;
    }

    private void AppendWide(char c)
    {
        _widePositions.Add(_length);
        _wideChars.Add(c);
        _bytes[_length++] = 0;
    }

    /// <summary>
    /// The text written, held one byte per character unless too many characters are wide (text in a non-Latin script),
    /// then as a string. Either way its checksum and encoding are those of <c>SourceText.From(text, Encoding.UTF8)</c>.
    /// </summary>
    public SourceText ToSourceText()
    {
        if (_wideChars.Count > _length / MaxWideShare)
        {
            return SourceText.From(ToString(), Encoding.UTF8);
        }

        var positions = _widePositions.ToArray();
        var wide = _wideChars.ToArray();
        if (_bytes.Length - _length <= _length / MaxSlackShare)
        {
            // Nearly full (the writer was sized for what it got): the text takes the buffer, saving a copy of it, and
            // the builder starts a new one.
            var text = new NarrowSourceText(_bytes, _length, positions, wide) { KeptWriterBuffer = true };
            _bytes = new byte[16];
            _length = 0;
            _widePositions.Clear();
            _wideChars.Clear();
            return text;
        }

        var narrow = new byte[_length];
        Buffer.BlockCopy(_bytes, 0, narrow, 0, _length);
        return new NarrowSourceText(narrow, _length, positions, wide);
    }

    public override string ToString()
    {
        var chars = new char[_length];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)_bytes[i];
        }

        for (int k = 0; k < _widePositions.Count; k++)
        {
            chars[_widePositions[k]] = _wideChars[k];
        }

        return new string(chars);
    }
}
