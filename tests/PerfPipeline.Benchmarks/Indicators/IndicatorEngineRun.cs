namespace PerfPipeline.Benchmarks.Indicators;

using System.Diagnostics;
using System.Globalization;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;

/// <summary>
/// A quick measurement of <see cref="IndicatorEngine.ComputeAll"/> over <see cref="LargeLaCaseData"/>: the best of
/// five runs per scale, wall-clock and CPU time (CPU time is steadier when other work shares the machine).
/// </summary>
internal static class IndicatorEngineRun
{
    private const int Runs = 5;

    public static void Print(IEnumerable<double> scales)
    {
        _ = WorkingDayCalendar.EnglandAndWales; // built once per process, not part of a run
        Console.WriteLine("| scale | event rows | snapshot rows | periods | values | wall s (best of 5) | CPU s (best of 5) | event rows/s | allocated MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var scale in scales)
        {
            var data = LargeLaCaseData.Generate(scale);
            new IndicatorEngine().ComputeAll(data); // warm-up: JIT
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
                values = new IndicatorEngine().ComputeAll(data).Count;
                stopwatch.Stop();
                process.Refresh();
                bestWall = Math.Min(bestWall, stopwatch.Elapsed.TotalSeconds);
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            }

            var rows = LargeLaCaseData.EventRows(data);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {scale} | {rows:N0} | {LargeLaCaseData.SnapshotRows(data):N0} | {IndicatorEngine.PeriodsTouched(data).Count} | {values:N0} | {bestWall:F2} | {bestCpu:F2} | {rows / bestWall:N0} | {allocated / 1048576.0:F0} |"));
        }
    }
}
