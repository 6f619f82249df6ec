namespace PerfPipeline.Generation.Profile;

/// <summary>A share to be met exactly: <see cref="Numerator"/> of <see cref="Denominator"/> records.</summary>
internal sealed record Ratio(int Denominator, int Numerator) : IQuarterTarget<Ratio>
{
    public static Ratio Less(Ratio year, Ratio quarter) =>
        new(year.Denominator - quarter.Denominator, year.Numerator - quarter.Numerator);

    public static Ratio Part(Ratio total, IReadOnlyList<(double Volume, double Rate)> weights, int part) =>
        new(IQuarterTarget<Ratio>.Share(total.Denominator, weights, part, rate: false),
            IQuarterTarget<Ratio>.Share(total.Numerator, weights, part, rate: true));

    public static Ratio Vary(Ratio target, double volume, double rate)
    {
        var denominator = IQuarterTarget<Ratio>.Scale(target.Denominator, volume);
        return new(denominator, Math.Min(denominator, IQuarterTarget<Ratio>.Scale(target.Numerator, volume * rate)));
    }
}
