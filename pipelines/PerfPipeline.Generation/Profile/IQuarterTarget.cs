namespace PerfPipeline.Generation.Profile;

/// <summary>A flow target that can be taken apart by quarter: what is left of a year once one quarter is met, split evenly.</summary>
internal interface IQuarterTarget<TSelf>
    where TSelf : IQuarterTarget<TSelf>
{
    /// <summary>The year's target less one quarter's.</summary>
    static abstract TSelf Less(TSelf year, TSelf quarter);

    /// <summary>Part <paramref name="part"/> of <paramref name="parts"/> near-equal whole parts (larger parts first).</summary>
    static abstract TSelf Part(TSelf total, int part, int parts);

    static int Split(int total, int part, int parts) => (total / parts) + (part < total % parts ? 1 : 0);
}
