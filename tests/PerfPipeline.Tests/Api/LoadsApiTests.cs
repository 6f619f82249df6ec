namespace PerfPipeline.Tests.Api;

using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Api;
using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Reporting;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary><c>GET /api/loads</c> on real parts: batch folders, the extract reader, the quarantine and a SQLite file.</summary>
public sealed class LoadsApiTests : IDisposable
{
    private const string Referrals = "cine_referral_id,cine_person_id,cine_referral_date\nR1,1001,2019-07-03\nR2,1002,2019-08-12\nR3,1002,2019-08-30\n";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 11, 15, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetLoadsAsync_RejectedAndHeldBatches_ListsThemFromTheQuarantineBesideTheAuditedLoad()
    {
        var api = await LoadThreeBatchesAsync();

        var all = Loads(await api.GetLoadsAsync(null, Ct));
        var rejected = Loads(await api.GetLoadsAsync("rejected", Ct));
        var held = Loads(await api.GetLoadsAsync("needs_confirmation", Ct));

        Assert.Equal(
            [("2019-10-31", "needs_confirmation"), ("2019-09-30", "rejected"), ("2019-08-31", "loaded")],
            all.Select(l => (l.AsAt, l.Status)));
        var (_, _, rejectedError, rejectedRead) = Assert.Single(rejected.Select(l => (l.AsAt, l.Status, l.Error, l.RowsRead)));
        Assert.Contains("reject", rejectedError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, rejectedRead);
        Assert.Contains("held, not loaded", Assert.Single(held).Error, StringComparison.Ordinal);
        Assert.Equal(400, (await api.GetLoadsAsync("lost", Ct)).StatusCode);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<PerfPipelineApi> LoadThreeBatchesAsync()
    {
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = _temp.File("extracts"),
            ArchiveRoot = _temp.File("archive"),
            QuarantineRoot = _temp.File("quarantine"),
        });
        var warehouse = new SqliteWarehouse(_temp.File("data", "perfpipeline.db"), _ => [], _clock);
        await warehouse.MigrateAsync(Ct);
        var loader = new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock);
        foreach (var (asAt, referrals) in new[]
        {
            ("2019-08-31", Referrals),
            ("2019-09-30", Referrals.Replace("2019-08-30", "2019-13-45", StringComparison.Ordinal)), // over the rejection threshold
            ("2019-10-31", string.Join('\n', Referrals.Split('\n')[..2]) + "\n"), // cuts referrals from 3 to 1, so held
        })
        {
            new BatchBuilder(_temp.File("extracts"), "872", asAt).WithDataset("ssd_cin_episodes", referrals).Build();
            _clock.Advance(TimeSpan.FromDays(1));
            await loader.LoadNewBatchesAsync(cancellationToken: Ct);
        }

        return new PerfPipelineApi(warehouse, source, loader, CommentaryStores.Sqlite(_temp.File("data", "perfpipeline.db")), _clock);
    }

    private static List<(string AsAt, string Status, string? Error, long RowsRead)> Loads(ApiResponse response)
    {
        Assert.Equal(200, response.StatusCode);
        using var body = JsonDocument.Parse(response.Body);
        return [.. body.RootElement.GetProperty("loads").EnumerateArray().Select(l => (
            l.GetProperty("as_at").GetString()!,
            l.GetProperty("status").GetString()!,
            l.GetProperty("error").GetString(),
            l.GetProperty("datasets").EnumerateArray().Sum(d => d.GetProperty("rows_read").GetInt64())))];
    }
}
