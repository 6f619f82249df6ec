namespace PerfPipeline.Extracts;

using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

/// <summary>
/// Finds the packed primary keys (<see cref="Privacy.PackedIdentifier"/>) that occur more than once, without one hash
/// table as large as all the keys, whose every look-up would miss the processor's cache: the keys are first spread into
/// partitions by their top bits (packed keys are well mixed), then each partition is checked with a table small enough
/// to stay in the cache.
/// </summary>
internal static class RepeatedKeys
{
    private const int PartitionBits = 8;
    private const int Partitions = 1 << PartitionBits;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static HashSet<ulong> Find(ReadOnlySpan<ulong> keys)
    {
        var repeated = new HashSet<ulong>();
        var starts = new int[Partitions + 1];
        foreach (var key in keys)
        {
            starts[Partition(key) + 1]++;
        }

        for (var partition = 1; partition <= Partitions; partition++)
        {
            starts[partition] += starts[partition - 1];
        }

        var partitioned = ArrayPool<ulong>.Shared.Rent(keys.Length);
        try
        {
            var next = starts.AsSpan(0, Partitions).ToArray();
            foreach (var key in keys)
            {
                partitioned[next[Partition(key)]++] = key;
            }

            var table = Array.Empty<ulong>();
            for (var partition = 0; partition < Partitions; partition++)
            {
                var part = partitioned.AsSpan(starts[partition], starts[partition + 1] - starts[partition]);

                // At most half full; 0 marks a free slot, so the key 0 is tracked apart.
                var bits = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, part.Length * 2)));
                var slots = 1 << bits;
                if (table.Length < slots)
                {
                    table = new ulong[slots];
                }
                else
                {
                    Array.Clear(table, 0, slots);
                }

                var mask = slots - 1;
                var seenZero = false;
                foreach (var key in part)
                {
                    if (key == 0)
                    {
                        if (seenZero)
                        {
                            repeated.Add(key);
                        }

                        seenZero = true;
                        continue;
                    }

                    // The bits under the partition's own pick the slot.
                    var index = (int)(key >> (64 - PartitionBits - bits)) & mask;
                    while (table[index] != 0 && table[index] != key)
                    {
                        index = (index + 1) & mask;
                    }

                    if (table[index] == key)
                    {
                        repeated.Add(key);
                    }
                    else
                    {
                        table[index] = key;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(partitioned);
        }

        return repeated;
    }

    private static int Partition(ulong key) => (int)(key >> (64 - PartitionBits));
}
