namespace PerfPipeline.Tests.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// The committed seeds' history before the published periods reads like a real LA's: months and quarters vary,
/// with the school-year season in the front door's referrals, rather than repeating one background figure.
/// </summary>
public sealed class SeedHistoryTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    // The published periods begin with 2018-19; everything before is history the generator made up.
    private static readonly DateOnly HistoryStart = new(2015, 4, 1);
    private static readonly DateOnly PublishedFrom = new(2018, 4, 1);

    private static readonly string[] QuarterlyFlows =
    [
        IndicatorCodes.CscReferrals, IndicatorCodes.CscRereferrals12MPct, IndicatorCodes.CscAssessments45WdPct,
        IndicatorCodes.EhReferrals, IndicatorCodes.EhAssessments, IndicatorCodes.EhAvgDaysReferralToAssessment,
        IndicatorCodes.EhcpIssuedWithin20WeeksPct, IndicatorCodes.MissingChildren, IndicatorCodes.MissingRhiOnTimePct,
    ];

    [Fact]
    public void Referrals_MonthsBeforeThePublishedPeriods_NeverRepeatThreeMonthsRunning()
    {
        var months = MonthlyReferrals();

        Assert.Equal(36, months.Count);
        for (var i = 2; i < months.Count; i++)
        {
            Assert.False(
                months[i].Count == months[i - 1].Count && months[i].Count == months[i - 2].Count,
                $"{months[i - 2].Month:yyyy-MM} to {months[i].Month:yyyy-MM} all have {months[i].Count} referrals.");
        }
    }

    [Fact]
    public void Referrals_YearsBeforeThePublishedPeriods_DipInAugustAndDecemberAgainstTermTime()
    {
        var months = MonthlyReferrals();

        foreach (var year in months.GroupBy(m => Period.FinancialYearStart(m.Month)))
        {
            var mean = year.Average(m => m.Count);
            var august = year.Single(m => m.Month.Month == 8).Count;
            Assert.True(august < 0.9 * mean, $"{year.Key}-{year.Key + 1 - 2000}: August {august} against a monthly mean of {mean:0.0}.");
        }

        var holidays = months.Where(m => m.Month.Month is 8 or 12).Average(m => m.Count);
        var term = months.Where(m => m.Month.Month is 10 or 11 or 1 or 2 or 3).Average(m => m.Count);
        Assert.True(term > 1.2 * holidays, $"Term-time months average {term:0.0} referrals, August and December {holidays:0.0}.");
    }

    [Fact]
    public void QuarterlyFlows_BeforeThePublishedPeriods_NoTwoQuartersRunningAreAlike()
    {
        var flat = new List<string>();
        foreach (var code in QuarterlyFlows)
        {
            var quarters = seeds.Values
                .Where(v => v.IndicatorCode == code && v.Period.Type == PeriodType.Quarter && v.Period.Start >= HistoryStart.AddMonths(3) && v.Period.End < PublishedFrom)
                .OrderBy(v => v.Period.Start)
                .ToList();
            Assert.True(quarters.Count == 11, $"{code}: {quarters.Count} quarters of history.");
            TestContext.Current.TestOutputHelper?.WriteLine($"{code}: {string.Join(", ", quarters.Select(q => $"{q.Value} ({q.Numerator}/{q.Denominator})"))}");
            for (var i = 1; i < quarters.Count; i++)
            {
                // The same figure from the same counts: a coincidence such as 15/35 and 18/42 is not a flat line.
                if ((quarters[i].Value, quarters[i].Numerator, quarters[i].Denominator) == (quarters[i - 1].Value, quarters[i - 1].Numerator, quarters[i - 1].Denominator))
                {
                    flat.Add($"{code} {quarters[i - 1].Period} and {quarters[i].Period}: {quarters[i].Value} ({quarters[i].Numerator}/{quarters[i].Denominator})");
                }
            }
        }

        Assert.Empty(flat);
    }

    private List<(DateOnly Month, int Count)> MonthlyReferrals()
    {
        var counts = seeds.Data.Referrals
            .Where(r => r.ReferralDate >= HistoryStart && r.ReferralDate < PublishedFrom)
            .GroupBy(r => new DateOnly(r.ReferralDate.Year, r.ReferralDate.Month, 1))
            .ToDictionary(g => g.Key, g => g.Count());
        var months = new List<(DateOnly, int)>();
        for (var month = HistoryStart; month < PublishedFrom; month = month.AddMonths(1))
        {
            months.Add((month, counts.GetValueOrDefault(month)));
        }

        return months;
    }
}
