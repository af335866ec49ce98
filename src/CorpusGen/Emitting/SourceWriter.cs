using System;
using Microsoft.CodeAnalysis.Text;

namespace CorpusGen.Emitting;

/// <summary>Writes indented C#: <c>using (w.Block("class C")) { … }</c> nests, and the brace closes itself.</summary>
internal sealed class SourceWriter
{
    // Generated sources are written one after another on a thread, each into a builder of up to about a megabyte:
    // the builder is handed back by ToSourceText and reused, instead of becoming garbage once per source.
    private const int MaxCachedCapacity = 4 * 1024 * 1024;

    [ThreadStatic]
    private static NarrowBuilder? s_cached;

    private readonly NarrowBuilder _builder;
    private int _indent;

    /// <param name="capacity">How many characters the source will likely take.</param>
    /// <param name="sized">Whether <paramref name="capacity"/> is close to the source's size, with little to spare: the
    /// buffer is then made that size, so that the text can keep it instead of a copy.</param>
    public SourceWriter(int capacity = 4096, bool sized = false)
    {
        var cached = s_cached;
        if (cached is null)
        {
            _builder = new NarrowBuilder(capacity);
        }
        else
        {
            s_cached = null;
            _builder = cached;
            if (sized)
            {
                _builder.Reserve(capacity);
            }
            else
            {
                _builder.EnsureCapacity(capacity);
            }
        }
    }

    public int Length => _builder.Length;

    /// <summary>Writes one line at the current indentation (an empty line stays empty).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Starts a line at the current indentation and leaves it open for <see cref="Append(string)"/>.</summary>
    public SourceWriter StartLine()
    {
        _builder.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Append(string text)
    {
        _builder.Append(text);
        return this;
    }

    public SourceWriter Append(char c)
    {
        _builder.Append(c);
        return this;
    }

    public SourceWriter Append(int number)
    {
        _builder.Append(number);
        return this;
    }

    public SourceWriter EndLine()
    {
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the result is disposed.</summary>
    public BlockScope Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new BlockScope(this);
    }

    /// <summary>Appends lines that are already indented for the top level, shifted to the current indentation.</summary>
    public void Verbatim(string text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            int lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            Line(text.Substring(start, lineEnd - start).TrimEnd());
            start = end + 1;
        }
    }

    internal NarrowBuilder Builder => _builder;

    /// <summary>The current indentation in spaces.</summary>
    internal int Indent => _indent * 4;

    public override string ToString() => _builder.ToString();

    /// <summary>The text written, held compactly (see <see cref="NarrowSourceText"/>). The writer is done after this.</summary>
    public SourceText ToSourceText()
    {
        var text = _builder.ToSourceText();
        _builder.Clear();
        if (_builder.Capacity <= MaxCachedCapacity)
        {
            s_cached = _builder;
        }

        return text;
    }

    public readonly struct BlockScope : IDisposable
    {
        private readonly SourceWriter _writer;

        public BlockScope(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
