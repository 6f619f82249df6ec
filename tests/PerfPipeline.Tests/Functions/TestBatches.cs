namespace PerfPipeline.Tests.Functions;

using PerfPipeline.Tests.TestSupport;

/// <summary>Small batches in the contract's format (the shape of seeds/extracts), written with <see cref="BatchBuilder"/>.</summary>
internal static class TestBatches
{
    public const string People = """
        pers_person_id,pers_sex,pers_ethnicity,pers_dob
        1001,F,WBRI,2012-03-14
        1002,M,WBRI,2015-11-02
        1004,M,ASIA,2008-01-30
        """;

    public const string Referrals = """
        cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team
        R0001,1001,2019-07-03,1A,N,,Front Door
        R0002,1002,2019-08-12,3B,Y,2019-08-20,Front Door
        R0003,1004,2019-09-05,5A,N,,Assessment Team
        """;

    public const int ReferralRows = 3;

    /// <summary>A valid batch of people and referrals.</summary>
    public static BatchBuilder Valid(this BatchBuilder batch) =>
        batch.WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals);

    /// <summary>The valid batch delivered again with one more referral: another manifest, so another load.</summary>
    public static BatchBuilder Redelivered(this BatchBuilder batch) =>
        batch.WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", $"{Referrals}\nR0004,1001,2019-09-20,1A,N,,Front Door");

    /// <summary>A batch the reader rejects: the referrals' bytes do not match the manifest's SHA-256.</summary>
    public static BatchBuilder Corrupt(this BatchBuilder batch) =>
        batch.WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals, sha256: new string('0', 64));
}
