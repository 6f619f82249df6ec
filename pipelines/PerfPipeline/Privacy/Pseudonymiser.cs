namespace PerfPipeline.Privacy;

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

/// <summary>
/// Replaces a person identifier with its pseudonym: the first 16 bytes of HMAC-SHA256(key, UTF-8 of the trimmed
/// identifier) as 32 lower-case hex characters. Stable for one key, unlinkable without it. Each distinct identifier
/// is hashed once and cached (short ones by their <see cref="PackedIdentifier"/>), so one instance serves one batch read;
/// not thread-safe.
/// </summary>
public sealed class Pseudonymiser : IDisposable
{
    /// <summary>Length of every pseudonym in characters.</summary>
    public const int Length = 32;

    private const int StackLimit = 256;

    private readonly HmacSha256 _hmac;
    private readonly Dictionary<ulong, string> _packedCache = [];
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Pseudonymiser(PseudonymisationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _hmac = new HmacSha256(key.Bytes);
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pseudonym of <paramref name="personId"/> (surrounding white space is not part of an identifier).</summary>
    public string Pseudonymise(ReadOnlySpan<char> personId)
    {
        personId = personId.Trim();
        if (PackedIdentifier.TryPack(personId, out var packed))
        {
            ref var pseudonym = ref CollectionsMarshal.GetValueRefOrAddDefault(_packedCache, packed, out _);
            return pseudonym ??= Hash(personId);
        }

        if (_lookup.TryGetValue(personId, out var cached))
        {
            return cached;
        }

        var created = Hash(personId);
        _lookup[personId] = created;
        return created;
    }

    public void Dispose() => _hmac.Dispose();

    private string Hash(ReadOnlySpan<char> personId)
    {
        var byteCount = Encoding.UTF8.GetMaxByteCount(personId.Length);
        byte[]? rented = null;
        var utf8 = byteCount <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(personId, utf8);
            Span<byte> hash = stackalloc byte[HmacSha256.HashBytes];
            _hmac.Compute(utf8[..written], hash);
            return Convert.ToHexStringLower(hash[..(Length / 2)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
