namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 2: Early Help referrals (episode starts) and assessments.</summary>
internal static class EarlyHelpMeasures
{
    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        DatasetContract[] datasets = [ExtractContract.EarlyHelpEpisodes];
        var episodes = context.Data.EarlyHelpEpisodes;
        yield return (EhReferrals, context.WhenSupplied(datasets, () => FlowSeries.Count(episodes, static e => e.EpisodeStartDate)));
        (string, Func<EarlyHelpEpisode, bool>)[] assessed = [("earl_assessment_completed_date", static e => e.AssessmentCompletedDate is not null)];
        yield return (EhAssessments, context.WhenSupplied(datasets, episodes, assessed, () => FlowSeries.Count(episodes, static e => e.AssessmentCompletedDate)));

        // Mean calendar days from referral to assessment completion, over assessments completed in the period.
        yield return (EhAvgDaysReferralToAssessment, context.WhenSupplied(datasets, episodes, assessed, () => FlowSeries.Create(
            episodes,
            static e => e.AssessmentCompletedDate,
            static e => e.AssessmentCompletedDate!.Value.DayNumber - e.EpisodeStartDate.DayNumber,
            FlowStatistic.Mean)));
    }
}
