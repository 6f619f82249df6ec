namespace PerfPipeline.Benchmarks;

using BenchmarkDotNet.Attributes;

using PerfPipeline.Generation;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Writing a synthetic batch (<c>perfpipeline generate --scale N --years Y</c>): rows per second is the batch's
/// rows (printed once per case) divided by the mean time.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private string _root = "";
    private SeedProfile _profile = null!;

    [Params(10)]
    public int Scale { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("perfpipeline-bench-").FullName;
        _profile = SeedProfileJson.Load(Path.Combine(RepositoryRootOf(AppContext.BaseDirectory), "seeds", "profiles", "wokingham-2019-20-q2.json"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public async Task<long> GenerateScaleBatch()
    {
        var result = await ScaleGenerator.WriteAsync(new ScaleOptions(Scale, Years: 2), _root).ConfigureAwait(false);
        return result.Rows;
    }

    [Benchmark]
    public int GenerateSeedWorld() => SeedGenerator.Generate(_profile).People.Count;

    private static string RepositoryRootOf(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfPipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PerfPipeline.sln not found above the benchmark binaries.");
    }
}
