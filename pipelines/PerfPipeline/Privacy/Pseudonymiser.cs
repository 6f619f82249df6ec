namespace PerfPipeline.Privacy;

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Replaces a person identifier with its pseudonym: the first 16 bytes of HMAC-SHA256(key, UTF-8 of the trimmed
/// identifier) as 32 lower-case hex characters. Stable for one key, unlinkable without it. Each distinct identifier
/// is hashed once and cached (short ones by their <see cref="PackedIdentifier"/>), so one instance serves one batch read;
/// not thread-safe. A reader of many rows enlists identifiers as it meets them and hashes them together afterwards,
/// several at a time (<see cref="Enlist"/>, <see cref="HashPending"/>, <see cref="Pseudonym"/>).
/// </summary>
public sealed class Pseudonymiser : IDisposable
{
    /// <summary>Length of every pseudonym in characters.</summary>
    public const int Length = 32;

    private const int StackHashes = 8;

    private const string HexDigits = "0123456789abcdef";

    private readonly HmacSha256 _hmac;

    // Every distinct identifier gets a person number: its index in _pseudonyms, null until hashed.
    private readonly PackedIdentifierMap _packedPeople = new();
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _peopleLookup;
    private readonly List<string?> _pseudonyms = [];

    // The UTF-8 of the identifiers enlisted but not hashed yet, in person number order.
    private readonly ArrayBufferWriter<byte> _pendingBytes = new();
    private readonly List<Range> _pending = [];

    public Pseudonymiser(PseudonymisationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _hmac = new HmacSha256(key.Bytes);
        _peopleLookup = _people.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pseudonym of <paramref name="personId"/> (surrounding white space is not part of an identifier).</summary>
    public string Pseudonymise(ReadOnlySpan<char> personId)
    {
        var person = Enlist(personId);
        HashPending();
        return Pseudonym(person);
    }

    public void Dispose()
    {
        _pendingBytes.Clear();
        _hmac.Dispose();
    }

    /// <summary>
    /// The person number of <paramref name="personId"/> in this instance: the same for the same identifier, distinct for
    /// distinct ones. Its pseudonym is <see cref="Pseudonym"/> once <see cref="HashPending"/> has run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Enlist(ReadOnlySpan<char> personId)
    {
        personId = personId.Trim();
        if (PackedIdentifier.TryPack(personId, out var packed))
        {
            if (!_packedPeople.GetOrAdd(packed, _pseudonyms.Count, out var person))
            {
                AddPending(personId);
            }

            return person;
        }

        if (_peopleLookup.TryGetValue(personId, out var existing))
        {
            return existing;
        }

        var added = AddPending(personId);
        _peopleLookup[personId] = added;
        return added;
    }

    /// <summary>Hashes every identifier enlisted since the last call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void HashPending()
    {
        var count = _pending.Count;
        if (count == 0)
        {
            return;
        }

        var bytes = count * HmacSha256.HashBytes;
        byte[]? rented = null;
        var hashes = count <= StackHashes ? stackalloc byte[StackHashes * HmacSha256.HashBytes] : (rented = ArrayPool<byte>.Shared.Rent(bytes));
        try
        {
            _hmac.ComputeMany(_pendingBytes.WrittenSpan, CollectionsMarshal.AsSpan(_pending), hashes);
            var first = _pseudonyms.Count - count;
            for (var i = 0; i < count; i++)
            {
                _pseudonyms[first + i] = ToHexLower(hashes.Slice(i * HmacSha256.HashBytes, Length / 2));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(hashes[..bytes]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            // Identifiers in clear are kept no longer than needed.
            _pendingBytes.Clear();
            _pending.Clear();
        }
    }

    /// <summary>
    /// The pseudonym of <paramref name="personId"/> when this instance has met and hashed it, without enlisting it: lets a
    /// report replace a batch's identifiers wherever they turn up (a shifted column, a broken row) by their pseudonyms.
    /// </summary>
    internal bool TryFindPseudonym(ReadOnlySpan<char> personId, [NotNullWhen(true)] out string? pseudonym)
    {
        personId = personId.Trim();
        pseudonym = null;
        int person;
        if (PackedIdentifier.TryPack(personId, out var packed))
        {
            if (!_packedPeople.TryGet(packed, out person))
            {
                return false;
            }
        }
        else if (!_peopleLookup.TryGetValue(personId, out person))
        {
            return false;
        }

        pseudonym = _pseudonyms[person];
        return pseudonym is not null;
    }

    /// <summary>The pseudonym of a person number from <see cref="Enlist"/>, after <see cref="HashPending"/>.</summary>
    internal string Pseudonym(int person) =>
        _pseudonyms[person] ?? throw new InvalidOperationException("The identifier was enlisted but not hashed yet.");

    // As Convert.ToHexStringLower, but compiled optimised from the first of the many calls a batch makes.
    private static string ToHexLower(ReadOnlySpan<byte> bytes) =>
        string.Create(bytes.Length * 2, bytes, [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[2 * i] = HexDigits[source[i] >> 4];
                chars[(2 * i) + 1] = HexDigits[source[i] & 0xF];
            }
        });

    private int AddPending(ReadOnlySpan<char> personId)
    {
        var start = _pendingBytes.WrittenCount;
        var written = Encoding.UTF8.GetBytes(personId, _pendingBytes.GetSpan(Encoding.UTF8.GetMaxByteCount(personId.Length)));
        _pendingBytes.Advance(written);
        _pending.Add(start..(start + written));
        _pseudonyms.Add(null);
        return _pseudonyms.Count - 1;
    }
}
