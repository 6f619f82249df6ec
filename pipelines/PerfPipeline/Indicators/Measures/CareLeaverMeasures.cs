namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>
/// Item 6: care leavers in touch, NEET at 18-24 and in suitable accommodation (snapshot dataset). All three read the
/// same cohort: each snapshot's rows that <see cref="CareLeaverCohort"/> keeps (a person's latest contact where that rule
/// applies, <c>in_touch</c> recorded, an eligibility the LA keeps), less those who have died or returned home.
/// </summary>
internal static class CareLeaverMeasures
{
    private static readonly string[] NotCounted = ["DIED", "RHOM"];
    private static readonly string[] NotInEducationEmploymentOrTraining = ["G4", "G5", "G6"];
    private static readonly string[] SuitableAnswers = ["Suitable", "1"];

    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        var cohort = context.Settings.CareLeavers;
        var snapshots = context.Data.CareLeaverSnapshots;

        // Rows, but none with in_touch: the column was not supplied, and no cohort can be formed.
        if (snapshots.Any(s => s.Rows.Count > 0) && !snapshots.Any(s => s.Rows.Any(static c => c.InTouch is not null)))
        {
            var notSupplied = new NotAvailableMeasure($"{ExtractContract.CareLeavers.Name}.clea_care_leaver_in_touch not supplied");
            return [(ClInTouchPct, notSupplied), (ClNeet18To24Pct, notSupplied), (ClSuitableAccommodationPct, notSupplied)];
        }

        var careLeavers = new SnapshotRows<CareLeaver>(
            snapshots.Select(s => s with { Rows = cohort.Kept(s.Rows, s.SourceSystem) }), ExtractContract.CareLeavers.Name);
        return
        [
            (ClInTouchPct, new PeriodEndMeasure(d => careLeavers.Percent(d, InCohort, static c => Is(c.InTouch, "YES")))),
            (ClNeet18To24Pct, new PeriodEndMeasure(d => careLeavers.Percent(
                d,
                c => InCohort(c) && context.CareLeaverDateOfBirth(c.PersonKey) is { } dob && Age.CompletedYears(dob, d) is >= 18 and <= 24,
                static c => IsAny(c.Activity, NotInEducationEmploymentOrTraining)))),
            (ClSuitableAccommodationPct, new PeriodEndMeasure(d => careLeavers.Percent(d, InCohort, IsSuitablyAccommodated))),
        ];
    }

    /// <summary>The cohort's care leavers except those who have died or returned home.</summary>
    private static bool InCohort(CareLeaver careLeaver) => !IsAny(careLeaver.InTouch, NotCounted);

    /// <summary>Suitable when the suitability column says so, or the SSDA903 accommodation code's digit is 1.</summary>
    private static bool IsSuitablyAccommodated(CareLeaver careLeaver) =>
        IsAny(careLeaver.AccommodationSuitable, SuitableAnswers)
        || careLeaver.Accommodation is { Length: 2 } code && code[1] == '1';

    private static bool Is(string? value, string code) => string.Equals(value, code, StringComparison.OrdinalIgnoreCase);

    private static bool IsAny(string? value, string[] codes) => Array.Exists(codes, code => Is(value, code));
}
