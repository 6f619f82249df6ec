namespace PerfPipeline.Benchmarks.Indicators;

using System.Diagnostics;
using System.Globalization;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

/// <summary>
/// A quick measurement of the indicator pass over <see cref="LargeLaCaseData"/>, the best of five runs per scale and
/// pass, wall-clock and CPU time (CPU time is steadier when other work shares the machine): the LA's figures
/// (<see cref="IndicatorEngine.ComputeAll"/>), the figures by team with the work list (<see cref="TeamFigures.Compute(LaCaseData, IndicatorEngine, WorkListBuilder)"/>),
/// and both as a load runs them: the team pass on the other core, sharing one engine's preparation.
/// </summary>
internal static class IndicatorEngineRun
{
    private const int Runs = 5;

    private static readonly (string Name, Func<LaCaseData, int> Run)[] Passes =
    [
        ("LA", static data => new IndicatorEngine().ComputeAll(data).Count),
        ("teams + work list", static data =>
        {
            var figures = TeamFigures.Compute(data, new IndicatorEngine(), new WorkListBuilder());
            return figures.Values.Count + figures.WorkList.Items.Count;
        }),
        ("load (both at once)", static data =>
        {
            // As WarehouseLoad: one engine, the figures by team on the other core while the LA's are computed.
            var engine = new IndicatorEngine();
            var teams = Task.Run(() => TeamFigures.Compute(data, engine, new WorkListBuilder()));
            var la = engine.ComputeAll(data);
            var figures = teams.GetAwaiter().GetResult();
            return la.Count + figures.Values.Count + figures.WorkList.Items.Count;
        }),
    ];

    public static void Print(IEnumerable<double> scales)
    {
        _ = WorkingDayCalendar.EnglandAndWales; // built once per process, not part of a run
        Console.WriteLine("| scale | event rows | snapshot rows | periods | pass | values (+ work items) | wall s (best of 5) | CPU s (best of 5) | allocated MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var scale in scales)
        {
            var data = LargeLaCaseData.Generate(scale);
            foreach (var (name, pass) in Passes)
            {
                pass(data); // warm-up: JIT
                double bestWall = double.MaxValue, bestCpu = double.MaxValue;
                long allocated = 0;
                var values = 0;
                for (var run = 0; run < Runs; run++)
                {
                    GC.Collect();
                    var process = Process.GetCurrentProcess();
                    var cpuBefore = process.TotalProcessorTime;
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var stopwatch = Stopwatch.StartNew();

                    // A fresh engine each run: an engine keeps what it prepared from a case data for its next call on it.
                    values = pass(data);
                    stopwatch.Stop();
                    process.Refresh();
                    bestWall = Math.Min(bestWall, stopwatch.Elapsed.TotalSeconds);
                    bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                }

                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {scale} | {LargeLaCaseData.EventRows(data):N0} | {LargeLaCaseData.SnapshotRows(data):N0} | {IndicatorEngine.PeriodsTouched(data).Count} | {name} | {values:N0} | {bestWall:F2} | {bestCpu:F2} | {allocated / 1048576.0:F0} |"));
            }
        }
    }
}
