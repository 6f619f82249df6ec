namespace PerfPipeline.Generation.Profile;

/// <summary>
/// A flow target that can be taken apart by quarter: what is left of a year once one quarter is met, shared by
/// weight, and an ordinary quarter made busier or quieter, its rate higher or lower.
/// </summary>
internal interface IQuarterTarget<TSelf>
    where TSelf : IQuarterTarget<TSelf>
{
    /// <summary>The year's target less one quarter's.</summary>
    static abstract TSelf Less(TSelf year, TSelf quarter);

    /// <summary>
    /// Part <paramref name="part"/> of the whole parts of <paramref name="total"/>: volumes shared by each part's
    /// volume weight, the counts behind a rate by its volume times rate weight. The parts add up to the total.
    /// </summary>
    static abstract TSelf Part(TSelf total, IReadOnlyList<(double Volume, double Rate)> weights, int part);

    /// <summary>The target with its volumes times <paramref name="volume"/> and its rate times <paramref name="rate"/>.</summary>
    static abstract TSelf Vary(TSelf target, double volume, double rate);

    /// <summary>Part <paramref name="part"/> of <paramref name="total"/> shared by weight, by largest remainder (ties to the earlier part).</summary>
    static int Share(int total, IReadOnlyList<double> weights, int part)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToList();
        var floors = exact.Select(e => (int)Math.Floor(e)).ToList();
        var left = total - floors.Sum();
        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).ToList();
        return floors[part] + (order.IndexOf(part) < left ? 1 : 0);
    }

    static int Share(int total, IReadOnlyList<(double Volume, double Rate)> weights, int part, bool rate) =>
        Share(total, [.. weights.Select(w => rate ? w.Volume * w.Rate : w.Volume)], part);

    static int Scale(int value, double factor) => (int)Math.Round(value * factor, MidpointRounding.AwayFromZero);
}
