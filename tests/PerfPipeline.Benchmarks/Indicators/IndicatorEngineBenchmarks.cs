namespace PerfPipeline.Benchmarks.Indicators;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators;

/// <summary>
/// Every measure for every month, quarter and financial year of ten years of a large LA, at half and full
/// size (about 0.5M and 1M event rows), to show the cost grows about linearly with the rows.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IndicatorEngineBenchmarks
{
    private LaCaseData _data = null!;

    [Params(0.5, 1.0)]
    public double Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = LargeLaCaseData.Generate(Scale);
        Console.WriteLine($"// scale {Scale}: {LargeLaCaseData.EventRows(_data):N0} event rows, {LargeLaCaseData.SnapshotRows(_data):N0} snapshot rows, {IndicatorEngine.PeriodsTouched(_data).Count} periods");
    }

    // A fresh engine each time: an engine keeps what it prepared from a case data for its next call on the same data.
    [Benchmark]
    public IReadOnlyList<IndicatorValue> ComputeAll() => new IndicatorEngine().ComputeAll(_data);
}
