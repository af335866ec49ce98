using System;

// Everything below reads constants and static data compiled into this assembly by CorpusGen:
// no file is opened and nothing is parsed at run time.
Console.WriteLine($"{Corpus.Headlines.Count} headlines:");
foreach (string headline in Corpus.Headlines)
{
    Console.WriteLine($"  - {headline}");
}

foreach (Corpus.Article article in Corpus.Articles)
{
    Console.WriteLine();
    Console.WriteLine($"Article: {article.Title}");
    foreach (Corpus.Section section in article.Sections)
    {
        Console.WriteLine();
        Console.WriteLine(section.Heading is null ? "[lead]" : $"[{section.Heading}]");
        foreach (string paragraph in section.Paragraphs)
        {
            Console.WriteLine($"  {paragraph}");
        }
    }

    Console.WriteLine();
    Console.WriteLine(article.Byline is null ? "No byline." : $"Byline: {article.Byline} (author {article.Author}, desk {article.Desk})");
}

string word = args.Length > 0 ? args[0] : "Trump";
var matches = Corpus.HeadlinesWithWord(word);
Console.WriteLine();
Console.WriteLine($"Headlines with the word '{word}': {matches.Count}");
foreach (int index in matches)
{
    Console.WriteLine($"  [{index}] {Corpus.Headlines[index]}");
}
