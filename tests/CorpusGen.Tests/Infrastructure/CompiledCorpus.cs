using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CorpusGen.Tests.Infrastructure;

/// <summary>
/// The generated code compiled and loaded, read back through a small probe class compiled with it: what a user's
/// code would see at run time.
/// </summary>
public sealed class CompiledCorpus
{
    private readonly Type _probe;

    private CompiledCorpus(Type probe) => _probe = probe;

    /// <summary>C# for a probe over the corpus class <paramref name="qualifiedClass"/> (namespace included).</summary>
    /// <summary>The probe's C# source; <paramref name="spans"/> false for a corpus built without span overloads (its span methods then call the string ones).</summary>
    public static string ProbeSource(string qualifiedClass = "Corpus", bool spans = true) => """
        using System;
        using System.Linq;

        public static class CorpusProbe
        {
            public static string[] Headlines() => CLASS.Headlines.ToArray();

            public static object[] Documents() => CLASS.Documents.Select(d => (object)new object?[]
            {
                d.FileName,
                d.Headlines.ToArray(),
                d.Article is null ? null : new object?[]
                {
                    d.Article.Title,
                    d.Article.Paragraphs.ToArray(),
                    d.Article.Sections.Select(s => (object)new object?[] { s.Heading, s.Paragraphs.ToArray() }).ToArray(),
                    d.Article.Byline,
                    d.Article.Author,
                    d.Article.Desk,
                },
            }).ToArray();

            public static int ArticleCount() => CLASS.Articles.Count;

            // Each document's article is created on first use, once: every read gives the same object, from either list.
            public static bool ArticlesAreOneObjectEach() =>
                CLASS.Documents.All(d => ReferenceEquals(d.Article, d.Article))
                && CLASS.Articles.All(a => CLASS.Documents.Count(d => ReferenceEquals(d.Article, a)) == 1);

            public static string[] ArticleTitles() => CLASS.Articles.Select(a => a.Title).ToArray();

            public static int IndexOfHeadline(string text) => CLASS.IndexOfHeadline(text);

            public static int IndexOfHeadlineSpan(string text) => CLASS.IndexOfHeadline(text.AsSpan());

            public static int[] HeadlinesWithWord(string word)
            {
                var list = new System.Collections.Generic.List<int>();
                foreach (int index in CLASS.HeadlinesWithWord(word))
                {
                    list.Add(index);
                }

                return list.ToArray();
            }

            public static int[] HeadlinesWithWordSpan(string word) => CLASS.HeadlinesWithWord(word.AsSpan()).ToArray();
        }
        """.Replace("CLASS", "global::" + qualifiedClass).Replace(".AsSpan()", spans ? ".AsSpan()" : string.Empty);

    /// <summary>Runs the generator on <paramref name="files"/>, compiles the output with the probe and loads it.</summary>
    public static CompiledCorpus Build(
        IEnumerable<CorpusFileSpec> files, IReadOnlyDictionary<string, string>? properties = null, string qualifiedClass = "Corpus")
    {
        var output = GeneratorRunner.Run(files, properties, new[] { ProbeSource(qualifiedClass) }).AssertCompilesClean();
        return Load(output.Compilation);
    }

    /// <summary>Emits <paramref name="compilation"/> (and the compilations it references) and loads it in a context of its own.</summary>
    public static CompiledCorpus Load(Compilation compilation, params Compilation[] dependencies)
    {
        var context = new AssemblyLoadContext("corpus-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var loaded = dependencies.ToDictionary(dependency => dependency.AssemblyName!, dependency => context.LoadFromStream(Emit(dependency)));
        context.Resolving += (_, name) => name.Name is { } simple && loaded.TryGetValue(simple, out var assembly) ? assembly : null;
        var probe = context.LoadFromStream(Emit(compilation));
        return new CompiledCorpus(probe.GetType("CorpusProbe", throwOnError: true)!);
    }

    /// <summary>Emits <paramref name="compilation"/> and loads it in a context of its own, for tests that call into it themselves.</summary>
    public static System.Reflection.Assembly LoadAssembly(Compilation compilation) =>
        new AssemblyLoadContext("corpus-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(Emit(compilation));

    private static MemoryStream Emit(Compilation compilation)
    {
        var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        stream.Position = 0;
        return stream;
    }

    public CorpusValues Values()
    {
        var documents = ((object[])Call("Documents")).Select(ToDocument).ToList();
        return new CorpusValues((string[])Call("Headlines"), documents);
    }

    public int IndexOfHeadline(string text)
    {
        int viaString = (int)Call("IndexOfHeadline", text);
        int viaSpan = (int)Call("IndexOfHeadlineSpan", text);
        Assert.Equal(viaString, viaSpan);
        return viaString;
    }

    public int[] HeadlinesWithWord(string word)
    {
        var viaString = (int[])Call("HeadlinesWithWord", word);
        var viaSpan = (int[])Call("HeadlinesWithWordSpan", word);
        Assert.Equal(viaString, viaSpan);
        return viaString;
    }

    public string[] ArticleTitles() => (string[])Call("ArticleTitles");

    public bool ArticlesAreOneObjectEach() => (bool)Call("ArticlesAreOneObjectEach");

    /// <summary>The string overloads of the lookups alone, for arguments the span overloads cannot receive (null).</summary>
    public int IndexOfHeadlineString(string? text) => (int)Call("IndexOfHeadline", new object?[] { text });

    public int[] HeadlinesWithWordString(string? word) => (int[])Call("HeadlinesWithWord", new object?[] { word });

    private object Call(string method, params object?[] arguments)
    {
        try
        {
            return _probe.GetMethod(method)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    private static DocumentValues ToDocument(object value)
    {
        var parts = (object?[])value;
        ArticleValues? article = null;
        if (parts[2] is object?[] a)
        {
            var sections = ((object[])a[2]!).Select(s => (object?[])s)
                .Select(s => new SectionValues((string?)s[0], (string[])s[1]!)).ToList();
            article = new ArticleValues((string)a[0]!, (string[])a[1]!, sections, (string?)a[3], (string?)a[4], (string?)a[5]);
        }

        return new DocumentValues((string)parts[0]!, (string[])parts[1]!, article);
    }
}
