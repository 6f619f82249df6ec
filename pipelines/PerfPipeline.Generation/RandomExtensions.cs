namespace PerfPipeline.Generation;

/// <summary>Draws used throughout generation; all from one seeded <see cref="Random"/>, so output is reproducible.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>An integer in <paramref name="min"/> .. <paramref name="max"/>, both inclusive.</summary>
    public static int Between(this Random random, int min, int max) => random.Next(min, max + 1);

    public static DateOnly DateBetween(this Random random, DateOnly from, DateOnly to) =>
        DateOnly.FromDayNumber(random.Next(from.DayNumber, to.DayNumber + 1));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks by weight: <paramref name="choices"/> holds (item, weight) pairs.</summary>
    public static T Weighted<T>(this Random random, IReadOnlyList<(T Item, int Weight)> choices)
    {
        var total = 0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var draw = random.Next(total);
        foreach (var (item, weight) in choices)
        {
            if (draw < weight)
            {
                return item;
            }

            draw -= weight;
        }

        return choices[^1].Item;
    }
}
