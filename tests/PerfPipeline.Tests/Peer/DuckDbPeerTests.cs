namespace PerfPipeline.Tests.Peer;

using System.Globalization;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Benchmarks.Peer;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The end-to-end benchmark compares <c>run</c> with a DuckDB query over the same CSVs; the comparison is fair only
/// if the query computes the same figures. On the seeds it must give every figure the pipeline stores.
/// </summary>
public sealed class DuckDbPeerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Compute_Seeds_GivesEveryFigureThePipelineStores()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var warehouse = new SqliteWarehouse(temp.File("perfpipeline.db"), new IndicatorEngine().ComputeAll, time);
        await warehouse.MigrateAsync(Ct);
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = RepositoryRoot.File("seeds", "extracts"),
            ArchiveRoot = temp.File("archive"),
            QuarantineRoot = temp.File("quarantine"),
        });
        await new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), time), time).LoadNewBatchesAsync(cancellationToken: Ct);
        var pipeline = await warehouse.ReadCurrentIndicatorValuesAsync("872", Ct);

        var peer = DuckDbPeer.Compute(DuckDbPeer.BatchesOf(RepositoryRoot.File("seeds", "extracts", "872")), PopulationReference.ForLa("872"));

        var byKey = peer.ToDictionary(v => (v.IndicatorCode, v.PeriodType, v.Period));
        Assert.Equal(pipeline.Count, peer.Count);
        Assert.Equal(IndicatorCatalogue.All.Count, peer.Select(v => v.IndicatorCode).Distinct().Count());
        var differences = new List<string>();
        foreach (var value in pipeline)
        {
            var key = (value.IndicatorCode, value.Period.Type.ToString(), value.Period.Code);
            if (!byKey.TryGetValue(key, out var other))
            {
                differences.Add($"{key}: not computed by the peer");
                continue;
            }

            if (!Same(value.Numerator, other.Numerator) || !Same(value.Denominator, other.Denominator) || !Same(value.Value, other.Value))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{key}: pipeline {value.Numerator}/{value.Denominator}={value.Value}, peer {other.Numerator}/{other.Denominator}={other.Value}"));
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} figures differ:\n{string.Join('\n', differences.Take(40))}");
        Assert.Contains(pipeline, v => v.Value is > 0);
    }

    // Values are stored unrounded as decimals; the peer computes in doubles.
    private static bool Same(decimal? expected, double? actual) =>
        expected is null ? actual is null : actual is { } a && Math.Abs((double)expected.Value - a) <= 1e-9 * Math.Max(1, Math.Abs(a));
}
