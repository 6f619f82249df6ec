namespace PerfPipeline.Benchmarks.Extracts;

using System.Security.Cryptography;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Privacy;

/// <summary>Reads, validates and pseudonymises a generated batch of one million referrals from a local folder.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ExtractReaderBenchmarks
{
    private string _root = null!;
    private LocalFolderBatchSource _source = null!;
    private ExtractReader _reader = null!;

    [Params(1_000_000)]
    public int Rows { get; set; }

    [Params(true, false)]
    public bool KeysInOrder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("perfpipeline-bench-").FullName;
        LargeExtractBatch.Write(_root, Rows, KeysInOrder);
        _source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions { ExtractsRoot = _root });
        var key = PseudonymisationKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _reader = new ExtractReader(key, new FakeTimeProvider(new DateTimeOffset(2019, 10, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public Task<ExtractBatch> ReadBatch() => _reader.ReadAsync(_source, LargeExtractBatch.Location);
}
