namespace PerfPipeline.Generation.Profile;

/// <summary>Early Help: episodes started, assessments completed, and their total referral-to-assessment days.</summary>
internal sealed record EarlyHelpTarget(int Referrals, int Assessments, int TotalDays) : IQuarterTarget<EarlyHelpTarget>
{
    public static EarlyHelpTarget Less(EarlyHelpTarget year, EarlyHelpTarget quarter) =>
        new(year.Referrals - quarter.Referrals, year.Assessments - quarter.Assessments, year.TotalDays - quarter.TotalDays);

    public static EarlyHelpTarget Part(EarlyHelpTarget total, int part, int parts) =>
        new(
            IQuarterTarget<EarlyHelpTarget>.Split(total.Referrals, part, parts),
            IQuarterTarget<EarlyHelpTarget>.Split(total.Assessments, part, parts),
            IQuarterTarget<EarlyHelpTarget>.Split(total.TotalDays, part, parts));
}
