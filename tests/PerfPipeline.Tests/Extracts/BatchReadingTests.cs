namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

/// <summary>
/// A batch read while it is loaded (<see cref="ExtractReader.StartReadingAsync"/>): each dataset is handed on once it is
/// final, and the batch it completes with is the one reading it whole gives.
/// </summary>
public sealed class BatchReadingTests : ExtractReaderTestBase
{
    private const string Plans = """
        cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date
        CP1,P1,2019-01-01,2019-05-31
        CP2,P1,2019-06-01,
        CP3,P2,2019-02-01,
        """;

    // Visits as Mosaic writes them (no person): V3's plan is unknown and V4 has none, so they cannot be derived.
    private const string Visits = """
        cppv_cp_visit_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen
        V1,CP1,2019-02-01,Y
        V2,CP2,2019-07-01,N
        V3,CP9,2019-07-01,Y
        V4,,2019-07-02,Y
        V5,CP3,2019-03-01,Y
        """;

    private const string Referrals = """
        cine_referral_id,cine_person_id,cine_referral_date
        R1,P1,2019-01-01
        R2,P2,2019-01-15
        """;

    // Involvements without person (derived through the referral), one without a worker and one naming no referral.
    private const string Involvements = """
        invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_referral_id
        I1,W1,Allocated Worker,40,2019-01-01 00:00:00.000,NULL,NULL,R1
        I2,NULL,Allocated Worker,40,2019-02-01 00:00:00.000,NULL,NULL,R2
        I3,W3,Allocated Worker,40,2019-02-01 00:00:00.000,NULL,NULL,R9
        """;

    private const string People = """
        pers_person_id,pers_sex,pers_ethnicity,pers_dob
        P1,F,WBRI,2012-03-14
        P2,M,WBRI,2015-11-02
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartReadingAsync_DatasetRead_HandedOnBeforeTheNextFileIsOpened()
    {
        var location = Batch.WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals).Build();
        var referralsOpened = new TaskCompletionSource();
        var mayOpenReferrals = new TaskCompletionSource();
        var source = new HoldingSource(Source, "ssd_cin_episodes.csv", referralsOpened, mayOpenReferrals.Task);

        await using var sut = await CreateReader().StartReadingAsync(source, location, Ct);
        var handedOn = new List<DatasetExtract>();
        await using var datasets = sut.ReadDatasetsAsync(Ct).GetAsyncEnumerator(Ct);
        Assert.True(await datasets.MoveNextAsync());
        handedOn.Add(datasets.Current);
        await referralsOpened.Task.WaitAsync(Ct);

        // The person dataset is final while the referrals' file waits to be read.
        Assert.Equal(ExtractContract.Person, handedOn[0].Contract);
        Assert.False(sut.Completion.IsCompleted);
        mayOpenReferrals.SetResult();
        while (await datasets.MoveNextAsync())
        {
            handedOn.Add(datasets.Current);
        }

        var batch = await sut.Completion;
        Assert.False(batch.IsRejected, batch.RejectionReason);
        Assert.Equal(batch.Datasets, handedOn);
    }

    /// <summary>Visits and involvements before what they derive from, after it, and with nothing to derive from.</summary>
    public static TheoryData<string[]> ManifestOrders { get; } = new()
    {
        { ["ssd_cp_visits", "ssd_involvements", "ssd_person", "ssd_cp_plans", "ssd_cin_episodes"] },
        { ["ssd_cin_episodes", "ssd_cp_plans", "ssd_person", "ssd_involvements", "ssd_cp_visits"] },
        { ["ssd_cp_visits", "ssd_involvements", "ssd_person"] },
    };

    [Theory]
    [MemberData(nameof(ManifestOrders))]
    public async Task StartReadingAsync_DerivedDatasetsInAnyOrder_HandedOnOnceWhatTheyDeriveFromIsReadAndTheBatchIsTheOneReadingItWholeGives(
        string[] datasets)
    {
        var csv = new Dictionary<string, string>
        {
            ["ssd_cp_plans"] = Plans,
            ["ssd_cp_visits"] = Visits,
            ["ssd_cin_episodes"] = Referrals,
            ["ssd_involvements"] = Involvements,
            ["ssd_person"] = People,
        };
        foreach (var name in datasets)
        {
            Batch.WithDataset(name, csv[name]);
        }

        var location = Batch.WithSourceSystem("Mosaic").Build();
        var whole = await CreateReader(Lenient).ReadAsync(Source, location, Ct);

        await using var sut = await CreateReader(Lenient).StartReadingAsync(Source, location, Ct);
        var handedOn = new List<string>();
        await foreach (var dataset in sut.ReadDatasetsAsync(Ct))
        {
            handedOn.Add(dataset.Contract.Name);
        }

        var batch = await sut.Completion;

        // Each derived dataset comes after the one it derives from, or in its place when the batch has none.
        Assert.Equal(ExpectedOrder(datasets), handedOn);
        Assert.Equal(Describe(whole), Describe(batch));
        foreach (var (derived, prerequisite) in new[] { ("ssd_cp_visits", "ssd_cp_plans"), ("ssd_involvements", "ssd_cin_episodes") })
        {
            if (datasets.Contains(prerequisite))
            {
                Assert.Contains(batch.Derivations, d => d.Dataset == derived);
                Assert.Contains(batch.Issues, i => i.Rule == ValidationRule.RequiredValueMissing && i.Dataset == derived);
            }
            else
            {
                // No row's value can be derived: the dataset is left out, with a note.
                Assert.Contains(batch.Issues, i => i.Rule == ValidationRule.DatasetKeyless && i.Dataset == derived);
            }
        }
    }

    [Fact]
    public async Task StartReadingAsync_ReadingFails_CompletesWithTheFailureAndEndsTheDatasets()
    {
        var location = Batch.WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals).Build();
        var failing = new HoldingSource(Source, "ssd_cin_episodes.csv", new TaskCompletionSource(), Task.FromException(new InvalidOperationException("the disk went away")));

        await using var sut = await CreateReader().StartReadingAsync(failing, location, Ct);
        var handedOn = new List<string>();
        await foreach (var dataset in sut.ReadDatasetsAsync(Ct))
        {
            handedOn.Add(dataset.Contract.Name);
        }

        Assert.Equal(["ssd_person"], handedOn);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.Completion);
        Assert.Equal("the disk went away", thrown.Message);
    }

    /// <summary>The manifest's order, each derived dataset moved to just after the one it derives from when that comes later.</summary>
    private static List<string> ExpectedOrder(string[] manifest)
    {
        var order = new List<string>();
        var waiting = new List<string>();
        foreach (var name in manifest)
        {
            var prerequisite = BatchDerivations.Prerequisite(ExtractContract.Find(name)!)?.Name;
            if (prerequisite is not null && manifest.Contains(prerequisite) && !order.Contains(prerequisite))
            {
                waiting.Add(name);
                continue;
            }

            order.Add(name);
            foreach (var ready in waiting.Where(w => BatchDerivations.Prerequisite(ExtractContract.Find(w)!)!.Name == name).ToList())
            {
                waiting.Remove(ready);
                order.Add(ready);
            }
        }

        // A derived dataset none of whose rows can be derived (the batch lacks what it derives from) is left out, never handed on.
        return [.. order.Where(name => BatchDerivations.Prerequisite(ExtractContract.Find(name)!) is not { } prerequisite || manifest.Contains(prerequisite.Name))];
    }

    private static List<string> Describe(ExtractBatch batch) =>
    [
        $"rejected {batch.IsRejected}: {batch.RejectionReason}",
        .. batch.Datasets.Select(d => $"{d.Contract.Name} read {d.RowsRead} rejected {d.RowsRejected}: "
            + string.Join(" | ", Enumerable.Range(0, d.Rows.Count).Select(r => $"{d.Rows.RowNumber(r)} {string.Join(',', d.Rows[r].Values)}"))),
        .. batch.Issues.Select(i => $"{i.Severity} {i.Rule} {i.Dataset} {i.Row} {i.Column} {i.Value}: {i.Reason}"),
        .. batch.Derivations.Select(d => d.ToString()),
    ];

    /// <summary>Holds the opening of one file until told to go on, saying when it was asked for.</summary>
    private sealed class HoldingSource(IBatchSource inner, string heldFile, TaskCompletionSource asked, Task mayOpen) : DelegatingBatchSource(inner)
    {
        public override async Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default)
        {
            if (fileName == heldFile)
            {
                asked.TrySetResult();
                await mayOpen.WaitAsync(cancellationToken);
            }

            return await base.OpenFileAsync(batch, fileName, cancellationToken);
        }
    }
}
