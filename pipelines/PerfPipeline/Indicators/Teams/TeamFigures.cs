namespace PerfPipeline.Indicators.Teams;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators.WorkDue;

/// <summary>What a load stores for team managers beside the LA's values: the figures by team and the work list.</summary>
public sealed record TeamFigures(IReadOnlyList<TeamIndicatorValue> Values, WorkList WorkList)
{
    /// <summary>Both, with the catalogue's settings and the England and Wales working-day calendar.</summary>
    public static TeamFigures Compute(LaCaseData data) => Compute(data, new IndicatorEngine(), new WorkListBuilder());

    public static TeamFigures Compute(LaCaseData data, IndicatorEngine engine, WorkListBuilder workList)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(workList);
        ArgumentNullException.ThrowIfNull(data);

        // The work list finds each item's team and worker in the case holders the figures by team read, built once.
        return new(engine.ComputeByTeam(data), workList.Build(data, engine.CaseHoldersOf(data)));
    }
}
