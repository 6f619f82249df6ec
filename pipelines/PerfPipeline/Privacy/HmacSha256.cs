namespace PerfPipeline.Privacy;

using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

/// <summary>
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) for many short messages under one key. The key's inner and outer blocks are
/// compressed once, so an identifier of up to 55 bytes costs two SHA-256 compressions and no call into the platform's
/// crypto library, which costs more per call than the hash itself for messages this short. <see cref="ComputeMany"/>
/// hashes eight such messages at once, one per vector lane. Checked against <see cref="HMACSHA256"/> by the tests.
/// <see cref="Dispose"/> clears the key's state.
/// </summary>
internal sealed class HmacSha256 : IDisposable
{
    public const int BlockBytes = 64;

    public const int HashBytes = 32;

    // The longest message whose inner hash is one block: the block also holds the 0x80 byte and the 8-byte length.
    private const int MaxOneBlockMessage = BlockBytes - 1 - sizeof(ulong);

    private static readonly int Lanes = Vector256<uint>.Count;

    private static readonly uint[] InitialState =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    // The SHA-256 states after the key XOR ipad and the key XOR opad blocks.
    private readonly uint[] _innerState = new uint[8];
    private readonly uint[] _outerState = new uint[8];

    public HmacSha256(ReadOnlySpan<byte> key)
    {
        Span<byte> keyBlock = stackalloc byte[BlockBytes];
        keyBlock.Clear();
        if (key.Length > BlockBytes)
        {
            SHA256.HashData(key, keyBlock);
        }
        else
        {
            key.CopyTo(keyBlock);
        }

        Span<byte> padded = stackalloc byte[BlockBytes];
        InitialState.CopyTo(_innerState, 0);
        Pad(keyBlock, 0x36, padded);
        Compress(_innerState, padded);
        InitialState.CopyTo(_outerState, 0);
        Pad(keyBlock, 0x5c, padded);
        Compress(_outerState, padded);
        CryptographicOperations.ZeroMemory(keyBlock);
        CryptographicOperations.ZeroMemory(padded);
    }

    /// <summary>Writes the 32-byte HMAC of <paramref name="message"/> to <paramref name="hash"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hash.Length, HashBytes, nameof(hash));
        Span<uint> state = stackalloc uint[8];
        Span<byte> block = stackalloc byte[BlockBytes];

        // Inner hash: the key's inner block, then the message, padded; its length counts the key block.
        _innerState.CopyTo(state);
        var rest = message;
        while (rest.Length >= BlockBytes)
        {
            Compress(state, rest[..BlockBytes]);
            rest = rest[BlockBytes..];
        }

        block.Clear();
        rest.CopyTo(block);
        block[rest.Length] = 0x80;
        if (rest.Length >= BlockBytes - sizeof(ulong))
        {
            Compress(state, block);
            block.Clear();
        }

        BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - sizeof(ulong))..], (ulong)(BlockBytes + message.Length) * 8);
        Compress(state, block);

        // Outer hash: the key's outer block, then the 32-byte inner hash, padded.
        block.Clear();
        WriteBigEndian(state, block);
        block[HashBytes] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - sizeof(ulong))..], (BlockBytes + HashBytes) * 8);
        _outerState.CopyTo(state);
        Compress(state, block);
        WriteBigEndian(state, hash);
    }

    /// <summary>
    /// Writes the HMAC of each of <paramref name="messages"/> (ranges of <paramref name="bytes"/>) to <paramref name="hashes"/>,
    /// 32 bytes each, in order. Messages of up to 55 bytes are hashed eight at a time when the processor has 256-bit vectors.
    /// </summary>
    public void ComputeMany(ReadOnlySpan<byte> bytes, ReadOnlySpan<Range> messages, Span<byte> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, messages.Length * HashBytes, nameof(hashes));
        var first = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; first + Lanes <= messages.Length; first += Lanes)
            {
                var group = messages.Slice(first, Lanes);
                if (!AllFitOneBlock(bytes, group))
                {
                    break;
                }

                ComputeLanes(bytes, group, hashes.Slice(first * HashBytes, Lanes * HashBytes));
            }
        }

        for (var i = first; i < messages.Length; i++)
        {
            Compute(bytes[messages[i]], hashes.Slice(i * HashBytes, HashBytes));
        }
    }

    public void Dispose()
    {
        Array.Clear(_innerState);
        Array.Clear(_outerState);
    }

    private static bool AllFitOneBlock(ReadOnlySpan<byte> bytes, ReadOnlySpan<Range> group)
    {
        foreach (var message in group)
        {
            if (message.GetOffsetAndLength(bytes.Length).Length > MaxOneBlockMessage)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One HMAC per vector lane: the inner and the outer hash are one block each.</summary>
    // Optimised from the first call: a batch hashes its identifiers in one call, too long a loop to start unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeLanes(ReadOnlySpan<byte> bytes, ReadOnlySpan<Range> group, Span<byte> hashes)
    {
        var lanes = group.Length;
        Span<uint> words = stackalloc uint[16 * Vector256<uint>.Count];
        Span<byte> block = stackalloc byte[BlockBytes];
        for (var lane = 0; lane < lanes; lane++)
        {
            var message = bytes[group[lane]];
            block.Clear();
            message.CopyTo(block);
            block[message.Length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - sizeof(ulong))..], (ulong)(BlockBytes + message.Length) * 8);
            for (var word = 0; word < 16; word++)
            {
                words[(word * lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(word * 4)..]);
            }
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        Span<Vector256<uint>> schedule = stackalloc Vector256<uint>[64];
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector256.Create(_innerState[i]);
        }

        for (var word = 0; word < 16; word++)
        {
            schedule[word] = Vector256.Create<uint>(words.Slice(word * lanes, lanes));
        }

        CompressLanes(state, schedule);

        // The outer block: the inner hashes, 0x80, zeros and the length of key block plus inner hash in bits.
        for (var i = 0; i < 8; i++)
        {
            schedule[i] = state[i];
            state[i] = Vector256.Create(_outerState[i]);
        }

        schedule[8] = Vector256.Create(0x80000000u);
        for (var word = 9; word < 15; word++)
        {
            schedule[word] = Vector256<uint>.Zero;
        }

        schedule[15] = Vector256.Create((uint)(BlockBytes + HashBytes) * 8);
        CompressLanes(state, schedule);

        for (var i = 0; i < 8; i++)
        {
            state[i].CopyTo(words[(i * lanes)..]);
        }

        for (var lane = 0; lane < lanes; lane++)
        {
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(hashes[((lane * HashBytes) + (i * 4))..], words[(i * lanes) + lane]);
            }
        }
    }

    private static Vector256<uint> RotateRight(Vector256<uint> value, int bits) =>
        Vector256.ShiftRightLogical(value, bits) | Vector256.ShiftLeft(value, 32 - bits);

    /// <summary>The SHA-256 compression of <see cref="Compress"/>, on eight independent states at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CompressLanes(Span<Vector256<uint>> state, Span<Vector256<uint>> schedule)
    {
        for (var i = 16; i < 64; i++)
        {
            Vector256<uint> w15 = schedule[i - 15], w2 = schedule[i - 2];
            var s0 = RotateRight(w15, 7) ^ RotateRight(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3);
            var s1 = RotateRight(w2, 17) ^ RotateRight(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10);
            schedule[i] = schedule[i - 16] + s0 + schedule[i - 7] + s1;
        }

        Vector256<uint> a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var i = 0; i < 64; i++)
        {
            var sum1 = RotateRight(e, 6) ^ RotateRight(e, 11) ^ RotateRight(e, 25);
            var t1 = h + sum1 + ((e & f) ^ Vector256.AndNot(g, e)) + Vector256.Create(k[i]) + schedule[i];
            var sum0 = RotateRight(a, 2) ^ RotateRight(a, 13) ^ RotateRight(a, 22);
            var t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    private static void Pad(ReadOnlySpan<byte> keyBlock, byte pad, Span<byte> padded)
    {
        for (var i = 0; i < BlockBytes; i++)
        {
            padded[i] = (byte)(keyBlock[i] ^ pad);
        }
    }

    private static void WriteBigEndian(ReadOnlySpan<uint> state, Span<byte> destination)
    {
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 4)..], state[i]);
        }
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> schedule = stackalloc uint[64];
        for (var i = 0; i < 16; i++)
        {
            schedule[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        }

        for (var i = 16; i < 64; i++)
        {
            uint w15 = schedule[i - 15], w2 = schedule[i - 2];
            var s0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            var s1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            schedule[i] = schedule[i - 16] + s0 + schedule[i - 7] + s1;
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        var k = RoundConstants;
        for (var i = 0; i < 64; i++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var t1 = h + sum1 + ((e & f) ^ (~e & g)) + k[i] + schedule[i];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
