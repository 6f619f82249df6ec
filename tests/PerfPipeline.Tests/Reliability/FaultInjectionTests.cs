namespace PerfPipeline.Tests.Reliability;

using System.Globalization;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The fault-injection suite (docs/reliability.md): bad input and faults on real parts (batch folders, the reader, a
/// SQLite file). Each case asserts a clear outcome, rows read = loaded + rejected, and that no person identifier of the
/// batch reached the warehouse, a report or a log.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private const int Rows = 200;
    private const string ReferralHeader =
        "cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _logs = new();
    private readonly List<string?> _texts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _temp.File("data", "perfpipeline.db");

    private static IReadOnlySet<string> RawIds { get; } = Enumerable.Range(1, Rows + 1).Select(PersonId).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task StrayQuote_ManifestWithoutRowCounts_RejectsThatRowAndReadsEveryOther()
    {
        var lines = ReferralLines();
        lines[10] = lines[10].Replace(",MASH", ",\"MASH", StringComparison.Ordinal); // row 10, line 11
        Batch("872").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(lines), listRows: false).Build();

        var outcome = Assert.Single(await LoadAllAsync());

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        var referrals = Assert.Single(outcome.Datasets, d => d.Dataset == "ssd_cin_episodes");
        Assert.Equal((Rows, Rows - 1L, 1L), (referrals.RowsRead, referrals.RowsLoaded, referrals.RowsRejected));
        var issue = Assert.Single(await IssuesAsync(outcome.LoadId), i => i.Reason.Contains("quote opened on line 11", StringComparison.Ordinal));
        Assert.Equal(10, issue.Row);
        Assert.Equal(Rows - 1, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
        Assert.True(await ScalarAsync("SELECT MAX(LENGTH(team_name)) FROM dim_team") <= ExtractContract.MaxValueLength(ColumnKind.Text));
        AssertNoRawIdentifier();
    }

    [Fact]
    public async Task QuotePairSpanningLinesAndAShiftedIdentifier_ShowNoIdentifierInTheAuditReportOrStore()
    {
        var lines = ReferralLines();
        lines[10] = lines[10].Replace(",MASH", ",\"MASH", StringComparison.Ordinal);
        lines[12] = lines[12] + "\"";
        lines[20] = $"R20,{PersonId(20)},{PersonId(21)},3B,N,,MASH"; // an identifier where the referral date belongs
        Batch("872").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(lines)).Build();

        var outcome = Assert.Single(await LoadAllAsync());

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        var referrals = Assert.Single(outcome.Datasets, d => d.Dataset == "ssd_cin_episodes");
        Assert.Equal((Rows, Rows - 2L), (referrals.RowsRead, referrals.RowsLoaded));
        var shifted = Assert.Single(await IssuesAsync(outcome.LoadId), i => i.Row == 20 && i.Column == "cine_referral_date");
        Assert.Equal(32, shifted.Value!.Length); // the pseudonym, not the identifier
        AssertNoRawIdentifier();
    }

    [Fact]
    public async Task QuoteNearTheEnd_TheRowsAfterItAreReadNotDropped()
    {
        var lines = ReferralLines();
        lines[Rows - 3] = lines[Rows - 3].Replace(",MASH", ",\"MASH", StringComparison.Ordinal);
        Batch("872").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(lines), listRows: false).Build();

        var outcome = Assert.Single(await LoadAllAsync());

        var referrals = Assert.Single(outcome.Datasets, d => d.Dataset == "ssd_cin_episodes");
        Assert.Equal((Rows, Rows - 1L, 1L), (referrals.RowsRead, referrals.RowsLoaded, referrals.RowsRejected));
        AssertNoRawIdentifier();
    }

    [Fact]
    public async Task RowOver16MegabytesInOneLa_IsARowErrorAndTheOtherLaStillLoads()
    {
        var lines = ReferralLines();
        lines[5] = lines[5].Replace(",MASH", "," + new string('M', 17 << 20), StringComparison.Ordinal);
        Batch("872").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(lines)).Build();
        Batch("873").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();

        var outcomes = await LoadAllAsync();

        Assert.Equal([("872", LoadOutcomeKind.Loaded), ("873", LoadOutcomeKind.Loaded)], outcomes.Select(o => (o.Batch.LaCode, o.Kind)));
        var tooLong = Assert.Single(await IssuesAsync(outcomes[0].LoadId), i => i.Reason.Contains("longer than", StringComparison.Ordinal));
        Assert.Equal(5, tooLong.Row);
        Assert.Equal(Rows - 1L, Assert.Single(outcomes[0].Datasets, d => d.Dataset == "ssd_cin_episodes").RowsLoaded);
        AssertNoRawIdentifier();
    }

    [Fact]
    public async Task ReaderFailsOnOneLasBatch_RecordedAsFailedWithItsFileAndQuarantined_TheOtherLaLoads()
    {
        Batch("872").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        Batch("873").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        var source = new FaultySource(Source(), "872", "ssd_cin_episodes.csv", () => new InvalidOperationException("disk controller says no"));

        var outcomes = await LoadAllAsync(source);

        Assert.Equal([("872", LoadOutcomeKind.Failed), ("873", LoadOutcomeKind.Loaded)], outcomes.Select(o => (o.Batch.LaCode, o.Kind)));
        Assert.False(outcomes[0].Transient);
        Assert.Contains("ssd_cin_episodes.csv, row", outcomes[0].Error, StringComparison.Ordinal);
        var recorded = Assert.Single(await Warehouse().ListLoadsAsync(LoadStatus.Failed, Ct));
        Assert.Equal(outcomes[0].LoadId, recorded.LoadId);
        Assert.Contains("disk controller says no", recorded.Error, StringComparison.Ordinal);
        var report = Path.Combine(_temp.File("quarantine"), "872", "2019-09-30", outcomes[0].LoadId, "errors.json");
        Assert.Contains("\"failed\"", await File.ReadAllTextAsync(report, Ct), StringComparison.Ordinal);
        AssertNoRawIdentifier();
    }

    [Fact]
    public async Task ExactlyOnceLoader_DeterministicFailure_RecordsAndQuarantinesWithoutThrowing_TransientOneThrows()
    {
        Batch("872").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        Batch("873").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        var deterministic = await ExactlyOnceAsync(new FaultySource(Source(), "872", "ssd_cin_episodes.csv", () => new FormatException("bad bytes")));
        var transient = await ExactlyOnceAsync(new FaultySource(Source(), "873", "ssd_cin_episodes.csv", () => new TimeoutException("storage timed out")));

        var outcome = await deterministic.LoadAsync(new BatchLocation("872", new DateOnly(2019, 9, 30)), Ct);
        var thrown = await Assert.ThrowsAsync<LoadFailedException>(() => transient.LoadAsync(new BatchLocation("873", new DateOnly(2019, 9, 30)), Ct));

        Assert.Equal((LoadOutcomeKind.Failed, false), (outcome!.Kind, outcome.Transient));
        Assert.True(Directory.Exists(Path.Combine(_temp.File("quarantine"), "872", "2019-09-30", outcome.LoadId)));
        Assert.True(Assert.Single(thrown.Failed).Transient);
        Assert.Equal(2, (await Warehouse().ListLoadsAsync(LoadStatus.Failed, Ct)).Count);
    }

    [Fact]
    public async Task SymlinkInTheBatchFolderToAFileOutside_IsAFileErrorAndItsTargetIsNeverCopied()
    {
        var secret = _temp.File("pseudonymisation.key");
        await File.WriteAllTextAsync(secret, "SECRET-KEY-BYTES", Ct);
        var batch = Batch("872").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        File.CreateSymbolicLink(Path.Combine(_temp.File("extracts"), batch.Path, "notes.csv"), secret);

        var outcome = Assert.Single(await LoadAllAsync());

        Assert.Equal(LoadOutcomeKind.Rejected, outcome.Kind);
        Assert.Contains("notes.csv", outcome.Error, StringComparison.Ordinal);
        Assert.All(Directory.EnumerateFiles(_temp.File("quarantine"), "*", SearchOption.AllDirectories),
            file => Assert.DoesNotContain("SECRET-KEY-BYTES", File.ReadAllText(file), StringComparison.Ordinal));
        Assert.False(Directory.Exists(_temp.File("archive")) && Directory.EnumerateFiles(_temp.File("archive"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ListedFileThatLinksToDevZero_IsAFileErrorNotAnEndlessRead()
    {
        var batch = Batch("872").WithDataset("ssd_person", PeopleCsv()).WithListedButMissingFile("ssd_cin_episodes", "ssd_cin_episodes.csv").Build();
        File.CreateSymbolicLink(Path.Combine(_temp.File("extracts"), batch.Path, "ssd_cin_episodes.csv"), "/dev/zero");

        var outcome = await FinishesWithinAsync(LoadAllAsync());

        Assert.Equal(LoadOutcomeKind.Rejected, Assert.Single(outcome).Kind);
        Assert.Contains("symbolic link", Assert.Single(outcome).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FifoInTheBatchFolder_NeitherHangsTheReadNorTheArchive()
    {
        var batch = Batch("872").WithDataset("ssd_person", PeopleCsv()).WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_temp.File("extracts"), batch.Path, "pipe.csv")))
        {
            await mkfifo.WaitForExitAsync(Ct);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var outcome = Assert.Single(await FinishesWithinAsync(LoadAllAsync()));

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        Assert.Equal(0, new FileInfo(Path.Combine(_temp.File("archive"), batch.Path, outcome.LoadId, "pipe.csv")).Length);
    }

    [Fact]
    public async Task ArchiveQuarantineAndDatabase_AreOwnerOnly()
    {
        var loaded = Batch("872").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        Batch("873").WithDataset("ssd_cin_episodes", "not,a,header\n").Build();

        var outcomes = await LoadAllAsync();

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode folder = file | UnixFileMode.UserExecute;
        var archived = Path.Combine(_temp.File("archive"), loaded.Path, outcomes[0].LoadId);
        Assert.Equal(folder, File.GetUnixFileMode(archived));
        foreach (var copied in Directory.EnumerateFiles(archived))
        {
            Assert.Equal(file, File.GetUnixFileMode(copied));
        }

        var quarantined = Path.Combine(_temp.File("quarantine"), "873", "2019-09-30", outcomes[1].LoadId);
        foreach (var copied in Directory.EnumerateFiles(quarantined))
        {
            Assert.Equal(file, File.GetUnixFileMode(copied));
        }

        Assert.Equal(file, File.GetUnixFileMode(DatabasePath));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("0100-06-30")]
    public async Task DateBefore1900_IsARowErrorNamingTheRow_NotAFailedLoad(string date)
    {
        var lines = ReferralLines();
        lines[7] = $"R7,{PersonId(7)},{date},3B,N,,MASH";
        Batch("872").WithDataset("ssd_cin_episodes", Csv(lines)).Build();

        var outcome = Assert.Single(await LoadAllAsync());

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        var issue = Assert.Single(await IssuesAsync(outcome.LoadId), i => i.Column == "cine_referral_date");
        Assert.Equal(7, issue.Row);
        Assert.Contains("1900 to 2100", issue.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-0.5", false)]
    [InlineData("1.6", false)]
    [InlineData("400", false)]
    [InlineData("1.5", true)]
    [InlineData("0.2", true)]
    public async Task FullTimeEquivalency_OutsideZeroToOneAndAHalf_IsARowError(string fte, bool kept)
    {
        var rows = Enumerable.Range(1, 40).Select(i => $"{PersonId(i)},N,{(i == 3 ? fte : "1.0")},Y,2015-01-01,").ToList();
        Batch("872").WithDataset("ssd_professionals",
            Csv(["prof_professional_id,prof_agency_worker_flag,prof_full_time_equivalency,prof_qualified_social_worker,prof_employment_start_date,prof_employment_end_date", .. rows])).Build();

        var outcome = Assert.Single(await LoadAllAsync());

        Assert.Equal(kept ? 40L : 39L, Assert.Single(outcome.Datasets).RowsLoaded);
    }

    [Fact]
    public async Task HeaderOnlyEventFileAfterRows_IsHeldNotLoaded_UntilAcceptedOnPurposeAndAudited()
    {
        Batch("872", "2019-09-30").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        await LoadAllAsync();
        Batch("872", "2019-10-14").WithDataset("ssd_cin_episodes", ReferralHeader + "\n").Build();

        var held = Assert.Single(await LoadAllAsync(), o => o.Batch.AsAt.Month == 10);

        Assert.Equal(LoadOutcomeKind.NeedsConfirmation, held.Kind);
        Assert.Contains("ssd_cin_episodes would go from 200 rows", held.Error, StringComparison.Ordinal);
        Assert.Equal(Rows, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
        var report = Path.Combine(_temp.File("quarantine"), "872", "2019-10-14", held.LoadId, "errors.json");
        Assert.Contains("needs_confirmation", await File.ReadAllTextAsync(report, Ct), StringComparison.Ordinal);

        var warehouse = Warehouse();
        var loader = new BatchLoader(Source(), warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock);
        var accepted = Assert.Single(await loader.LoadNewBatchesAsync(null, acceptShrink: true, Ct), o => o.Batch.AsAt.Month == 10);

        Assert.Equal(LoadOutcomeKind.Loaded, accepted.Kind);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
        Assert.Contains(await IssuesAsync(accepted.LoadId), i => i.Reason.Contains("loaded on purpose (run --accept-shrink)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HalvingAnEventDataset_IsHeld_ReplayForceLoadsItFromTheHeldCopy()
    {
        Batch("872", "2019-09-30").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        await LoadAllAsync();
        Batch("872", "2019-10-14").WithDataset("ssd_cin_episodes", Csv(ReferralLines().Take(80))).Build();
        var held = Assert.Single(await LoadAllAsync(), o => o.Batch.AsAt.Month == 10);
        Assert.Equal(LoadOutcomeKind.NeedsConfirmation, held.Kind);

        var loader = new BatchLoader(Source(), Warehouse(), new ExtractReader(TestKeys.NewKey(), _clock), _clock);
        var replayed = await loader.ReplayAsync(held.LoadId, force: true, Ct);

        Assert.Equal(LoadOutcomeKind.Loaded, replayed.Kind);
        Assert.Equal(79, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
        Assert.Contains(await IssuesAsync(replayed.LoadId), i => i.Reason.Contains("loaded on purpose (replay --force)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeaderOnlyFileAcceptedOnPurpose_ReplayOfTheEarlierLoadAsCurrent_RestoresTheRowsAndIsAudited()
    {
        Batch("872", "2019-09-30").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        var earlier = Assert.Single(await LoadAllAsync());
        Batch("872", "2019-10-14").WithDataset("ssd_cin_episodes", ReferralHeader + "\n").Build();
        var warehouse = Warehouse();
        var loader = new BatchLoader(Source(), warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock);
        var wiping = Assert.Single(await loader.LoadNewBatchesAsync(null, acceptShrink: true, Ct), o => o.Batch.AsAt.Month == 10);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
        var plain = await loader.ReplayAsync(earlier.LoadId, force: false, Ct);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM fact_referral")); // a plain replay of an older batch changes no current rows

        var restored = await loader.ReplayAsync(earlier.LoadId, force: false, asCurrent: true, Ct);

        Assert.Equal((LoadOutcomeKind.Loaded, LoadOutcomeKind.Loaded), (plain.Kind, restored.Kind));
        Assert.Equal(Rows, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
        var audit = Assert.Single(await IssuesAsync(earlier.LoadId), i => i.Reason.StartsWith("restored as current on purpose (replay --as-current)", StringComparison.Ordinal));
        Assert.Contains($"replace the 0 rows of load {wiping.LoadId} (as_at 2019-10-14)", audit.Reason, StringComparison.Ordinal);
        var wiped = (await warehouse.FindLoadAsync(wiping.LoadId, Ct))!.Datasets.Single(d => d.Counts.Dataset == "ssd_cin_episodes");
        Assert.Equal((DatasetOutcome.Superseded, earlier.LoadId), (wiped.Outcome, wiped.SupersededBy));
        Assert.Equal(DatasetOutcome.Current, (await warehouse.FindLoadAsync(earlier.LoadId, Ct))!.Datasets.Single(d => d.Counts.Dataset == "ssd_cin_episodes").Outcome);

        // The next run finds both batches loaded: the restored rows stay current.
        Assert.All(await LoadAllAsync(), o => Assert.Equal(LoadOutcomeKind.AlreadyLoaded, o.Kind));
        Assert.Equal(Rows, await ScalarAsync("SELECT COUNT(*) FROM fact_referral"));
    }

    [Fact]
    public async Task HeaderOnlyFileForADatasetThatNeverHeldRows_LoadsAsUsual()
    {
        Batch("872", "2019-09-30").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).Build();
        await LoadAllAsync();
        Batch("872", "2019-10-14").WithDataset("ssd_cin_episodes", Csv(ReferralLines())).WithDataset("ssd_missing",
            "miss_table_id,miss_person_id,miss_missing_episode_start_date\n").Build();

        var outcome = Assert.Single(await LoadAllAsync(), o => o.Batch.AsAt.Month == 10);

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<T> FinishesWithinAsync<T>(Task<T> task)
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60), Ct));
        Assert.Same(task, finished);
        return await task;
    }

    private static string PersonId(int i) => (7300000 + i).ToString(CultureInfo.InvariantCulture);

    private static List<string> ReferralLines() =>
        [ReferralHeader, .. Enumerable.Range(1, Rows).Select(i => $"R{i},{PersonId(i)},2019-{1 + (i % 9):00}-{1 + (i % 28):00},3B,N,,MASH")];

    private static string Csv(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    private static string PeopleCsv() =>
        Csv(["pers_person_id,pers_sex,pers_ethnicity,pers_dob", .. Enumerable.Range(1, Rows + 1).Select(i => $"{PersonId(i)},F,WBRI,2012-03-14")]);

    private BatchBuilder Batch(string la, string asAt = "2019-09-30") => new(_temp.File("extracts"), la, asAt);

    private LocalFolderBatchSource Source() => new(new LocalFolderBatchSourceOptions
    {
        ExtractsRoot = _temp.File("extracts"),
        ArchiveRoot = _temp.File("archive"),
        QuarantineRoot = _temp.File("quarantine"),
    });

    private SqliteWarehouse Warehouse() => new(DatabasePath, _ => [], _clock);

    private async Task<IReadOnlyList<LoadOutcome>> LoadAllAsync(IBatchSource? source = null)
    {
        var warehouse = Warehouse();
        await warehouse.MigrateAsync(Ct);
        var loader = new BatchLoader(source ?? Source(), warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock);
        var outcomes = await loader.LoadNewBatchesAsync(cancellationToken: Ct);
        _texts.AddRange(outcomes.Select(o => o.Error));
        return outcomes;
    }

    private async Task<ExactlyOnceLoader> ExactlyOnceAsync(IBatchSource source)
    {
        var warehouse = Warehouse();
        await warehouse.MigrateAsync(Ct);
        var loader = new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), _clock), _clock);
        return new ExactlyOnceLoader(loader, new NoLock(), NullLogger<ExactlyOnceLoader>.Instance);
    }

    private async Task<List<(long? Row, string? Column, string? Value, string Reason)>> IssuesAsync(string loadId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT row_no, column_name, value, reason FROM audit_load_issue WHERE load_id = $id ORDER BY issue_no";
        command.Parameters.AddWithValue("$id", loadId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var issues = new List<(long?, string?, string?, string)>();
        while (await reader.ReadAsync(Ct))
        {
            issues.Add((reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        }

        return issues;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    private void AssertNoRawIdentifier()
    {
        var found = RawIdentifierScan.Find(RawIds, DatabasePath, [_temp.File("quarantine"), _temp.File("archive"), _temp.File("reports")],
            [.. _texts, .. _logs.Entries.Select(e => e.Message)]);
        Assert.Empty(found);
    }

    private sealed class NoLock : IBatchLock
    {
        public Task<IAsyncDisposable?> TryAcquireAsync(BatchLocation batch, CancellationToken cancellationToken = default) =>
            Task.FromResult<IAsyncDisposable?>(new Released());

        private sealed class Released : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>The local folder source with one file of one LA whose reading fails part way through.</summary>
    private sealed class FaultySource(IBatchSource inner, string laCode, string fileName, Func<Exception> fault) : DelegatingBatchSource(inner)
    {
        public override async Task<Stream?> OpenFileAsync(BatchLocation batch, string name, CancellationToken cancellationToken = default)
        {
            var stream = await base.OpenFileAsync(batch, name, cancellationToken);
            return stream is not null && batch.LaCode == laCode && name == fileName ? new FailingStream(stream, fault) : stream;
        }
    }

    /// <summary>Gives the first 1,000 bytes, then fails.</summary>
    private sealed class FailingStream(Stream inner, Func<Exception> fault) : Stream
    {
        private long _given;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _given; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= 1000)
            {
                throw fault();
            }

            var read = inner.Read(buffer, offset, (int)Math.Min(count, 1000 - _given));
            _given += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
