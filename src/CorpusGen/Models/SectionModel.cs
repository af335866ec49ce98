namespace CorpusGen.Models;

/// <summary>One section of an article: its cross-head (if any) and its run of paragraphs.</summary>
/// <param name="Heading">The cross-head's text in the document, or null for the lead section.</param>
/// <param name="FirstParagraph">Index of the section's first paragraph among the article's paragraphs.</param>
/// <param name="ParagraphCount">How many paragraphs the section has (may be zero).</param>
internal readonly record struct SectionModel(TextRange? Heading, int FirstParagraph, int ParagraphCount);
