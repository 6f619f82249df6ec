namespace PerfPipeline.Tests.Warehouse.Sqlite;

using System.Text.Json;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

public sealed class SqliteCaseDataReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_CommittedSeeds_GivesEveryRecordAsTheDapperReaderMapsItByName()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var path = temp.File("perfpipeline.db");
        var warehouse = new SqliteWarehouse(path, _ => [], time);
        await warehouse.MigrateAsync(Ct);
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = RepositoryRoot.File("seeds", "extracts"),
            ArchiveRoot = temp.File("archive"),
            QuarantineRoot = temp.File("quarantine"),
        });
        await new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), time), time).LoadNewBatchesAsync(cancellationToken: Ct);
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        await connection.OpenAsync(Ct);

        var sut = SqliteCaseDataReader.Read(connection, "872", Ct);

        var byName = await CaseDataReader.ReadAsync(connection, null, "872", Ct);
        Assert.All(ExtractContract.Datasets.Where(d => d.Kind == DatasetKind.Event), d => Assert.Contains(d.Name, sut.SuppliedDatasets));
        Assert.NotEmpty(sut.CareLeaverSnapshots);
        Assert.NotEmpty(sut.EhcpActivePlanSnapshots);
        Assert.NotEmpty(sut.MissingEducationSnapshots);
        Assert.Equal(JsonSerializer.Serialize(byName), JsonSerializer.Serialize(sut));
    }

    [Fact]
    public async Task LoadAsync_SeedsBatchReleasingWrittenRows_TakesEveryDatasetsRecordsFromTheBatchAsReadingBackGivesThem()
    {
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var path = temp.File("perfpipeline.db");
        LaCaseData? seen = null;
        var warehouse = new SqliteWarehouse(path, data =>
        {
            seen = data;
            return [];
        }, time)
        { ReleasesWrittenRows = true };
        await warehouse.MigrateAsync(Ct);
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = RepositoryRoot.File("seeds", "extracts"),
            ArchiveRoot = temp.File("archive"),
            QuarantineRoot = temp.File("quarantine"),
        });
        var batch = await new ExtractReader(TestKeys.NewKey(), time).ReadAsync(source, new BatchLocation("872", new DateOnly(2019, 9, 30)), Ct);

        await warehouse.LoadAsync(batch, cancellationToken: Ct);

        // Released rows are the ones whose records were taken from the batch rather than read back.
        var caseDatasets = batch.Datasets.Where(d => d.Contract != ExtractContract.Departments).ToList();
        Assert.Equal(ExtractContract.Datasets.Count - 1, caseDatasets.Count);
        Assert.All(caseDatasets, d =>
        {
            Assert.True(d.Rows.Count > 0, d.Contract.Name);
            Assert.Throws<InvalidOperationException>(() => d.Rows.Text(0, 0));
        });
        Assert.Equal(JsonSerializer.Serialize(await warehouse.ReadCaseDataAsync("872", Ct)), JsonSerializer.Serialize(seen));
    }
}
