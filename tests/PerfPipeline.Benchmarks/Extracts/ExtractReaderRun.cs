namespace PerfPipeline.Benchmarks.Extracts;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Privacy;

/// <summary>
/// A quick measurement of reading, validating and pseudonymising one large batch with <see cref="ExtractReader"/>,
/// with referral ids in key order and shuffled: the best of three runs, wall-clock and CPU time (CPU time is steadier
/// when other work shares the machine), rows per second, bytes allocated and kept, and garbage collections. Three
/// warm-up reads come first, because on one core the runtime may still be compiling optimised code during the second
/// read; the first read's CPU time is printed too, as what a process reading one batch pays.
/// </summary>
internal static class ExtractReaderRun
{
    private const int Runs = 3;

    private const int WarmUps = 3;

    private readonly record struct Measurement(double WallSeconds, double CpuSeconds, long AllocatedBytes, long RetainedBytes, int Collections, double GcPauseSeconds);

    public static void Print(int rows)
    {
        Console.WriteLine("| rows | keys | CSV MB | first read CPU s | wall s | CPU s | rows/s (wall) | rows/s (CPU) | allocated MB | retained MB | gen0 GCs | GC pause s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var keysInOrder in new[] { true, false })
        {
            var root = Directory.CreateTempSubdirectory("perfpipeline-bench-").FullName;
            try
            {
                var bytes = LargeExtractBatch.Write(root, rows, keysInOrder);
                var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions { ExtractsRoot = root });
                var key = PseudonymisationKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                var reader = new ExtractReader(key, new FakeTimeProvider(new DateTimeOffset(2019, 10, 15, 0, 0, 0, TimeSpan.Zero)));
                var first = Measure(reader, source, rows);
                for (var warmUp = 1; warmUp < WarmUps; warmUp++)
                {
                    Measure(reader, source, rows);
                }

                var best = Enumerable.Range(0, Runs).Select(_ => Measure(reader, source, rows)).MinBy(m => m.CpuSeconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rows:N0} | {(keysInOrder ? "in order" : "shuffled")} | {bytes / 1048576.0:F0} | {first.CpuSeconds:F2} | {best.WallSeconds:F2} | {best.CpuSeconds:F2} | {rows / best.WallSeconds:N0} | {rows / best.CpuSeconds:N0} | {best.AllocatedBytes / 1048576.0:F0} | {best.RetainedBytes / 1048576.0:F0} | {best.Collections} | {best.GcPauseSeconds:F2} |"));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // Not inlined, so the batch read here is garbage once it returns and the next run starts from a clean heap.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Measurement Measure(ExtractReader reader, LocalFolderBatchSource source, int rows)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = GC.CollectionCount(0);
        var stopwatch = Stopwatch.StartNew();

        var batch = reader.ReadAsync(source, LargeExtractBatch.Location).GetAwaiter().GetResult();

        stopwatch.Stop();
        process.Refresh();
        var measurement = new Measurement(
            stopwatch.Elapsed.TotalSeconds,
            (process.TotalProcessorTime - cpuBefore).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            GC.GetTotalMemory(forceFullCollection: true) - heapBefore,
            GC.CollectionCount(0) - collectionsBefore,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds);
        if (batch.IsRejected || batch.Datasets[0].RowsAccepted != rows)
        {
            throw new InvalidOperationException($"The generated batch should be accepted whole: {batch.RejectionReason}");
        }

        return measurement;
    }
}
