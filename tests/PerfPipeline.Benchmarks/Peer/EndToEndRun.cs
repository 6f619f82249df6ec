namespace PerfPipeline.Benchmarks.Peer;

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

using PerfPipeline.CaseData;

/// <summary>
/// The end-to-end benchmark against a peer: <c>run</c> (read, validate, pseudonymise, load into a new SQLite file,
/// compute and store every indicator, print the dashboard) on a generated large LA's newest batch, and the DuckDB query
/// of <see cref="DuckDbPeer"/> (every measure, every month, quarter and financial year, no validation, no storage) on
/// the same CSVs. Each is measured as a whole process (start-up included) for wall time and peak resident memory,
/// alternating, and the medians and their ratio are printed. Several command lines can be compared in one run (e.g.
/// one built from an older commit): <c>--cli LABEL=PATH/PerfPipeline.Cli.dll</c>, repeated.
/// </summary>
internal static class EndToEndRun
{
    public static void Print(string[] args)
    {
        var scale = Option(args, "--scale") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20;
        var years = Option(args, "--years") is { } y ? int.Parse(y, CultureInfo.InvariantCulture) : 10;
        var runs = Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        var clis = Options(args, "--cli").Select(c => c.Split('=', 2)).Select(p => (Label: p[0], Dll: Path.GetFullPath(p[1]))).ToList();
        if (clis.Count == 0)
        {
            clis.Add(("run", RepositoryCli()));
        }

        var work = Directory.CreateTempSubdirectory("perfpipeline-peer-").FullName;
        try
        {
            var extracts = Path.Combine(work, "extracts");
            Console.WriteLine($"Generating --scale {scale} --years {years} with {clis[0].Label}…");
            ProcessMeasurement.Measure(
                ["dotnet", clis[0].Dll, "generate", "--scale", $"{scale}", "--years", $"{years}", "--out", extracts], work);
            var laFolder = Directory.GetDirectories(extracts).Single();
            var newest = DuckDbPeer.BatchesOf(laFolder)[^1];
            var bytes = Directory.GetFiles(newest.Folder, "*.csv").Sum(f => new FileInfo(f).Length);
            var rows = Directory.GetFiles(newest.Folder, "*.csv").Sum(f => File.ReadLines(f).LongCount() - 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Newest batch {Path.GetRelativePath(extracts, newest.Folder)}: {rows:N0} rows, {bytes / 1048576.0:F0} MiB of CSV; {Environment.ProcessorCount} cores; load average {LoadAverage()}"));

            // A fixed key, so no run writes one; each run gets a new database, archive and working folder.
            var environment = new Dictionary<string, string>
            {
                ["PerfPipeline__PseudonymisationKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            };
            var (self, selfArguments) = (Environment.ProcessPath!, Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
                ? new[] { typeof(EndToEndRun).Assembly.Location } : []);
            var results = clis.Select(c => c.Label).Append("DuckDB").ToDictionary(l => l, _ => new List<ProcessFigures>());
            for (var run = 1; run <= runs; run++)
            {
                foreach (var (label, dll) in clis)
                {
                    var folder = Directory.CreateDirectory(Path.Combine(work, $"{label}-{run}")).FullName;
                    results[label].Add(Report(label, run, ProcessMeasurement.Measure(
                        ["dotnet", dll, "run", "--extracts", extracts, "--db", Path.Combine(folder, "perfpipeline.db")], folder, environment)));
                    Directory.Delete(folder, recursive: true);
                }

                results["DuckDB"].Add(Report("DuckDB", run, ProcessMeasurement.Measure(
                    [self, .. selfArguments, "peer-query", laFolder], work)));
            }

            var peer = Median(results["DuckDB"]);
            Console.WriteLine();
            Console.WriteLine($"Median of {runs} alternating runs (load average {LoadAverage()} at the end):");
            Console.WriteLine();
            Console.WriteLine("| process | wall s | processor s | peak MiB | ratio to DuckDB (wall) | ratio (processor) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (label, figures) in results)
            {
                var median = Median(figures);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {median.WallSeconds:F2} | {median.CpuSeconds:F2} | {median.PeakBytes / 1048576.0:F0} | {median.WallSeconds / peer.WallSeconds:F2}x | {median.CpuSeconds / peer.CpuSeconds:F2}x |"));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The <c>peer-query</c> command: the DuckDB query over one LA's batch folders, as a process of its own.</summary>
    public static void Query(string laFolder)
    {
        var stopwatch = Stopwatch.StartNew();
        var manifest = File.ReadAllText(Path.Combine(DuckDbPeer.BatchesOf(laFolder)[^1].Folder, "manifest.json"));
        var laCode = System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("la_code").GetString()!;
        var values = DuckDbPeer.Compute(DuckDbPeer.BatchesOf(laFolder), PopulationReference.ForLa(laCode));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{values.Count:N0} figures ({values.Select(v => v.IndicatorCode).Distinct().Count()} measures) in {stopwatch.Elapsed.TotalSeconds:F2} s"));
    }

    private static ProcessFigures Report(string label, int run, ProcessFigures figures)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-12} run {run}: {figures.WallSeconds,6:F2} s wall, {figures.CpuSeconds,6:F2} s processor, peak {figures.PeakBytes / 1048576.0,5:F0} MiB (load average {LoadAverage()})"));
        return figures;
    }

    private static ProcessFigures Median(List<ProcessFigures> figures)
    {
        static double Middle(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return new ProcessFigures(
            Middle(figures.Select(f => f.WallSeconds)), Middle(figures.Select(f => f.CpuSeconds)), (long)Middle(figures.Select(f => (double)f.PeakBytes)));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The command line built beside this benchmark in the same repository and configuration.</summary>
    private static string RepositoryCli()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PerfPipeline.sln")))
            {
                var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
                var cli = Path.Combine(folder.FullName, "pipelines", "PerfPipeline.Cli", "bin", configuration, "net10.0", "PerfPipeline.Cli.dll");
                return File.Exists(cli) ? cli : throw new FileNotFoundException($"Build the command line first ({configuration}).", cli);
            }
        }

        throw new DirectoryNotFoundException("The repository root (PerfPipeline.sln) is not above this benchmark.");
    }

    private static string? Option(string[] args, string name) => Options(args, name).LastOrDefault();

    private static IEnumerable<string> Options(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }
}
