namespace PerfPipeline.Tests.Warehouse;

using System.Globalization;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Calendar;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// A person with two care-leaver rows, loaded for real: the manifest's <c>source_system</c> travels through the load
/// to the stored snapshot, and decides whether the latest contact alone counts.
/// </summary>
public sealed class CareLeaverCohortLoadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(null, "2 of 3")] // the contract's own shape: every row counts, today's figure
    [InlineData("Not An SSD System", "2 of 3")]
    [InlineData("SystemC", "1 of 2")]
    [InlineData("Eclipse", "1 of 2")]
    public async Task PersonWithTwoRows_CountsOnceAtTheLatestContactOnlyInAnSsdSystemsBatch(string? system, string expected)
    {
        var extracts = _temp.File("extracts");
        var batch = new BatchBuilder(extracts);
        (system is null ? batch.WithoutSourceSystem() : batch.WithSourceSystem(system)).WithDataset("ssd_care_leavers", """
            clea_table_id,clea_person_id,clea_care_leaver_in_touch,clea_care_leaver_latest_contact
            L1,P1,YES,2019-03-01
            L2,P1,NO,2019-08-01 14:30:00.000
            L3,P2,YES,2019-09-01
            """).Build();
        var warehouse = new SqliteWarehouse(_temp.File("perfpipeline.db"), new IndicatorEngine().ComputeAll, _clock);
        await warehouse.MigrateAsync(TestContext.Current.CancellationToken);
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = extracts,
            ArchiveRoot = _temp.File("archive"),
            QuarantineRoot = _temp.File("quarantine"),
        });

        var outcome = Assert.Single(await new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock)
            .LoadNewBatchesAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        Assert.Equal(3L, Assert.Single(outcome.Datasets).RowsLoaded);
        var data = await warehouse.ReadCaseDataAsync("872", TestContext.Current.CancellationToken);
        Assert.Equal(system, Assert.Single(data.CareLeaverSnapshots).SourceSystem);
        var value = (await warehouse.ReadCurrentIndicatorValuesAsync("872", TestContext.Current.CancellationToken))
            .Single(v => v.IndicatorCode == IndicatorCodes.ClInTouchPct && v.Period == Period.Quarter(2019, 2));
        Assert.Equal(expected, string.Create(CultureInfo.InvariantCulture, $"{value.Numerator:0.##} of {value.Denominator:0.##}"));
    }

    public void Dispose() => _temp.Dispose();
}
