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
        var rows = context.Data.Professionals;

        // SSD leaves the agency flag NULL in every system and FTE NULL in Mosaic and Eclipse, and has no source for
        // qualification or employment dates: with no value in any row the column was not supplied, and the measure is
        // n/a naming it. A worker missing one of them takes no part.
        (string, Func<Professional, bool>)[] needed =
        [
            ("prof_qualified_social_worker", static p => p.QualifiedSocialWorker is not null),
            ("prof_employment_start_date", static p => p.EmploymentStartDate is not null),
            ("prof_full_time_equivalency", static p => p.FullTimeEquivalency is not null),
            ("prof_agency_worker_flag", static p => p.AgencyWorker is not null),
        ];
        var socialWorkers = rows
            .Where(static p => p is { QualifiedSocialWorker: true, EmploymentStartDate: not null, FullTimeEquivalency: not null, AgencyWorker: not null })
            .ToArray();

        // Leavers are read from the end dates: with none in the whole history, the column was not supplied, not "no leavers".
        yield return (SwTurnover12MPct, context.WhenSupplied(professionals, rows,
            [.. needed, ("prof_employment_end_date", static p => p.EmploymentEndDate is not null)],
            () => new PeriodEndMeasure(d => Turnover(socialWorkers, d))));
        yield return (SwAgencyPct, context.WhenSupplied(professionals, rows, needed, () => new PeriodEndMeasure(d => AgencyShare(socialWorkers, d))));
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
            if (worker.AgencyWorker == true)
            {
                continue;
            }

            if (worker.EmploymentEndDate is { } end && end >= windowStart && end <= date)
            {
                leavers += worker.FullTimeEquivalency!.Value;
            }

            if (InPostAt(worker, date))
            {
                inPost += worker.FullTimeEquivalency!.Value;
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
                all += worker.FullTimeEquivalency!.Value;
                agency += worker.AgencyWorker == true ? worker.FullTimeEquivalency!.Value : 0;
            }
        }

        return Measurement.Percent(agency, all);
    }
}
