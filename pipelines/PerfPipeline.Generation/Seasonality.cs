namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;

/// <summary>
/// How an English LA's front-door work moves through the year, so that the history before the published periods
/// reads like a real one: referrals peak in the autumn and spring terms, dip in August and at Christmas, and no
/// two quarters are alike. Month weights shape the dates inside a quarter; a quarter's volume is its months'
/// mean weight with some noise. The noise comes from its own seeded source, so it draws nothing from the
/// generator's main one.
/// </summary>
internal sealed class Seasonality(int seed)
{
    /// <summary>Relative referral volume by calendar month (January first): school terms drive most referrals.</summary>
    public static readonly IReadOnlyList<double> MonthWeights =
        [1.03, 1.04, 1.08, 0.96, 1.03, 1.05, 1.01, 0.78, 0.99, 1.11, 1.09, 0.83];

    // Plus or minus this share of a quarter's volume and of its rate, at random.
    private const double VolumeNoise = 0.07;
    private const double RateNoise = 0.12;

    private readonly Random _random = new(unchecked((seed * 7919) + 17));

    /// <summary>The mean month weight of a quarter (about 1).</summary>
    public static double QuarterWeight(Period quarter)
    {
        var total = 0.0;
        var months = 0;
        for (var month = quarter.Start; month <= quarter.End; month = month.AddMonths(1))
        {
            total += MonthWeights[month.Month - 1];
            months++;
        }

        return total / months;
    }

    /// <summary>The next background quarter's volume and rate factors: the season's weight times noise, and noise.</summary>
    public (double Volume, double Rate) Draw(Period quarter) =>
        (QuarterWeight(quarter) * (1 + Noise(VolumeNoise)), 1 + Noise(RateNoise));

    /// <summary>
    /// A date in the quarter (up to <paramref name="last"/>), its month drawn by weight, then a working day in
    /// that month most of the time.
    /// </summary>
    public static DateOnly Date(GenerationContext context, Period quarter, DateOnly? last = null)
    {
        var end = last is { } l ? Dates.Min(quarter.End, l) : quarter.End;
        var months = new List<(DateOnly Start, int Weight)>(3);
        for (var month = quarter.Start; month <= end; month = month.AddMonths(1))
        {
            months.Add((month, (int)Math.Round(MonthWeights[month.Month - 1] * 100)));
        }

        var start = context.Random.Weighted(months);
        return context.MostlyWorkingDay(start, Dates.Min(start.AddMonths(1).AddDays(-1), end));
    }

    private double Noise(double size) => size * ((2 * _random.NextDouble()) - 1);
}
