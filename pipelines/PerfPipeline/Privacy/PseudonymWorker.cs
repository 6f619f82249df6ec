namespace PerfPipeline.Privacy;

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

/// <summary>
/// Hashes a batch's new identifiers on a worker of its own, so that the reader goes on parsing while the keyed hash runs
/// on the other core: the reader hands each new identifier's UTF-8 over in chunks and never waits for a pseudonym
/// mid-file; once a file is read it waits once (<see cref="CatchUpAsync"/>) for the pseudonyms of every identifier it
/// handed over. Why: at scale 20 the hash was about half of the reader's 1.1 s on its first file (<c>ssd_person</c>,
/// 531,000 new identifiers) while the second core waited for that file to insert it; hashed here, the file is final
/// about 0.25 s sooner (0.8–0.9 s) and <c>run</c> ends about 0.17 s (2%) sooner at the median of seven alternating pairs
/// (<c>docs/performance.md</c>, "Step 7 at scale 20: pseudonyms hashed on the other core"). One consumer on a thread
/// of its own (its progress never waits for the thread pool, which the load's inserts use), one keyed
/// <see cref="IncrementalHash"/> reused as before; the other methods are called from the reader's thread only. A failure
/// of the worker surfaces from <see cref="CatchUpAsync"/>; disposing stops it.
/// </summary>
internal sealed class PseudonymWorker : IDisposable
{
    // A chunk is handed over at this many identifiers (about a millisecond of hashing) or when its bytes are full.
    private const int ChunkIdentifiers = 1024;
    private const int ChunkBytes = 16 * ChunkIdentifiers;

    private readonly IncrementalHash _hmac;
    private readonly BlockingCollection<Chunk> _toHash = [];
    private readonly Channel<Chunk> _hashed = Channel.CreateUnbounded<Chunk>(new() { SingleReader = true, SingleWriter = true });
    private readonly Task _worker;
    private Chunk? _filling;
    private int _handedOver;
    private volatile bool _disposed;

    public PseudonymWorker(PseudonymisationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Bytes);
        _worker = Task.Factory.StartNew(Hash, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues the (trimmed) identifier of <paramref name="person"/>, the person number after the last one queued.</summary>
    public void Add(int person, ReadOnlySpan<char> identifier)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var bytes = Encoding.UTF8.GetByteCount(identifier);
        if (_filling is null || !_filling.HasRoom(bytes))
        {
            HandOver();
            _filling = new Chunk(person, Math.Max(ChunkBytes, bytes));
        }

        _filling.Add(identifier);
    }

    /// <summary>
    /// Waits until every identifier queued is hashed and puts each pseudonym at its person number in
    /// <paramref name="pseudonyms"/>. Throws the worker's failure, or when the worker was stopped.
    /// </summary>
    public async Task CatchUpAsync(List<string?> pseudonyms, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        HandOver();
        while (_handedOver > 0)
        {
            if (!_hashed.Reader.TryRead(out var chunk))
            {
                if (!await _hashed.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // The worker ended before hashing everything: its failure, or that it was stopped.
                    await _worker.ConfigureAwait(false);
                    throw new InvalidOperationException("The pseudonym worker stopped before it hashed every identifier.");
                }

                continue;
            }

            chunk.CopyTo(pseudonyms);
            _handedOver--;
        }
    }

    /// <summary>
    /// Stops the worker (after the chunk it is hashing, about a millisecond), waits for it to let go of the key's hash,
    /// and zeroes the identifiers it did not hash.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _toHash.CompleteAdding();
        try
        {
            _worker.Wait();
        }
        catch (AggregateException)
        {
            // Failed: nothing waits for it any more.
        }

        _filling?.Forget();
        while (_toHash.TryTake(out var unhashed))
        {
            unhashed.Forget();
        }

        _toHash.Dispose();
        _hmac.Dispose();
    }

    private void HandOver()
    {
        if (_filling is { Count: > 0 })
        {
            _toHash.Add(_filling);
            _handedOver++;
            _filling = null;
        }
    }

    private void Hash()
    {
        try
        {
            foreach (var chunk in _toHash.GetConsumingEnumerable())
            {
                if (_disposed)
                {
                    chunk.Forget();
                    break;
                }

                chunk.Hash(_hmac);
                _hashed.Writer.TryWrite(chunk);
            }
        }
        finally
        {
            // However the worker ends, a catch-up waiting for it learns so rather than waiting for ever.
            _hashed.Writer.TryComplete();
        }
    }

    /// <summary>The UTF-8 of consecutive people's identifiers, then their pseudonyms.</summary>
    private sealed class Chunk(int firstPerson, int bytes)
    {
        private readonly byte[] _utf8 = new byte[bytes];
        private readonly int[] _ends = new int[ChunkIdentifiers];
        private readonly string[] _pseudonyms = new string[ChunkIdentifiers];
        private int _used;

        public int Count { get; private set; }

        public bool HasRoom(int bytes) => Count < ChunkIdentifiers && _used + bytes <= _utf8.Length;

        public void Add(ReadOnlySpan<char> identifier)
        {
            _used += Encoding.UTF8.GetBytes(identifier, _utf8.AsSpan(_used));
            _ends[Count++] = _used;
        }

        public void Hash(IncrementalHash hmac)
        {
            try
            {
                var start = 0;
                for (var i = 0; i < Count; i++)
                {
                    _pseudonyms[i] = Pseudonymiser.Hash(hmac, _utf8.AsSpan(start, _ends[i] - start));
                    start = _ends[i];
                }
            }
            finally
            {
                // Identifiers in clear are kept no longer than needed: the copies end here, not whenever the collector
                // reuses their memory.
                Forget();
            }
        }

        public void Forget() => CryptographicOperations.ZeroMemory(_utf8);

        public void CopyTo(List<string?> pseudonyms)
        {
            for (var i = 0; i < Count; i++)
            {
                pseudonyms[firstPerson + i] = _pseudonyms[i];
            }
        }
    }
}
