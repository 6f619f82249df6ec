namespace PerfPipeline.Benchmarks.Serve;

using System.Diagnostics;

/// <summary>What a load run measured: responses, those not 200, wall time, and every latency (Stopwatch ticks, sorted).</summary>
internal sealed record HttpLoadResult(int Requests, int NotOk, TimeSpan Elapsed, IReadOnlyList<long> SortedLatencies, long BodyBytes)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>The latency below which <paramref name="fraction"/> of requests finished, in milliseconds.</summary>
    public double PercentileMilliseconds(double fraction) =>
        SortedLatencies.Count == 0 ? 0 : Milliseconds(SortedLatencies[Math.Min(SortedLatencies.Count - 1, (int)Math.Ceiling(fraction * SortedLatencies.Count) - 1)]);

    public double MaxMilliseconds => SortedLatencies.Count == 0 ? 0 : Milliseconds(SortedLatencies[^1]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
