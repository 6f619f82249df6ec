namespace PerfPipeline.Privacy;

using System.Numerics;
using System.Runtime.CompilerServices;

/// <summary>
/// A map from <see cref="PackedIdentifier"/> numbers to non-negative numbers: open addressing with each key beside its
/// value, so a look-up usually touches one cache line. Its own code rather than a <see cref="Dictionary{TKey, TValue}"/>
/// so that it runs optimised from the first call: the framework's dictionary code for these types is compiled
/// unoptimised first and a batch read calls it millions of times before tiered compilation replaces it. Packed numbers
/// are already well mixed, so their top bits pick the slot.
/// </summary>
internal sealed class PackedIdentifierMap
{
    private const int MinimumSlots = 16;

    private Slot[] _slots;
    private int _shift;
    private int _count;

    public PackedIdentifierMap()
    {
        _slots = new Slot[MinimumSlots];
        _shift = 64 - BitOperations.Log2(MinimumSlots);
    }

    /// <summary>
    /// The value of <paramref name="key"/> in <paramref name="existing"/> and true; when the key has none yet,
    /// <paramref name="value"/> is stored for it (and returned in <paramref name="existing"/>) and the result is false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool GetOrAdd(ulong key, int value, out int existing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var mask = _slots.Length - 1;
        for (var index = (int)(key >> _shift); ; index = (index + 1) & mask)
        {
            ref var slot = ref _slots[index];
            if (slot.ValuePlusOne == 0)
            {
                slot.Key = key;
                slot.ValuePlusOne = value + 1;
                existing = value;

                // At most half full, so probes stay short.
                if (++_count * 2 > _slots.Length)
                {
                    Grow();
                }

                return false;
            }

            if (slot.Key == key)
            {
                existing = slot.ValuePlusOne - 1;
                return true;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>, when it has one.</summary>
    public bool TryGet(ulong key, out int value)
    {
        var mask = _slots.Length - 1;
        for (var index = (int)(key >> _shift); ; index = (index + 1) & mask)
        {
            ref var slot = ref _slots[index];
            if (slot.ValuePlusOne == 0)
            {
                value = -1;
                return false;
            }

            if (slot.Key == key)
            {
                value = slot.ValuePlusOne - 1;
                return true;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.ValuePlusOne == 0)
            {
                continue;
            }

            var index = (int)(slot.Key >> _shift);
            while (_slots[index].ValuePlusOne != 0)
            {
                index = (index + 1) & mask;
            }

            _slots[index] = slot;
        }
    }

    // 0 in ValuePlusOne marks a free slot, so every key (0 included) can be stored.
    private struct Slot
    {
        public ulong Key;
        public int ValuePlusOne;
    }
}
