namespace PerfPipeline.Privacy;

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Replaces a person identifier with its pseudonym: the first 16 bytes of HMAC-SHA256(key, UTF-8 of the trimmed
/// identifier) as 32 lower-case hex characters. Stable for one key, unlinkable without it. The framework computes the
/// HMAC (<see cref="IncrementalHash"/>, one keyed instance reused for every identifier); each distinct identifier is
/// hashed once and cached, so one instance serves one batch read. A batch read hashes on a <see cref="PseudonymWorker"/>:
/// a new identifier's pseudonym is then there only after <see cref="CatchUpAsync"/>. Not thread-safe.
/// </summary>
internal sealed class Pseudonymiser : IDisposable
{
    /// <summary>Length of every pseudonym in characters.</summary>
    public const int Length = 32;

    // Identifiers up to this many UTF-8 bytes are encoded on the stack.
    private const int StackBytes = 256;

    // One of the two: the hash computed as an identifier is enlisted, or on the worker.
    private readonly IncrementalHash? _hmac;
    private readonly PseudonymWorker? _worker;

    // Every distinct identifier gets a person number: its index in _pseudonyms.
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _peopleLookup;
    // Null until the worker has hashed the identifier.
    private readonly List<string?> _pseudonyms = [];

    /// <param name="hashOnWorker">Hash new identifiers on a worker of their own (a batch read) rather than as they are enlisted.</param>
    public Pseudonymiser(PseudonymisationKey key, bool hashOnWorker = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (hashOnWorker)
        {
            _worker = new PseudonymWorker(key);
        }
        else
        {
            _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Bytes);
        }

        _peopleLookup = _people.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pseudonym of <paramref name="personId"/> (surrounding white space is not part of an identifier).</summary>
    public string Pseudonymise(ReadOnlySpan<char> personId) => Pseudonym(Enlist(personId));

    /// <summary>Stops the worker, if any.</summary>
    public void Dispose()
    {
        _hmac?.Dispose();
        _worker?.Dispose();
    }

    /// <summary>
    /// The person number of <paramref name="personId"/> in this instance: the same for the same identifier, distinct for
    /// distinct ones; its pseudonym is <see cref="Pseudonym"/>. A reader keeps numbers rather than strings per cell.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Enlist(ReadOnlySpan<char> personId)
    {
        personId = personId.Trim();
        if (_peopleLookup.TryGetValue(personId, out var existing))
        {
            return existing;
        }

        var person = _pseudonyms.Count;
        if (_worker is null)
        {
            _pseudonyms.Add(Hash(_hmac!, personId));
        }
        else
        {
            _worker.Add(person, personId);
            _pseudonyms.Add(null);
        }

        _peopleLookup[personId] = person;
        return person;
    }

    /// <summary>
    /// Waits until the pseudonym of every person enlisted so far is known: once per file, when its last row is read. Throws
    /// when the worker failed or was stopped.
    /// </summary>
    internal Task CatchUpAsync(CancellationToken cancellationToken) =>
        _worker is null ? Task.CompletedTask : _worker.CatchUpAsync(_pseudonyms, cancellationToken);

    /// <summary>
    /// The pseudonym of <paramref name="personId"/> when this instance has met it, without enlisting it: lets a report
    /// replace a batch's identifiers wherever they turn up (a shifted column, a broken row) by their pseudonyms.
    /// </summary>
    internal bool TryFindPseudonym(ReadOnlySpan<char> personId, [NotNullWhen(true)] out string? pseudonym)
    {
        pseudonym = _peopleLookup.TryGetValue(personId.Trim(), out var person) ? Pseudonym(person) : null;
        return pseudonym is not null;
    }

    /// <summary>Makes room for <paramref name="people"/> more identifiers than are enlisted so far.</summary>
    internal void EnsureCapacity(int people)
    {
        _people.EnsureCapacity(_people.Count + people);
        _pseudonyms.EnsureCapacity(_pseudonyms.Count + people);
    }

    /// <summary>The pseudonym of a person number from <see cref="Enlist"/> (on a worker: enlisted before the last <see cref="CatchUpAsync"/>).</summary>
    internal string Pseudonym(int person) =>
        _pseudonyms[person] ?? throw new InvalidOperationException($"Person {person} is not hashed yet: a reader catches up with the worker before reading pseudonyms.");

    /// <summary>The pseudonym of an identifier's UTF-8 (zeroing it is the caller's).</summary>
    internal static string Hash(IncrementalHash hmac, ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.AppendData(utf8);
        hmac.GetHashAndReset(hash);
        var pseudonym = Convert.ToHexStringLower(hash[..(Length / 2)]);
        CryptographicOperations.ZeroMemory(hash);
        return pseudonym;
    }

    private static string Hash(IncrementalHash hmac, ReadOnlySpan<char> personId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(personId.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var written = Encoding.UTF8.GetBytes(personId, utf8);
            return Hash(hmac, utf8[..written]);
        }
        finally
        {
            // Identifiers in clear are kept no longer than needed.
            CryptographicOperations.ZeroMemory(utf8);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
