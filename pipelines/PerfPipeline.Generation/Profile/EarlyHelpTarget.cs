namespace PerfPipeline.Generation.Profile;

/// <summary>Early Help: episodes started, assessments completed, and their total referral-to-assessment days.</summary>
internal sealed record EarlyHelpTarget(int Referrals, int Assessments, int TotalDays) : IQuarterTarget<EarlyHelpTarget>
{
    public static EarlyHelpTarget Less(EarlyHelpTarget year, EarlyHelpTarget quarter) =>
        new(year.Referrals - quarter.Referrals, year.Assessments - quarter.Assessments, year.TotalDays - quarter.TotalDays);

    // The rate here is the mean days to assessment.
    public static EarlyHelpTarget Part(EarlyHelpTarget total, IReadOnlyList<(double Volume, double Rate)> weights, int part) =>
        new(
            IQuarterTarget<EarlyHelpTarget>.Share(total.Referrals, weights, part, rate: false),
            IQuarterTarget<EarlyHelpTarget>.Share(total.Assessments, weights, part, rate: false),
            IQuarterTarget<EarlyHelpTarget>.Share(total.TotalDays, weights, part, rate: true));

    public static EarlyHelpTarget Vary(EarlyHelpTarget target, double volume, double rate) =>
        new(
            IQuarterTarget<EarlyHelpTarget>.Scale(target.Referrals, volume),
            IQuarterTarget<EarlyHelpTarget>.Scale(target.Assessments, volume),
            IQuarterTarget<EarlyHelpTarget>.Scale(target.TotalDays, volume * rate));
}
