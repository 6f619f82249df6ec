namespace PerfPipeline.Privacy;

using System.Runtime.CompilerServices;

/// <summary>
/// Packs a short identifier (up to nine ASCII characters, none of them NUL: most person and record ids) into a
/// 64-bit number, so that a cache or duplicate check over millions of them compares numbers in place instead of
/// following a reference to each string. Distinct identifiers always pack to distinct numbers.
/// </summary>
internal static class PackedIdentifier
{
    public const int MaxLength = 9;

    // Odd, so multiplying by it is a bijection on 64-bit numbers; it spreads the packed characters over all the bits
    // the hash of a number is folded from.
    private const ulong Spread = 0x9E3779B97F4A7C15;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPack(ReadOnlySpan<char> identifier, out ulong packed)
    {
        packed = 0;
        if (identifier.Length > MaxLength)
        {
            return false;
        }

        // Seven bits a character, first character highest; as no character is 0, lengths cannot collide.
        foreach (var c in identifier)
        {
            if (c - 1u > 126u)
            {
                return false;
            }

            packed = (packed << 7) | c;
        }

        packed *= Spread;
        return true;
    }
}
