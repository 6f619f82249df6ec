namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

/// <summary>Warnings across datasets: visits outside plans and periods of care, unknown people.</summary>
public sealed class BatchCrossChecksTests : ExtractReaderTestBase
{
    private const string Plans = """
        cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date
        CP1,P1,2019-01-10,2019-03-31
        CP2,P2,2019-06-01,
        """;

    private const string Episodes = """
        clae_cla_episode_id,clae_person_id,clae_cla_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date
        E1,P1,LA1,2018-05-01,2018-09-30
        E2,P1,LA1,2018-10-01,2019-02-28
        E3,P2,LA2,2019-04-01,2019-05-01
        E4,P2,LA2,2019-05-02,
        """;

    [Fact]
    public async Task ReadAsync_CpVisitOutsideItsPlan_WarnsAndKeepsRow()
    {
        // A batch of the contract's own shape: a visit naming no plan keeps its id (an SSD system's batch re-plans it).
        Batch.WithoutSourceSystem().WithDataset("ssd_cp_plans", Plans).WithDataset("ssd_cp_visits", """
            cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date
            V1,P1,CP1,2019-01-10
            V2,P1,CP1,2019-03-31
            V3,P1,CP1,2019-04-01
            V4,P1,CP1,2019-01-09
            V5,P2,CP2,2019-09-30
            V6,P2,CP9,2019-09-30
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(6, sut.Datasets[1].RowsAccepted);
        var warnings = sut.Issues.Where(i => i.Rule == ValidationRule.VisitOutsidePlan).ToList();
        Assert.Equal([3L, 4L, 6L], warnings.Select(w => w.Row!.Value));
        Assert.All(warnings, w => Assert.Equal((IssueSeverity.Warning, "ssd_cp_visits", "cppv_cp_visit_date"), (w.Severity, w.Dataset!, w.Column!)));
    }

    [Fact]
    public async Task ReadAsync_CpVisitsWithoutPlansInBatch_AreNotChecked()
    {
        Batch.WithDataset("ssd_cp_visits", "cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date\nV1,P1,CP1,2019-01-10\n");

        var sut = await ReadAsync();

        Assert.Empty(sut.Issues);
    }

    [Fact]
    public async Task ReadAsync_CareVisitOutsideItsPeriodOfCare_WarnsAndKeepsRow()
    {
        Batch.WithDataset("ssd_cla_episodes", Episodes).WithDataset("ssd_cla_visits", """
            clav_cla_visit_id,clav_person_id,clav_cla_id,clav_cla_visit_date
            V1,P1,LA1,2018-05-01
            V2,P1,LA1,2018-10-15
            V3,P1,LA1,2019-02-28
            V4,P1,LA1,2019-03-01
            V5,P1,LA1,2018-04-30
            V6,P2,LA2,2019-09-30
            V7,P2,LA9,2019-09-30
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(7, sut.Datasets[1].RowsAccepted);
        var warnings = sut.Issues.Where(i => i.Rule == ValidationRule.VisitOutsidePeriodOfCare).ToList();
        Assert.Equal([4L, 5L, 7L], warnings.Select(w => w.Row!.Value));
        Assert.All(warnings, w => Assert.Equal((IssueSeverity.Warning, "ssd_cla_visits"), (w.Severity, w.Dataset!)));
    }

    [Fact]
    public async Task ReadAsync_RecordOfPersonNotInBatchPeople_WarnsWithPseudonym()
    {
        Batch.WithDataset("ssd_person", "pers_person_id\nP1\n").WithDataset("ssd_cin_episodes", """
            cine_referral_id,cine_person_id,cine_referral_date
            R1,P1,2019-04-02
            R2,SECRET7,2019-04-02
            """).WithDataset("ssd_involvements", """
            invo_involvements_id,invo_person_id,invo_professional_id,invo_involvement_start_date
            I1,P1,W99,2019-04-02
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var warning = Assert.Single(sut.Issues);
        Assert.Equal((ValidationRule.UnknownPerson, "ssd_cin_episodes", 2L, "cine_person_id", Pseudonym("SECRET7")),
            (warning.Rule!.Value, warning.Dataset!, warning.Row!.Value, warning.Column!, warning.Value!));
    }

    [Fact]
    public async Task ReadAsync_BatchWithoutPeople_DoesNotCheckPeople()
    {
        Batch.WithDataset("ssd_cin_episodes", "cine_referral_id,cine_person_id,cine_referral_date\nR1,P1,2019-04-02\n");

        var sut = await ReadAsync();

        Assert.Empty(sut.Issues);
    }
}
