namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

public sealed class ExtractReaderTests : ExtractReaderTestBase
{
    [Fact]
    public async Task ReadAsync_ValidReferrals_AcceptsTypedPseudonymisedRows()
    {
        Batch.WithDataset("ssd_cin_episodes", """
            cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team
            R1,P1,2019-04-02,1A,N,2019-05-01,Front Door
            R2,P2,03/06/2019,,Y,,

            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var referrals = Assert.Single(sut.Datasets);
        Assert.Equal(2, referrals.RowsRead);
        Assert.Equal(0, referrals.RowsRejected);
        Assert.Equal(["R1", Pseudonym("P1"), new DateOnly(2019, 4, 2), "1A", false, new DateOnly(2019, 5, 1), "Front Door"], referrals.Rows[0].Values);
        Assert.Equal(["R2", Pseudonym("P2"), new DateOnly(2019, 6, 3), null, true, null, null], referrals.Rows[1].Values);
        Assert.Equal(2, referrals.Rows[1].RowNumber);
    }
}
