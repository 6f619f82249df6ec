namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 8: qualified social worker turnover and agency share, by full-time equivalent (DfE CSWW method).</summary>
internal static class WorkforceMeasures
{
    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        DatasetContract[] professionals = [ExtractContract.Professionals];
        var socialWorkers = context.Data.Professionals.Where(static p => p.QualifiedSocialWorker).ToArray();
        yield return (SwTurnover12MPct, context.WhenSupplied(professionals, () => new PeriodEndMeasure(d => Turnover(socialWorkers, d))));
        yield return (SwAgencyPct, context.WhenSupplied(professionals, () => new PeriodEndMeasure(d => AgencyShare(socialWorkers, d))));
    }

    /// <summary>"In post at D": started on or before D and not ended by D (an end on D is a leaver, not in post).</summary>
    internal static bool InPostAt(Professional professional, DateOnly date) =>
        professional.EmploymentStartDate <= date && (professional.EmploymentEndDate is not { } end || end > date);

    /// <summary>FTE of non-agency leavers in the 12 months ending D over the non-agency FTE in post at D.</summary>
    private static Measurement Turnover(Professional[] socialWorkers, DateOnly date)
    {
        var windowStart = date.AddMonths(-12).AddDays(1);
        decimal leavers = 0, inPost = 0;
        foreach (var worker in socialWorkers)
        {
            if (worker.AgencyWorker)
            {
                continue;
            }

            if (worker.EmploymentEndDate is { } end && end >= windowStart && end <= date)
            {
                leavers += worker.FullTimeEquivalency;
            }

            if (InPostAt(worker, date))
            {
                inPost += worker.FullTimeEquivalency;
            }
        }

        return Measurement.Percent(leavers, inPost);
    }

    /// <summary>Agency FTE over all qualified social worker FTE in post at D.</summary>
    private static Measurement AgencyShare(Professional[] socialWorkers, DateOnly date)
    {
        decimal agency = 0, all = 0;
        foreach (var worker in socialWorkers)
        {
            if (InPostAt(worker, date))
            {
                all += worker.FullTimeEquivalency;
                agency += worker.AgencyWorker ? worker.FullTimeEquivalency : 0;
            }
        }

        return Measurement.Percent(agency, all);
    }
}
