namespace PerfPipeline.Tests.Hosting;

using System.Security.Cryptography;

using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Cli;
using PerfPipeline.Cli.Commands;
using PerfPipeline.Extracts;
using PerfPipeline.Functions;
using PerfPipeline.Hosting;
using PerfPipeline.Loading;
using PerfPipeline.Privacy;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Tests.TestSupport.Azurite;
using PerfPipeline.Warehouse;

/// <summary>
/// Every documented setting (docs/azure-settings.md, docs/functions.md, README) works in both hosts, because both
/// build the pipeline with <see cref="ServiceCollectionExtensions.AddPerfPipeline"/>: the command line as its
/// commands do (<see cref="LocalPipeline"/>), the Functions app as Program.cs does (<c>AddFunctionsApp</c>). Each
/// test sets one setting on top of what the host needs anyway and observes what the pipeline then does.
/// </summary>
[Collection(nameof(UsesAzurite))]
public sealed class SettingsInBothHostsTests(AzuriteFixture azurite) : IDisposable
{
    private const string ReferralHeader =
        "cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team";

    private readonly TempDirectory _temp = new();

    public static TheoryData<string> Hosts() => ["cli", "functions"];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task MaxRejectedRowShare_Set_DecidesWhetherABatchIsRejected(string host)
    {
        // One row of two is bad: 50% rejected, over the default 5%, within a configured 0.5.
        var batch = new BatchBuilder(_temp.File("extracts"))
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\nR2,P2,not-a-date,,,,\n")
            .Build();

        var byDefault = await ReadAsync(Host(host, []), batch);
        var lenient = await ReadAsync(Host(host, new() { ["PerfPipeline:Extracts:MaxRejectedRowShare"] = "0.5" }), batch);

        Assert.True(byDefault.IsRejected);
        Assert.False(lenient.IsRejected, lenient.RejectionReason);
        Assert.Equal(1, lenient.Datasets.Single().RowsRejected);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void MaxRejectedRowShare_OutOfRange_FailsOnStartNamingTheSetting(string host)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Host(host, new() { ["PerfPipeline:Extracts:MaxRejectedRowShare"] = "1.5" }));

        Assert.Contains(nameof(ExtractReaderOptions.MaxRejectedRowShare), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_SettingOutOfRange_ExitsWithTheUsageCode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PerfPipeline:Extracts:MaxRejectedRowShare"] = "1.5",
        }).Build();

        var (exitCode, _) = await CliInvocation.InvokeAsync(["loads"], _temp.File("data"), TimeProvider.System, configuration: configuration);

        Assert.Equal(2, exitCode);
        Assert.False(File.Exists(_temp.File("data", LocalPipeline.DatabaseFileName)), "nothing is opened before the settings are checked");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task PseudonymisationKey_Set_PseudonymisesWithThatKey(string host)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var batch = new BatchBuilder(_temp.File("extracts")).WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\n").Build();
        var expected = await new ExtractReader(PseudonymisationKey.FromBase64(key), TimeProvider.System)
            .ReadAsync(Source(), batch, TestContext.Current.CancellationToken);

        var read = await ReadAsync(Host(host, new() { [PipelineSettings.PseudonymisationKey] = key }), batch);

        Assert.Equal(PersonKeys(expected), PersonKeys(read));
        Assert.False(File.Exists(_temp.File("data", PseudonymisationKey.KeyFileName)), "a configured key is used, none is generated");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void PseudonymisationKey_NotBase64_FailsOnStartNamingTheSetting(string host)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Host(host, new() { [PipelineSettings.PseudonymisationKey] = "not base64!" }));

        Assert.Contains(PipelineSettings.PseudonymisationKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task PseudonymisationKeyFile_NoKeySet_GeneratesTheKeyThereOnce(string host)
    {
        var keyFile = _temp.File("keys", "la.key");
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var batch = new BatchBuilder(_temp.File("extracts")).WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\n").Build();
        var settings = new Dictionary<string, string?> { [PipelineSettings.PseudonymisationKey] = null, [PipelineSettings.PseudonymisationKeyFile] = keyFile };

        var first = await ReadAsync(Host(host, settings), batch);
        var second = await ReadAsync(Host(host, settings), batch);

        Assert.True(File.Exists(keyFile));
        Assert.Equal(PersonKeys(first), PersonKeys(second));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task SqliteDatabasePath_Set_IsTheWarehouseFile(string host)
    {
        var path = _temp.File("elsewhere", "warehouse.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        await Host(host, new() { [PipelineSettings.SqliteDatabasePath] = path }).GetRequiredService<IWarehouse>().MigrateAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(path));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task SqlServerConnectionString_Set_IsTheWarehouse(string host)
    {
        var services = Host(host, new()
        {
            [PipelineSettings.SqlServerConnectionString] = UnreachableSqlServer.ConnectionString(),
            ["PerfPipeline:SqlServer:Retry:MaxRetryAttempts"] = "0",
        });

        // No SQL Server runs here: the configured one is tried (and refuses), not the SQLite file.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IWarehouse>().MigrateAsync(TestContext.Current.CancellationToken));
        var chain = new List<Exception>();
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        Assert.Contains(chain, e => e is SqlException or System.Net.Sockets.SocketException);
        Assert.False(File.Exists(_temp.File("data", LocalPipeline.DatabaseFileName)));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task SqlServerRetry_Set_BoundsTheAttempts(string host)
    {
        var services = Host(host, new()
        {
            [PipelineSettings.SqlServerConnectionString] = UnreachableSqlServer.ConnectionString(),
            ["PerfPipeline:SqlServer:Retry:MaxRetryAttempts"] = "2",
            ["PerfPipeline:SqlServer:Retry:BaseDelay"] = "00:00:00",
        });

        await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<IWarehouse>().MigrateAsync(TestContext.Current.CancellationToken));

        // Event 4100: a transient fault retried. Two retries, so three attempts, then the fault.
        Assert.Equal(2, services.GetFakeLogCollector().GetSnapshot().Count(log => log.Id.Id == 4100));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void SqlServerRetry_OutOfRange_FailsOnStartNamingTheSetting(string host)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Host(host, new() { ["PerfPipeline:SqlServer:Retry:MaxRetryAttempts"] = "99" }));

        Assert.Contains("MaxRetryAttempts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task LocalFolder_Set_IsTheBatchSource(string host)
    {
        var batch = new BatchBuilder(_temp.File("drop")).WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\n").Build();

        var found = await Batches(Host(host, new() { ["PerfPipeline:LocalFolder:ExtractsRoot"] = _temp.File("drop") }));

        Assert.Equal([batch], found);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task ExtractsStorageAndContainers_Set_AreTheBatchSource(string host)
    {
        var containers = AzuriteFixture.NewContainers();
        var extracts = azurite.CreateServiceClient().GetBlobContainerClient(containers.ExtractsContainer);
        await extracts.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await extracts.UploadBlobAsync("872/2019-09-30/manifest.json", BinaryData.FromString("{}"), TestContext.Current.CancellationToken);

        var found = await Batches(Host(host, new()
        {
            [PipelineSettings.ExtractsStorage] = azurite.ConnectionString,
            [$"{PipelineSettings.Containers}:ExtractsContainer"] = containers.ExtractsContainer,
            [$"{PipelineSettings.Containers}:ArchiveContainer"] = containers.ArchiveContainer,
            [$"{PipelineSettings.Containers}:QuarantineContainer"] = containers.QuarantineContainer,
        }));

        Assert.Equal([new BatchLocation("872", new DateOnly(2019, 9, 30))], found);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task RetentionMonths_Set_DecidesWhichCopiesArePurged(string host)
    {
        const string loadId = "872-20190930-0123456789abcdef";
        var settings = new Dictionary<string, string?>();
        BatchLocation batch;
        if (host == "cli")
        {
            batch = new BatchBuilder(_temp.File("extracts")).WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\n").Build();
            settings["PerfPipeline:LocalFolder:ExtractsRoot"] = _temp.File("extracts");
        }
        else
        {
            var containers = AzuriteFixture.NewContainers();
            var extracts = azurite.CreateServiceClient().GetBlobContainerClient(containers.ExtractsContainer);
            await extracts.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
            await extracts.UploadBlobAsync("872/2019-09-30/manifest.json", BinaryData.FromString("{}"), TestContext.Current.CancellationToken);
            batch = new BatchLocation("872", new DateOnly(2019, 9, 30));
            settings[$"{PipelineSettings.Containers}:ExtractsContainer"] = containers.ExtractsContainer;
            settings[$"{PipelineSettings.Containers}:ArchiveContainer"] = containers.ArchiveContainer;
            settings[$"{PipelineSettings.Containers}:QuarantineContainer"] = containers.QuarantineContainer;
        }

        // Two months after the copy is written.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(2));
        await Host(host, settings, clock).GetRequiredService<IBatchSource>().ArchiveAsync(batch, loadId, TestContext.Current.CancellationToken);

        var byDefault = await Host(host, settings, clock).GetRequiredService<RetentionPurge>().FindExpiredAsync(TestContext.Current.CancellationToken);
        settings[PipelineSettings.RetentionMonths] = "1";
        var oneMonth = await Host(host, settings, clock).GetRequiredService<RetentionPurge>().FindExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Empty(byDefault);
        Assert.Equal([loadId], oneMonth.Select(c => c.LoadId));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void RetentionMonths_OutOfRange_FailsOnStartNamingTheSetting(string host)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Host(host, new() { [PipelineSettings.RetentionMonths] = "0" }));

        Assert.Contains(PipelineSettings.RetentionMonths, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task CareLeaversLatestContactPerPerson_Set_DecidesWhetherAPersonsOlderRowsCount(string host)
    {
        // A batch of the contract's own shape (no source_system): by default each of P1's rows counts, as before.
        var byDefault = await CareLeaversInTouchAsync(host, "default", []);
        var always = await CareLeaversInTouchAsync(host, "always", new() { [PipelineSettings.CareLeaversLatestContactPerPerson] = "always" });

        Assert.Equal("2 of 3", byDefault);
        Assert.Equal("1 of 2", always);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task CareLeaversEligibility_Set_KeepsOnlyThoseCategoriesAndTheReportCountsTheRest(string host)
    {
        var settings = new Dictionary<string, string?> { [$"{PipelineSettings.CareLeavers}:Eligibility:0"] = " former RELEVANT " };
        CareLeaverBatch(new BatchBuilder(_temp.File("extracts")));

        var kept = await CareLeaversInTouchAsync(host, "eligibility", settings);
        var read = await ReadAsync(Host(host, settings), new BatchLocation("872", new DateOnly(2019, 9, 30)));

        // P2 ("No Current Eligibility") leaves the cohort: P1's two rows remain, one in touch.
        Assert.Equal("1 of 2", kept);
        Assert.Equal(
            [new CohortExclusion("ssd_care_leavers", "clea_care_leaver_eligibility", "an eligibility the LA's settings do not keep", 1)],
            read.CohortExclusions);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void CareLeaversLatestContactPerPerson_NotARule_FailsOnStartNamingTheSetting(string host)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Host(host, new() { [PipelineSettings.CareLeaversLatestContactPerPerson] = "1" }));

        Assert.Contains(PipelineSettings.CareLeaversLatestContactPerPerson, error.Message, StringComparison.Ordinal);
    }

    /// <summary>P1 in touch at an older contact and not at the latest; P2 in touch, of no current eligibility. No source_system.</summary>
    private static BatchLocation CareLeaverBatch(BatchBuilder builder) => builder.WithoutSourceSystem().WithDataset("ssd_care_leavers", """
        clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact
        L1,P1,Former relevant,YES,2019-03-01
        L2,P1,Former relevant,NO,2019-08-01
        L3,P2,No Current Eligibility,YES,2019-09-01
        """).Build();

    /// <summary>Loads <see cref="CareLeaverBatch"/> into a warehouse of its own through the host; the quarter's in-touch figure as "numerator of denominator".</summary>
    private async Task<string> CareLeaversInTouchAsync(string host, string name, Dictionary<string, string?> settings)
    {
        var extracts = _temp.File(name + "-extracts");
        CareLeaverBatch(new BatchBuilder(extracts));
        settings = new Dictionary<string, string?>(settings)
        {
            [PipelineSettings.SqliteDatabasePath] = _temp.File(name + "-data", LocalPipeline.DatabaseFileName),
            ["PerfPipeline:LocalFolder:ExtractsRoot"] = extracts,
            ["PerfPipeline:LocalFolder:ArchiveRoot"] = _temp.File(name + "-data", "archive"),
            ["PerfPipeline:LocalFolder:QuarantineRoot"] = _temp.File(name + "-data", "quarantine"),
        };
        Directory.CreateDirectory(_temp.File(name + "-data"));
        var services = Host(host, settings);
        var warehouse = services.GetRequiredService<IWarehouse>();
        await warehouse.MigrateAsync(TestContext.Current.CancellationToken);

        var outcome = Assert.Single(await services.GetRequiredService<BatchLoader>().LoadNewBatchesAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        var value = (await warehouse.ReadCurrentIndicatorValuesAsync("872", TestContext.Current.CancellationToken))
            .Single(v => v.IndicatorCode == PerfPipeline.Indicators.IndicatorCodes.ClInTouchPct && v.Period == PerfPipeline.Calendar.Period.Quarter(2019, 2));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.Numerator:0.##} of {value.Denominator:0.##}");
    }

    /// <summary>
    /// The host's services with <paramref name="settings"/> over what the host needs anyway; options validated as
    /// on start. The command line needs nothing (its defaults: the SQLite file, the seeds, a generated key, all under
    /// a data folder); the Functions app needs its key, a warehouse and a storage account.
    /// </summary>
    private IServiceProvider Host(string host, Dictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var baseline = host == "cli"
            ? new Dictionary<string, string?>()
            : new Dictionary<string, string?>
            {
                [PipelineSettings.PseudonymisationKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                [PipelineSettings.SqliteDatabasePath] = _temp.File("data", LocalPipeline.DatabaseFileName),
                [PipelineSettings.ExtractsStorage] = azurite.ConnectionString,
            };
        foreach (var (key, value) in settings)
        {
            baseline[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(baseline.Where(s => s.Value is not null)).Build();
        if (host == "cli")
        {
            var context = new CliContext(configuration, clock ?? TimeProvider.System, CliInvocation.PlainConsole(TextWriter.Null), _temp.File("data"));
            return LocalPipeline.Create(context, null, WarehouseTarget.Configured, services => services.AddFakeLogging()).Services;
        }

        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(clock ?? TimeProvider.System).AddFakeLogging()
            .AddFunctionsApp(configuration).BuildServiceProvider();
        services.ValidatePerfPipelineOptions();
        return services;
    }

    private LocalFolderBatchSource Source() => new(new LocalFolderBatchSourceOptions { ExtractsRoot = _temp.File("extracts") });

    private async Task<ExtractBatch> ReadAsync(IServiceProvider services, BatchLocation batch) =>
        await services.GetRequiredService<ExtractReader>().ReadAsync(Source(), batch, TestContext.Current.CancellationToken);

    private static async Task<List<BatchLocation>> Batches(IServiceProvider services)
    {
        var found = new List<BatchLocation>();
        await foreach (var batch in services.GetRequiredService<IBatchSource>().FindBatchesAsync(TestContext.Current.CancellationToken))
        {
            found.Add(batch);
        }

        return found;
    }

    // cine_person_id, the second column of ssd_cin_episodes.
    private static List<object?> PersonKeys(ExtractBatch batch) => [.. batch.Datasets.Single().Rows.Select(r => r.Values[1])];
}
