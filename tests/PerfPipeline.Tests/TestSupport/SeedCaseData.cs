namespace PerfPipeline.Tests.TestSupport;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Loading;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The committed seeds loaded into a fresh SQLite warehouse as <c>run</c> loads them, with the key they were
/// pseudonymised with: the LA's case data and current indicator values as the warehouse gives them back.
/// </summary>
public sealed class SeedCaseData : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public const string LaCode = "872";

    internal PerfPipeline.Privacy.PseudonymisationKey Key { get; } = TestKeys.NewKey();

    internal SqliteWarehouse Warehouse { get; private set; } = null!;

    /// <summary>The SQLite file the seeds were loaded into.</summary>
    internal string DatabasePath => _temp.File("perfpipeline.db");

    public LaCaseData Data { get; private set; } = null!;

    public IReadOnlyList<IndicatorValue> Values { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero));
        Warehouse = new SqliteWarehouse(_temp.File("perfpipeline.db"), new IndicatorEngine().ComputeAll, time, TeamFigures.Compute);
        await Warehouse.MigrateAsync(cancellationToken);
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = RepositoryRoot.File("seeds", "extracts"),
            ArchiveRoot = _temp.File("archive"),
            QuarantineRoot = _temp.File("quarantine"),
        });
        await new BatchLoader(source, Warehouse, new ExtractReader(Key, time), time).LoadNewBatchesAsync(cancellationToken: cancellationToken);
        Data = await Warehouse.ReadCaseDataAsync(LaCode, cancellationToken);
        Values = await Warehouse.ReadCurrentIndicatorValuesAsync(LaCode, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
