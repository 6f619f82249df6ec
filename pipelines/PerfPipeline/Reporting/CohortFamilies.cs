namespace PerfPipeline.Reporting;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Measures;

/// <summary>
/// How many families the children behind a figure came from, where the extract carries a family identifier
/// (<c>ssd_person.pers_family_id</c>): the cohort is the engine's own (the persons the measure counts in the period),
/// so the sentence and the table count the same children. Given only when every child in the cohort carries a family.
/// </summary>
internal static class CohortFamilies
{
    /// <summary>The measures whose cohort is children the engine can list for a period.</summary>
    public static readonly IReadOnlySet<string> Measured = new HashSet<string>(StringComparer.Ordinal) { IndicatorCodes.CpRepeatPlan2YPct };

    /// <summary>Families per measure of <paramref name="codes"/> (those <see cref="Measured"/>) in <paramref name="period"/>.</summary>
    public static IReadOnlyDictionary<string, int> Count(LaCaseData data, Period period, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(codes);
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        var familyOf = data.People.Where(p => p.FamilyKey is not null).ToDictionary(p => p.PersonKey, p => p.FamilyKey!, StringComparer.Ordinal);
        if (familyOf.Count == 0)
        {
            return families;
        }

        foreach (var code in codes.Where(Measured.Contains).Distinct(StringComparer.Ordinal))
        {
            var context = new MeasureContext(data, IndicatorSettings.Default, WorkingDayCalendar.Of(data.BankHolidays, WorkingDayCalendar.EnglandAndWales));
            var children = ChildProtectionMeasures.RepeatPlans(context).CountedIn(period).Select(c => context.Persons.KeyOf(c.Person)).ToList();
            if (children.Count > 0 && children.All(familyOf.ContainsKey))
            {
                families[code] = children.Select(c => familyOf[c]).Distinct(StringComparer.Ordinal).Count();
            }
        }

        return families;
    }
}
