namespace CorpusGen.PackageTests.Infrastructure;

/// <summary>Consumer source files.</summary>
public static class Sources
{
    /// <summary>
    /// Library code that touches the whole generated API, written as C# 7.3 without span or nullable syntax so that
    /// every matrix consumer compiles it, and clean under AnalysisLevel=latest-all.
    /// </summary>
    public const string Usage = """
        namespace Consumer
        {
            /// <summary>Uses every part of the generated corpus.</summary>
            public static class Usage
            {
                /// <summary>Touches the API.</summary>
                /// <returns>A checksum.</returns>
                public static int Run()
                {
                    int sum = Corpus.Headlines.Count + Corpus.Documents.Count + Corpus.Articles.Count;
                    foreach (string headline in Corpus.Headlines)
                    {
                        sum += headline.Length;
                    }

                    foreach (Corpus.Document document in Corpus.Documents)
                    {
                        sum += document.FileName.Length + document.Headlines.Count;
                        var article = document.Article;
                        if (article != null)
                        {
                            sum += article.Title.Length + article.Paragraphs.Count;
                            var byline = article.Byline;
                            sum += byline == null ? 0 : byline.Length;
                            foreach (Corpus.Section section in article.Sections)
                            {
                                sum += section.Paragraphs.Count + (section.Heading == null ? 0 : section.Heading.Length);
                            }
                        }
                    }

                    sum += Corpus.IndexOfHeadline(Corpus.Headline.DutchCoalitionSurvivesPoliticalTurmoilAfterMinisterSResignation);
                    sum += Corpus.IndexOfHeadline(Corpus.Title.USSKoreaCallForNorthToWithdrawTroopsFromRussia);
                    foreach (int index in Corpus.HeadlinesWithWord("Trump"))
                    {
                        sum += index;
                    }

                    return sum + CountOf(Corpus.Headlines) + CountOf(Corpus.HeadlinesWithWord("trump")) + Corpus.Headlines.IndexOf("x");
                }

                /// <summary>Counts through the interface.</summary>
                /// <typeparam name="T">The element type.</typeparam>
                /// <param name="list">The list.</param>
                /// <returns>Its count.</returns>
                public static int CountOf<T>(System.Collections.Generic.IReadOnlyList<T> list)
                {
                    return list == null ? 0 : list.Count;
                }
            }
        }
        """;
}
