namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 7: children missing from home or care, return home interviews, children missing education.</summary>
internal static class MissingMeasures
{
    private static readonly string MissingType = ExtractContract.MissingEpisodeTypes[0];

    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        DatasetContract[] missing = [ExtractContract.Missing];
        var missingEpisodes = context.Data.MissingEpisodes.Where(IsMissing).ToArray();
        yield return (MissingChildren, context.WhenSupplied(missing, () => DistinctPersonFlow.Create(
            missingEpisodes, context.Persons, static e => e.EpisodeStartDate, static e => e.PersonKey, static _ => false,
            FlowStatistic.Count)));

        // Episodes that ended in the period and had an interview; on time within the setting's days of the return.
        var limit = context.Settings.ReturnHomeInterviewDays;
        yield return (MissingRhiOnTimePct, context.WhenSupplied(missing, context.Data.MissingEpisodes, [("miss_missing_rhi_date", static e => e.RhiDate is not null)], () => FlowSeries.Create(
            [.. missingEpisodes.Where(static e => e.RhiDate is not null)],
            static e => e.EpisodeEndDate,
            e => e.RhiDate!.Value.DayNumber - e.EpisodeEndDate!.Value.DayNumber <= limit ? 1 : 0,
            FlowStatistic.Percent)));

        var missingEducation = new SnapshotRows<MissingEducationCase>(context.Data.MissingEducationSnapshots, ExtractContract.ChildrenMissingEducation.Name);
        yield return (CmeCurrent, new PeriodEndMeasure(d => missingEducation.Count(d, static _ => true)));
    }

    private static bool IsMissing(MissingEpisode episode) =>
        string.Equals(episode.EpisodeType, MissingType, StringComparison.OrdinalIgnoreCase);
}
