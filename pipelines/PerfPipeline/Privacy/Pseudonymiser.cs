namespace PerfPipeline.Privacy;

using System.Buffers;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// Replaces a person identifier with its pseudonym: the first 16 bytes of HMAC-SHA256(key, UTF-8 of the trimmed
/// identifier) as 32 lower-case hex characters. Stable for one key, unlinkable without it. Each distinct identifier
/// is hashed once and cached, so one instance serves one batch read; not thread-safe.
/// </summary>
public sealed class Pseudonymiser : IDisposable
{
    /// <summary>Length of every pseudonym in characters.</summary>
    public const int Length = 32;

    private const int StackLimit = 256;

    private readonly IncrementalHash _hmac;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Pseudonymiser(PseudonymisationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Bytes);
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pseudonym of <paramref name="personId"/> (surrounding white space is not part of an identifier).</summary>
    public string Pseudonymise(ReadOnlySpan<char> personId)
    {
        personId = personId.Trim();
        if (_lookup.TryGetValue(personId, out var cached))
        {
            return cached;
        }

        var pseudonym = Hash(personId);
        _lookup[personId] = pseudonym;
        return pseudonym;
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
            _hmac.AppendData(utf8[..written]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            _hmac.GetHashAndReset(hash);
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
