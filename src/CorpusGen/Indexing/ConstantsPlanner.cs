using System;
using System.Collections.Generic;
using CorpusGen.Emitting;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The plan's constants: which headlines and titles are the first of their text in corpus order, and the names
/// they get (a name taken before gets a suffix). Both depend on every earlier file, so a full pass counts every text
/// and name of the corpus: at 80,000 headlines that is 160,000 probes of tables larger than a core's caches, most of
/// what the plan cost on each edit. So each pass leaves behind its counts (a <see cref="Memo"/>, found again through
/// the driver's cached summaries), and when the next run differs in one file whose texts and names no other file
/// has, the plan takes that file's old constants out of the counts, puts its new ones in, and keeps every other file's
/// constants as they were: nothing else can have changed. Anything else (two files changed, a headline added, a text
/// or name shared with another file) is a full pass, which gives the same constants by construction; the tests
/// compare the two on random edits.
/// </summary>
internal static class ConstantsPlanner
{
    /// <summary>Documents whose constants share one source.</summary>
    public const int GroupSize = 16;

    public static EquatableArray<ConstantsGroupModel> Plan(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart)
    {
        if (documents.Count == 0)
        {
            return new EquatableArray<ConstantsGroupModel>(new[] { new ConstantsGroupModel(info, 0, EquatableArray<ConstantsModel>.Empty) });
        }

        var memo = RunMemo<Memo>.Find(documents) ?? new Memo();
        lock (memo)
        {
            // The memo answers for exactly the documents it holds; a run that differs in more goes through a full pass
            // into the same memo (whose counts a failed update has left half changed).
            if (!memo.TryUpdate(info, documents, headlineStart))
            {
                memo.Rebuild(info, documents, headlineStart);
            }

            RunMemo<Memo>.Register(documents, memo);
            return memo.Groups;
        }
    }

    // Reserved: the enclosing class's own name and the members every class inherits from object.
    private static readonly string[] Inherited = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "ReferenceEquals", "Finalize" };
    private static readonly string[] ReservedHeadlineNames = Reserved("Headline", Inherited);
    private static readonly string[] ReservedTitleNames = Reserved("Title", Inherited);

    private static string[] Reserved(string className, string[] inherited)
    {
        var names = new string[inherited.Length + 1];
        names[0] = className;
        inherited.CopyTo(names, 1);
        return names;
    }

    /// <summary>
    /// A pass's result and the counts it was made from: for each headline text, the documents whose first copies hold
    /// it; for each name, its claims (by the corpus's first copies only); the same for titles.
    /// </summary>
    private sealed class Memo
    {
        private readonly StringCounts _texts = new();
        private readonly Naming.NameTable _headlineNames = new(ReservedHeadlineNames);
        private readonly StringCounts _titles = new();
        private readonly Naming.NameTable _titleNames = new(ReservedTitleNames);
        private readonly Collector _headlines = new();
        private readonly Collector _titleConstants = new();
        private ClassInfo? _info;
        private ConstantsModel[] _models = Array.Empty<ConstantsModel>();
        private ConstantsGroupModel[] _groups = Array.Empty<ConstantsGroupModel>();

        /// <summary>The documents, in corpus order, that the counts and the constants are those of.</summary>
        public DocumentSummary[] Documents { get; private set; } = Array.Empty<DocumentSummary>();

        /// <summary>Per document, the number of its article (valid for documents with one).</summary>
        private int[] _article = Array.Empty<int>();

        public EquatableArray<ConstantsGroupModel> Groups { get; private set; }

        /// <summary>The full pass: every document in corpus order, counted from nothing.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
        public void Rebuild(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart)
        {
            // No class until the pass is complete: one cut short leaves nothing for the next run to update from.
            _info = null;
            _texts.Clear();
            _headlineNames.Reset();
            _titles.Clear();
            _titleNames.Reset();
            int firstCopies = 0;
            foreach (var summary in documents)
            {
                firstCopies += summary.FirstCopies.Count;
            }

            _texts.Reserve(firstCopies);
            _headlineNames.Reserve(firstCopies);
            _titles.Reserve(documents.Count);
            _titleNames.Reserve(documents.Count);
            var previous = Documents;
            var previousModels = _models;
            Documents = new DocumentSummary[documents.Count];
            _models = new ConstantsModel[documents.Count];
            _article = new int[documents.Count];
            int article = 0;
            for (int d = 0; d < documents.Count; d++)
            {
                var summary = documents[d];
                Documents[d] = summary;

                // The previous pass's model of this file, if it had the same summary at the same place: most files'
                // constants do not change when one file is edited, and those keep their model (compared by reference).
                var last = d < previous.Length && ReferenceEquals(previous[d], summary) && previousModels[d].Class.Equals(info) ? previousModels[d] : null;
                _headlines.Start(last?.Headlines ?? EquatableArray<ConstantModel>.Empty);
                _titleConstants.Start(last?.Titles ?? EquatableArray<ConstantModel>.Empty);

                // Only a document's first copies can be the corpus's first: its repeats are skipped without counting.
                foreach (int h in summary.FirstCopies)
                {
                    string text = summary.HeadlineTexts[h];
                    if (_texts.Add(text, summary.HeadlineHashes[2 * h]) == 1)
                    {
                        string name = _headlineNames.Claim(summary.HeadlineNames[h], summary.HeadlineHashes[(2 * h) + 1]);
                        _headlines.Add(name, text, summary.Document.FileName, headlineStart[d] + h);
                    }
                }

                _article[d] = article;
                if (summary.TitleText is { } title)
                {
                    if (_titles.Add(title, StringCounts.HashOf(title)) == 1)
                    {
                        _titleConstants.Add(_titleNames.Claim(summary.TitleName!), title, summary.Document.FileName, article);
                    }

                    article++;
                }

                _models[d] = last is not null && _headlines.IsLast && _titleConstants.IsLast
                    ? last
                    : new ConstantsModel(info, _headlines.ToArray(), _titleConstants.ToArray());
            }

            // Groups of consecutive documents.
            _groups = new ConstantsGroupModel[(_models.Length + GroupSize - 1) / GroupSize];
            for (int g = 0; g < _groups.Length; g++)
            {
                _groups[g] = Group(info, g);
            }

            Groups = new EquatableArray<ConstantsGroupModel>(_groups);
            _info = info;
        }

        /// <summary>
        /// The update for a run that differs from <see cref="Documents"/> in at most one document, with as many headlines
        /// and an article or not as before, whose old and new texts and names no other document has; false, with the
        /// counts possibly half changed (and the memo marked as made for no class), when the run is not such a run.
        /// </summary>
        public bool TryUpdate(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart)
        {
            int edited = RunMemo.EditedDocument(Documents, documents);
            if (!info.Equals(_info) || edited == RunMemo.ManyEdited)
            {
                return false;
            }

            if (edited == RunMemo.NoneEdited)
            {
                return true;
            }

            var old = Documents[edited];
            var summary = documents[edited];
            if (old.HeadlineCount != summary.HeadlineCount || (old.TitleText is null) != (summary.TitleText is null))
            {
                // Every later headline or article would be numbered differently.
                return false;
            }

            // Take the old version out, then check that none of its texts and names is left, and that none of the new
            // version's is anyone else's. Then its constants are whatever it gets on its own, and no other file's move.
            // The counts change from here on, so the memo is valid again only if the update completes.
            _info = null;
            foreach (int h in old.FirstCopies)
            {
                if (_texts.Remove(old.HeadlineTexts[h], old.HeadlineHashes[2 * h]) != 0
                    || !_headlineNames.Release(old.HeadlineNames[h], old.HeadlineHashes[(2 * h) + 1]))
                {
                    return false;
                }
            }

            foreach (int h in old.FirstCopies)
            {
                if (_headlineNames.ClaimsOf(old.HeadlineNames[h], old.HeadlineHashes[(2 * h) + 1]) != 0)
                {
                    return false;
                }
            }

            foreach (int h in summary.FirstCopies)
            {
                if (_texts.CountOf(summary.HeadlineTexts[h], summary.HeadlineHashes[2 * h]) != 0
                    || _headlineNames.ClaimsOf(summary.HeadlineNames[h], summary.HeadlineHashes[(2 * h) + 1]) != 0)
                {
                    return false;
                }
            }

            if (old.TitleText is { } oldTitle)
            {
                int oldHash = StringCounts.HashOf(old.TitleName!);
                string title = summary.TitleText!;
                int hash = StringCounts.HashOf(summary.TitleName!);
                if (_titles.Remove(oldTitle, StringCounts.HashOf(oldTitle)) != 0
                    || !_titleNames.Release(old.TitleName!, oldHash)
                    || _titleNames.ClaimsOf(old.TitleName!, oldHash) != 0
                    || _titles.CountOf(title, StringCounts.HashOf(title)) != 0
                    || _titleNames.ClaimsOf(summary.TitleName!, hash) != 0)
                {
                    return false;
                }
            }

            // The new version's constants: each of its first copies is the corpus's first.
            var last = _models[edited];
            _headlines.Start(last.Headlines);
            foreach (int h in summary.FirstCopies)
            {
                string text = summary.HeadlineTexts[h];
                _texts.Add(text, summary.HeadlineHashes[2 * h]);
                string name = _headlineNames.Claim(summary.HeadlineNames[h], summary.HeadlineHashes[(2 * h) + 1]);
                _headlines.Add(name, text, summary.Document.FileName, headlineStart[edited] + h);
            }

            _titleConstants.Start(last.Titles);
            if (summary.TitleText is { } newTitle)
            {
                _titles.Add(newTitle, StringCounts.HashOf(newTitle));
                _titleConstants.Add(_titleNames.Claim(summary.TitleName!), newTitle, summary.Document.FileName, _article[edited]);
            }

            Documents[edited] = summary;
            _info = info;
            if (_headlines.IsLast && _titleConstants.IsLast)
            {
                return true;
            }

            _models[edited] = new ConstantsModel(info, _headlines.ToArray(), _titleConstants.ToArray());

            // A new array of groups, so that the previous run's result stays as it was.
            _groups = (ConstantsGroupModel[])_groups.Clone();
            _groups[edited / GroupSize] = Group(info, edited / GroupSize);
            Groups = new EquatableArray<ConstantsGroupModel>(_groups);
            return true;
        }

        private ConstantsGroupModel Group(ClassInfo info, int group)
        {
            int first = group * GroupSize;
            var members = new ConstantsModel[Math.Min(GroupSize, _models.Length - first)];
            Array.Copy(_models, first, members, 0, members.Length);
            return new ConstantsGroupModel(info, group, new EquatableArray<ConstantsModel>(members));
        }
    }

    /// <summary>
    /// One file's constants, compared as they come with the previous run's: nothing is allocated while they agree.
    /// </summary>
    private sealed class Collector
    {
        private readonly List<ConstantModel> _items = new();
        private EquatableArray<ConstantModel> _last;
        private int _matched;
        private bool _differs;

        /// <summary>Whether every constant since <see cref="Start"/> is the previous run's, and no more or fewer.</summary>
        public bool IsLast => !_differs && _matched == _last.Count;

        public void Start(EquatableArray<ConstantModel> last)
        {
            _items.Clear();
            _last = last;
            _matched = 0;
            _differs = false;
        }

        public void Add(string name, string text, string fileName, int index)
        {
            if (!_differs && _matched < _last.Count)
            {
                var old = _last[_matched];
                if (old.Index == index && old.Name == name && old.Text == text && old.FileName == fileName)
                {
                    _matched++;
                    return;
                }
            }

            if (!_differs)
            {
                _differs = true;
                for (int i = 0; i < _matched; i++)
                {
                    _items.Add(_last[i]);
                }
            }

            _items.Add(new ConstantModel(name, text, fileName, index));
        }

        public EquatableArray<ConstantModel> ToArray()
        {
            if (IsLast)
            {
                return _last;
            }

            if (!_differs)
            {
                // Fewer than last time, all of them the same so far.
                for (int i = 0; i < _matched; i++)
                {
                    _items.Add(_last[i]);
                }
            }

            return new EquatableArray<ConstantModel>(_items.ToArray());
        }
    }
}
