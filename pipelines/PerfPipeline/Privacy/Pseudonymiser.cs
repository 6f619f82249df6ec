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
/// hashed once and cached, so one instance serves one batch read. Not thread-safe.
/// </summary>
internal sealed class Pseudonymiser : IDisposable
{
    /// <summary>Length of every pseudonym in characters.</summary>
    public const int Length = 32;

    // Identifiers up to this many UTF-8 bytes are encoded on the stack.
    private const int StackBytes = 256;

    private readonly IncrementalHash _hmac;

    // Every distinct identifier gets a person number: its index in _pseudonyms.
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _peopleLookup;
    private readonly List<string> _pseudonyms = [];

    public Pseudonymiser(PseudonymisationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Bytes);
        _peopleLookup = _people.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pseudonym of <paramref name="personId"/> (surrounding white space is not part of an identifier).</summary>
    public string Pseudonymise(ReadOnlySpan<char> personId) => Pseudonym(Enlist(personId));

    public void Dispose() => _hmac.Dispose();

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
        _pseudonyms.Add(Hash(personId));
        _peopleLookup[personId] = person;
        return person;
    }

    /// <summary>
    /// The pseudonym of <paramref name="personId"/> when this instance has met it, without enlisting it: lets a report
    /// replace a batch's identifiers wherever they turn up (a shifted column, a broken row) by their pseudonyms.
    /// </summary>
    internal bool TryFindPseudonym(ReadOnlySpan<char> personId, [NotNullWhen(true)] out string? pseudonym)
    {
        pseudonym = _peopleLookup.TryGetValue(personId.Trim(), out var person) ? _pseudonyms[person] : null;
        return pseudonym is not null;
    }

    /// <summary>Makes room for <paramref name="people"/> more identifiers than are enlisted so far.</summary>
    internal void EnsureCapacity(int people)
    {
        _people.EnsureCapacity(_people.Count + people);
        _pseudonyms.EnsureCapacity(_pseudonyms.Count + people);
    }

    /// <summary>The pseudonym of a person number from <see cref="Enlist"/>.</summary>
    internal string Pseudonym(int person) => _pseudonyms[person];

    private string Hash(ReadOnlySpan<char> personId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(personId.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            var written = Encoding.UTF8.GetBytes(personId, utf8);
            _hmac.AppendData(utf8[..written]);
            _hmac.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash[..(Length / 2)]);
        }
        finally
        {
            // Identifiers in clear are kept no longer than needed.
            CryptographicOperations.ZeroMemory(utf8);
            CryptographicOperations.ZeroMemory(hash);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
