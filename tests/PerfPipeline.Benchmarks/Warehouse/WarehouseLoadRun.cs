namespace PerfPipeline.Benchmarks.Warehouse;

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using PerfPipeline.Extracts;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// A quick measurement of the SQLite warehouse load alone: a batch of generated referrals built in memory (as the
/// reader would hand it over, person keys already pseudonyms) loaded into a fresh, migrated file in one transaction,
/// then loaded again as a newer batch that supersedes it (delete and insert). Indicators are not computed. Best of
/// three runs: wall-clock and CPU seconds, rows per second, bytes allocated, and the file's size.
/// </summary>
internal static class WarehouseLoadRun
{
    private const int Runs = 3;

    private static readonly DateOnly AsAt = new(2019, 9, 30);

    private readonly record struct Measurement(double WallSeconds, double CpuSeconds, long AllocatedBytes, long FileBytes);

    public static void Print(int rows)
    {
        var first = Batch(rows, AsAt);
        var newer = Batch(rows, AsAt.AddMonths(1).AddDays(1));
        Console.WriteLine("| rows | load | wall s | CPU s | rows/s (wall) | rows/s (CPU) | allocated MB | file MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Measure(first, newer); // warm-up: JIT
        var runs = Enumerable.Range(0, Runs).Select(_ => Measure(first, newer)).ToList();
        Write(rows, "new file", runs.Select(r => r.New).MinBy(m => m.CpuSeconds));
        Write(rows, "superseding", runs.Select(r => r.Superseding).MinBy(m => m.CpuSeconds));
    }

    private static void Write(int rows, string load, Measurement best) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rows:N0} | {load} | {best.WallSeconds:F2} | {best.CpuSeconds:F2} | {rows / best.WallSeconds:N0} | {rows / best.CpuSeconds:N0} | {best.AllocatedBytes / 1048576.0:F0} | {best.FileBytes / 1048576.0:F0} |"));

    private static (Measurement New, Measurement Superseding) Measure(ExtractBatch first, ExtractBatch newer)
    {
        var folder = Directory.CreateTempSubdirectory("perfpipeline-bench-").FullName;
        try
        {
            var path = Path.Combine(folder, "perfpipeline.db");
            var warehouse = new SqliteWarehouse(path, _ => [], TimeProvider.System);
            warehouse.MigrateAsync().GetAwaiter().GetResult();
            var load = Load(warehouse, first, path);
            var superseding = Load(warehouse, newer, path);
            return (load, superseding);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Measurement Load(SqliteWarehouse warehouse, ExtractBatch batch, string path)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();

        var result = warehouse.LoadAsync(batch).GetAwaiter().GetResult();

        stopwatch.Stop();
        process.Refresh();
        if (result.AlreadyLoaded || result.Load.Datasets[0].Counts.RowsLoaded != batch.Datasets[0].RowsAccepted)
        {
            throw new InvalidOperationException("Every generated row should be loaded.");
        }

        return new Measurement(
            stopwatch.Elapsed.TotalSeconds,
            (process.TotalProcessorTime - cpuBefore).TotalSeconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            new FileInfo(path).Length);
    }

    /// <summary>Referrals in key order: 7 columns (ids, a pseudonym, dates, a flag, a team), seeded so every run loads the same rows.</summary>
    private static ExtractBatch Batch(int rows, DateOnly asAt)
    {
        var random = new Random(872);
        string[] teams = ["Front Door", "Assessment Team 1", "Assessment Team 2", "Duty"];
        var accepted = new AcceptedRow[rows];
        for (var i = 0; i < rows; i++)
        {
            var referralDate = new DateOnly(2010, 1, 1).AddDays(random.Next(3500));
            DateOnly? closeDate = random.Next(3) == 0 ? null : referralDate.AddDays(random.Next(400));
            accepted[i] = new AcceptedRow(i + 1,
            [
                string.Create(CultureInfo.InvariantCulture, $"R{i:D8}"),
                Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                referralDate,
                "1A",
                random.Next(10) == 0,
                closeDate,
                teams[random.Next(teams.Length)],
            ]);
        }

        var contract = ExtractContract.CinEpisodes;
        var dataset = new DatasetExtract(contract, $"{contract.Name}.csv", rows, 0, accepted);
        var manifest = new BatchManifest("872", "Wokingham", asAt, "Generated", [new ManifestDataset(contract.Name, dataset.File, rows, null)]);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{asAt:yyyy-MM-dd}|{rows}")));
        return new ExtractBatch(manifest, sha256, [dataset], [], IsRejected: false, RejectionReason: null);
    }
}
