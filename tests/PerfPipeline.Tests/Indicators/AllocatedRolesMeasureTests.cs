namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>"More than one allocated social worker" counts the allocated roles only: not an IRO or a personal adviser.</summary>
public sealed class AllocatedRolesMeasureTests
{
    private static readonly LaCaseData Child = Supplying(ExtractContract.ClaEpisodes, ExtractContract.Involvements) with
    {
        CareEpisodes = [new CareEpisode("E1", "a", "C1", Day("2018-01-01"), null)],
    };

    [Fact]
    public void OtherRoles_DoNotMakeASecondWorker()
    {
        var data = Child with { Involvements = [Involvement("w1", "CW"), Involvement("w2", "IRO"), Involvement("w3", "PA")] };

        AssertValue(Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2"), 0, 1, 0);
    }

    [Fact]
    public void DefaultRoles_SsdsCaseWorkerCodeAndTheSocialWorkerTitle_Count()
    {
        var data = Child with { Involvements = [Involvement("w1", "CW"), Involvement("w2", "social worker"), Involvement("w3", "IRO")] };

        AssertValue(Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2"), 1, 1, 100);
    }

    [Fact]
    public void InvolvementsWithNoRole_CountAsTheyAlwaysHave()
    {
        var data = Child with { Involvements = [Involvement("w1", null), Involvement("w2", null)] };

        AssertValue(Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2"), 1, 1, 100);
    }

    [Fact]
    public void NoRoleOnTheList_IsNotAvailableWithTheReasonNeverZero()
    {
        var data = Child with { Involvements = [Involvement("w1", "Allocated Worker (Mosaic)"), Involvement("w2", "Independent Reviewing Officer")] };

        var sut = Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2");

        AssertNotAvailable(sut);
        Assert.Equal("no allocated-worker role matched: set the role list", sut.Reason);
    }

    [Fact]
    public void TheLasOwnRoleList_ReplacesTheDefault()
    {
        var data = Child with
        {
            AllocatedRoles = ["Allocated Worker (Mosaic)"],
            Involvements = [Involvement("w1", "Allocated Worker (Mosaic)"), Involvement("w2", "Allocated Worker (Mosaic)"), Involvement("w3", "CW")],
        };

        AssertValue(Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2"), 1, 1, 100);
    }

    [Fact]
    public void InvolvementsWithoutTheirWorker_DoNotMakeASecondWorker()
    {
        var data = Child with { Involvements = [Involvement("w1", "CW"), Involvement(null, "CW", "a-none-1"), Involvement(null, "CW", "a-none-2")] };

        AssertValue(Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2"), 0, 1, 0);
    }

    [Fact]
    public void NoAllocatedInvolvementNamesItsWorker_IsNotAvailableWithTheReasonNeverZero()
    {
        var data = Child with { Involvements = [Involvement(null, "CW", "a-none-1"), Involvement(null, "CW", "a-none-2"), Involvement("w3", "IRO")] };

        var sut = Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2");

        AssertNotAvailable(sut);
        Assert.Equal("ssd_involvements.invo_professional_id empty in every allocated involvement", sut.Reason);
    }

    private static Involvement Involvement(string? worker, string? role, string? id = null) =>
        new(id ?? $"a-{worker}", "a", worker, role, null, Day("2019-01-01"), null);
}
