namespace PerfPipeline.Indicators;

using System.Runtime.CompilerServices;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Indicators.Measures;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// Computes the catalogue's measures (docs/spec/indicators.md) from one LA's case data. The data is indexed
/// once per call (sorted dates, running totals, merged date ranges), after which each period is cheap, so
/// every month, quarter and financial year costs about as much as one pass over the rows. The LA's figures and the
/// figures by team of the same case data share that indexing, whether asked one after the other or at once.
/// </summary>
public sealed class IndicatorEngine(IndicatorSettings? settings = null, WorkingDayCalendar? calendar = null)
{
    private readonly IndicatorSettings _settings = settings ?? IndicatorSettings.Default;
    // The shipped calendar only when the data brings no bank holidays (a warehouse's always does): not built up front.
    private readonly WorkingDayCalendar? _calendar = calendar;

    // A load asks for the LA's figures and the figures by team of the same case data (at once, on the two cores): they
    // read the same intermediate results (MeasureContext.Shared), kept per case data and let go with it. At scale 20,
    // `run` took 1.5 processor seconds (7%) and 100 MiB of peak less than with each pass indexing it from scratch
    // (docs/performance.md).
    private readonly ConditionalWeakTable<LaCaseData, MeasureContext> _contexts = [];

    /// <summary>Every measure for every month, quarter and financial year of <see cref="PeriodsTouched"/>.</summary>
    public IReadOnlyList<IndicatorValue> ComputeAll(LaCaseData data) => Compute(data, PeriodsOf(data));

    public IReadOnlyList<IndicatorValue> Compute(LaCaseData data, Period period) => Compute(data, [period]);

    /// <summary>Every measure of the catalogue for each period, periods in the given order, measures in catalogue order.</summary>
    public IReadOnlyList<IndicatorValue> Compute(LaCaseData data, IReadOnlyCollection<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(periods);
        var measures = MeasureSet.Create(ContextOf(data));
        var values = new List<IndicatorValue>(periods.Count * IndicatorCatalogue.All.Count);
        foreach (var period in periods)
        {
            foreach (var definition in IndicatorCatalogue.All)
            {
                var measurement = measures[definition.Code].Measure(period);
                values.Add(new IndicatorValue(
                    data.LaCode, definition.Code, period, measurement.Numerator, measurement.Denominator, measurement.Value)
                {
                    Reason = measurement.Reason,
                    Basis = measurement.Basis,
                });
            }
        }

        return values;
    }

    /// <summary>Every measure that has a team (<see cref="TeamMeasureCatalogue.ByTeam"/>), per team, for every period of <see cref="PeriodsTouched"/>.</summary>
    public IReadOnlyList<TeamIndicatorValue> ComputeByTeam(LaCaseData data) => ComputeByTeam(data, PeriodsOf(data));

    /// <summary>
    /// The measures that have a team, for every team of the LA (and <see cref="TeamKeys.NoTeamRecorded"/>) and period:
    /// each team's figure from its own numerator and denominator, which add up to the LA's.
    /// </summary>
    public IReadOnlyList<TeamIndicatorValue> ComputeByTeam(LaCaseData data, IReadOnlyCollection<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(periods);
        var context = ContextOf(data);
        var measures = TeamMeasureSet.Create(context, TeamsOf(data));
        var values = new List<TeamIndicatorValue>();
        foreach (var period in periods)
        {
            foreach (var definition in IndicatorCatalogue.All)
            {
                if (!measures.TryGetValue(definition.Code, out var measure))
                {
                    continue;
                }

                foreach (var (team, m) in measure.Measure(period))
                {
                    values.Add(new TeamIndicatorValue(data.LaCode, team, definition.Code, period, m.Numerator, m.Denominator, m.Value));
                }
            }
        }

        return values;
    }

    /// <summary>Who holds each child's case when, as the figures by team read it: built once per case data, the work list reads it too.</summary>
    internal CaseHolders CaseHoldersOf(LaCaseData data) => CaseHolders.Of(ContextOf(data));

    // The periods of the case data, found once for both passes (a walk over every row's dates).
    private IReadOnlyList<Period> PeriodsOf(LaCaseData data) =>
        ContextOf(data).Shared(nameof(PeriodsTouched), static c => PeriodsTouched(c.Data));

    private MeasureContext ContextOf(LaCaseData data) =>
        _contexts.GetValue(data, d => new MeasureContext(d, _settings, WorkingDayCalendar.Of(d.BankHolidays, _calendar)));

    /// <summary>The LA's teams: every key its referrals, assessments and involvements name, ordered, then "no team recorded".</summary>
    public static IReadOnlyList<string> TeamsOf(LaCaseData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var referral in data.Referrals)
        {
            named.Add(TeamKeys.Of(referral.ReferralTeam));
        }

        foreach (var assessment in data.Assessments)
        {
            named.Add(TeamKeys.Of(assessment.AssessmentTeam));
        }

        foreach (var involvement in data.Involvements)
        {
            named.Add(TeamKeys.Of(involvement.ProfessionalTeam));
        }

        named.Remove(TeamKeys.NoTeamRecorded);
        return [.. named.Order(StringComparer.Ordinal), TeamKeys.NoTeamRecorded];
    }

    /// <summary>
    /// The months, quarters and financial years from the earliest event date in the data to its as-at date
    /// (<see cref="LaCaseData.AsAt"/>, else the latest date in the data), keeping only periods that have ended
    /// by then: a period still running would show a partial count as if it were a fall.
    /// </summary>
    public static IReadOnlyList<Period> PeriodsTouched(LaCaseData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var span = DataSpan.Of(data);
        if (span is not { } dates)
        {
            return [];
        }

        var asAt = data.AsAt ?? dates.Latest;
        return [.. Period.Touching(dates.Earliest, asAt).Where(p => p.End <= asAt)];
    }
}
