using System;
using System.Collections.Generic;
using System.Linq;
using CorpusGen.Models;

namespace CorpusGen.Indexing;

/// <summary>
/// The inputs of the index shards: each shard's slices of every document, in corpus order. After a one-file edit
/// only the shards whose slice of that file changed get a new input; the others keep the previous run's (the same
/// object, so the driver compares them in constant time and allocates nothing for them). A kept input may still
/// point at the file's previous summary, whose slice for that shard is equal item for item, so the shard builds the
/// same. Anything else than one file changed in place (headline counts moved, another shard or slot count, other options)
/// cuts every shard again.
/// </summary>
internal static class ShardPlanner
{
    public static (EquatableArray<ShardInput> Headlines, EquatableArray<ShardInput> Words) Plan(
        ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart, int headlineBits, int headlineSlotBits, int wordBits)
    {
        var memo = RunMemo<Memo>.Find(documents) ?? new Memo();
        lock (memo)
        {
            var result = memo.Update(info, documents, headlineStart, headlineBits, headlineSlotBits, wordBits);
            RunMemo<Memo>.Register(documents, memo);
            return result;
        }
    }

    private sealed class Memo
    {
        private readonly Kind _headlines = new(words: false);
        private readonly Kind _words = new(words: true);
        private DocumentSummary[] _documents = Array.Empty<DocumentSummary>();
        private int[] _headlineStart = Array.Empty<int>();
        private ClassInfo? _info;

        public (EquatableArray<ShardInput> Headlines, EquatableArray<ShardInput> Words) Update(
            ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart, int headlineBits, int headlineSlotBits, int wordBits)
        {
            int edited = Edited(info, documents, headlineStart);
            var result = (
                _headlines.Update(info, documents, headlineStart, headlineBits, headlineSlotBits, edited, _documents),
                _words.Update(info, documents, headlineStart, wordBits, 0, edited, _documents));
            _documents = documents.ToArray();
            _headlineStart = headlineStart;
            _info = info;
            return result;
        }

        /// <summary>The one document that differs from the previous run's (see <see cref="RunMemo.EditedDocument"/>).</summary>
        private int Edited(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart) =>
            info.Equals(_info) && headlineStart.AsSpan().SequenceEqual(_headlineStart)
                ? RunMemo.EditedDocument(_documents, documents)
                : RunMemo.ManyEdited;
    }

    /// <summary>The shard inputs of the headline index or of the word index.</summary>
    private sealed class Kind
    {
        private readonly bool _words;
        private int _bits = -1;
        private int _slotBits = -1;
        private ShardInput[] _inputs = Array.Empty<ShardInput>();
        private EquatableArray<ShardInput> _result;

        public Kind(bool words) => _words = words;

        public EquatableArray<ShardInput> Update(
            ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart, int bits, int slotBits, int edited, DocumentSummary[] previous)
        {
            if (edited == RunMemo.ManyEdited || bits != _bits || slotBits != _slotBits)
            {
                _bits = bits;
                _slotBits = slotBits;
                _inputs = All(info, documents, headlineStart, bits, slotBits);
                _result = new EquatableArray<ShardInput>(_inputs);
                return _result;
            }

            if (edited == RunMemo.NoneEdited)
            {
                return _result;
            }

            ShardInput[]? inputs = null;
            for (int s = 0; s < _inputs.Length; s++)
            {
                var before = SliceOf(previous[edited], headlineStart[edited], bits, s);
                var after = SliceOf(documents[edited], headlineStart[edited], bits, s);
                if (before.HasValue == after.HasValue && (!before.HasValue || before.Value.Equals(after!.Value)))
                {
                    continue;
                }

                // A new array, so that the previous run's result stays as it was.
                inputs ??= (ShardInput[])_inputs.Clone();
                inputs[s] = One(info, documents, headlineStart, bits, slotBits, s);
            }

            if (inputs is not null)
            {
                _inputs = inputs;
                _result = new EquatableArray<ShardInput>(inputs);
            }

            return _result;
        }

        /// <summary>A document's slice of shard <paramref name="shard"/>, or null when it has nothing there.</summary>
        private DocumentSlice? SliceOf(DocumentSummary summary, int headlineBase, int bits, int shard)
        {
            var partitions = _words ? summary.WordPartitions : summary.HeadlinePartitions;
            int perShard = 1 << (DocumentSummary.PartitionBits - bits);
            int start = partitions[shard * perShard];
            int end = partitions[(shard + 1) * perShard];
            return end > start ? new DocumentSlice(summary, _words, headlineBase, start, end) : null;
        }

        private ShardInput One(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart, int bits, int slotBits, int shard)
        {
            var slices = new List<DocumentSlice>();
            for (int d = 0; d < documents.Count; d++)
            {
                if (SliceOf(documents[d], headlineStart[d], bits, shard) is { } slice)
                {
                    slices.Add(slice);
                }
            }

            return new ShardInput(info, bits, slotBits, shard, new EquatableArray<DocumentSlice>(slices.ToArray()));
        }

        /// <summary>Every shard's input, from nothing.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Jit.Hot)]
        private ShardInput[] All(ClassInfo info, IReadOnlyList<DocumentSummary> documents, int[] headlineStart, int bits, int slotBits)
        {
            bool words = _words;
            int shards = 1 << bits;
            int partitionsPerShard = 1 << (DocumentSummary.PartitionBits - bits);

            // Counted first, so that each shard's slices go straight into an array of their number.
            var counts = new int[shards];
            foreach (var summary in documents)
            {
                var partitions = words ? summary.WordPartitions : summary.HeadlinePartitions;
                for (int s = 0; s < shards; s++)
                {
                    if (partitions[(s + 1) * partitionsPerShard] > partitions[s * partitionsPerShard])
                    {
                        counts[s]++;
                    }
                }
            }

            var slices = new DocumentSlice[shards][];
            for (int s = 0; s < shards; s++)
            {
                slices[s] = new DocumentSlice[counts[s]];
                counts[s] = 0;
            }

            for (int d = 0; d < documents.Count; d++)
            {
                var summary = documents[d];
                var partitions = words ? summary.WordPartitions : summary.HeadlinePartitions;
                for (int s = 0; s < shards; s++)
                {
                    int start = partitions[s * partitionsPerShard];
                    int end = partitions[(s + 1) * partitionsPerShard];
                    if (end > start)
                    {
                        slices[s][counts[s]++] = new DocumentSlice(summary, words, headlineStart[d], start, end);
                    }
                }
            }

            var inputs = new ShardInput[shards];
            for (int s = 0; s < shards; s++)
            {
                inputs[s] = new ShardInput(info, bits, slotBits, s, new EquatableArray<DocumentSlice>(slices[s]));
            }

            return inputs;
        }
    }
}
