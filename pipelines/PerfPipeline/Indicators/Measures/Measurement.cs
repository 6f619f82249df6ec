namespace PerfPipeline.Indicators.Measures;

using System.Globalization;

using PerfPipeline.CaseData;

/// <summary>
/// A measure's result for one period: numerator, denominator and the unrounded value. A null value is
/// "not available"; a zero denominator gives one, never a zero.
/// </summary>
internal readonly record struct Measurement(decimal? Numerator, decimal? Denominator, decimal? Value)
{
    /// <summary>Why the value is not available, when there is more to say than the numbers show.</summary>
    public string? Reason { get; init; }

    /// <summary>The reference figure the value used and where it came from.</summary>
    public string? Basis { get; init; }

    public static Measurement NotAvailable => default;

    public static Measurement Count(long count) => new(count, null, count);

    public static Measurement Percent(decimal numerator, decimal denominator) =>
        new(numerator, denominator, denominator == 0 ? null : numerator * 100 / denominator);

    public static Measurement Mean(decimal total, long count) =>
        new(total, count, count == 0 ? null : total / count);

    /// <summary>
    /// Per 10,000 children aged 0-17, with the LA's own estimate; without one, not available with the reason. Never
    /// another LA's figure.
    /// </summary>
    public static Measurement RatePer10K(long count, string laCode, DateOnly date, PopulationEstimate? estimate) =>
        estimate is null
            ? new(count, null, null) { Reason = $"no population estimate for LA {laCode}, year {MidYearOf(date)}" }
            : new(count, estimate.Population, count * 10_000m / estimate.Population)
            {
                Basis = string.Create(CultureInfo.InvariantCulture, $"population aged 0-17 {estimate.Population:N0} (mid-{estimate.Year} estimate)")
                    + (estimate.Source is { } source ? $" from {source.Describe()}" : string.Empty),
            };

    /// <summary>The year of the latest 30 June on or before the date: the estimate a date wants.</summary>
    public static int MidYearOf(DateOnly date) => date >= new DateOnly(date.Year, 6, 30) ? date.Year : date.Year - 1;
}
