namespace PerfPipeline.Tests.Loading;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The loader's progress (each batch, each file it reads, archiving, loading) and its timing hook: each phase's time
/// is the time that phase took on the loader's clock, here a fake one that the phases themselves move on.
/// </summary>
public sealed class LoadProgressAndTimingsTests : IDisposable
{
    private const string ReferralHeader = "cine_referral_id,cine_person_id,cine_referral_date";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 11, 15, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadNewBatchesAsync_TwoBatches_ReportsEachBatchEachFileThenArchivingAndLoadingInOrder()
    {
        new BatchBuilder(_temp.File("extracts"), "872", "2019-09-30").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-07-03\n").Build();
        new BatchBuilder(_temp.File("extracts"), "872", "2019-10-31").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-07-03\n").Build();
        var steps = new List<LoadProgress>();

        var outcomes = await (await LoaderAsync(Source())).LoadNewBatchesAsync(new Collect(steps), acceptShrink: false, Ct);

        Assert.All(outcomes, o => Assert.True(o.Kind == LoadOutcomeKind.Loaded, o.Error));
        Assert.Equal(
            [
                "1/2 872/2019-09-30 Starting ", "1/2 872/2019-09-30 Reading manifest.json", "1/2 872/2019-09-30 Reading ssd_cin_episodes.csv",
                "1/2 872/2019-09-30 Archiving ", "1/2 872/2019-09-30 Loading ",
                "2/2 872/2019-10-31 Starting ", "2/2 872/2019-10-31 Reading manifest.json", "2/2 872/2019-10-31 Reading ssd_cin_episodes.csv",
                "2/2 872/2019-10-31 Archiving ", "2/2 872/2019-10-31 Loading ",
            ],
            steps.Select(s => $"{s.Number}/{s.Count} {s.Batch.Path} {s.Step} {s.File}"));
    }

    [Fact]
    public async Task LoadBatchAsync_PhasesTakingTime_TimesEachPhaseApart()
    {
        new BatchBuilder(_temp.File("extracts"), "872", "2019-09-30").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-07-03\n").Build();
        var source = new SlowSource(Source(), _clock);
        using var loading = new ManualResetEventSlim();
        var steps = new Collect([], step =>
        {
            if (step.Step == LoadStep.Loading)
            {
                loading.Set();
            }
        });

        // The SQLite load may start the indicators before the batch is archived (beside it): here they take their 5 s
        // once the loader has said it is loading, when the archive and the decision are timed, so that each phase's time is known.
        var loader = await LoaderAsync(source, indicators: _ =>
        {
            Assert.True(loading.Wait(TimeSpan.FromSeconds(30), Ct));
            _clock.Advance(TimeSpan.FromSeconds(5));
            return [];
        });

        var outcome = Assert.Single(await loader.LoadNewBatchesAsync(steps, acceptShrink: false, Ct));

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        Assert.Equal(new LoadTimings(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.Zero), outcome.Timings);
        Assert.Equal(TimeSpan.FromSeconds(10), LoadTimings.Sum([outcome.Timings, LoadTimings.None]).Total);
    }

    public void Dispose() => _temp.Dispose();

    private LocalFolderBatchSource Source() => new(new LocalFolderBatchSourceOptions
    {
        ExtractsRoot = _temp.File("extracts"),
        ArchiveRoot = _temp.File("archive"),
        QuarantineRoot = _temp.File("quarantine"),
    });

    private async Task<BatchLoader> LoaderAsync(IBatchSource source, PerfPipeline.Warehouse.ComputeIndicators? indicators = null)
    {
        var warehouse = new SqliteWarehouse(_temp.File("data", "perfpipeline.db"), indicators ?? (_ => []), _clock);
        await warehouse.MigrateAsync(Ct);
        return new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock);
    }

    /// <summary>Reports on the loader's own thread, in order (<see cref="Progress{T}"/> would post them elsewhere).</summary>
    private sealed class Collect(List<LoadProgress> steps, Action<LoadProgress>? reported = null) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value)
        {
            steps.Add(value);
            reported?.Invoke(value);
        }
    }

    /// <summary>A source on which reading the dataset's file takes 2 s and archiving 3 s of the fake clock.</summary>
    private sealed class SlowSource(IBatchSource inner, FakeTimeProvider clock) : DelegatingBatchSource(inner)
    {
        public override Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default)
        {
            if (fileName.EndsWith(".csv", StringComparison.Ordinal))
            {
                clock.Advance(TimeSpan.FromSeconds(2));
            }

            return base.OpenFileAsync(batch, fileName, cancellationToken);
        }

        public override async Task ArchiveAsync(BatchLocation batch, string loadId, CancellationToken cancellationToken = default)
        {
            await base.ArchiveAsync(batch, loadId, cancellationToken);
            clock.Advance(TimeSpan.FromSeconds(3));
        }
    }
}
