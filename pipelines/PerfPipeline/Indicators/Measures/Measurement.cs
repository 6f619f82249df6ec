namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// A measure's result for one period: numerator, denominator and the unrounded value. A null value is
/// "not available"; a zero denominator gives one, never a zero.
/// </summary>
internal readonly record struct Measurement(decimal? Numerator, decimal? Denominator, decimal? Value)
{
    public static Measurement NotAvailable => default;

    public static Measurement Count(long count) => new(count, null, count);

    public static Measurement Percent(decimal numerator, decimal denominator) =>
        new(numerator, denominator, denominator == 0 ? null : numerator * 100 / denominator);

    public static Measurement Mean(decimal total, long count) =>
        new(total, count, count == 0 ? null : total / count);

    public static Measurement RatePer10K(long count, int? population) =>
        population is null or 0 ? new(count, population, null) : new(count, population, count * 10_000m / population.Value);
}
