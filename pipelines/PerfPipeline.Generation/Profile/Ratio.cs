namespace PerfPipeline.Generation.Profile;

/// <summary>A share to be met exactly: <see cref="Numerator"/> of <see cref="Denominator"/> records.</summary>
internal sealed record Ratio(int Denominator, int Numerator) : IQuarterTarget<Ratio>
{
    public static Ratio Less(Ratio year, Ratio quarter) =>
        new(year.Denominator - quarter.Denominator, year.Numerator - quarter.Numerator);

    public static Ratio Part(Ratio total, int part, int parts) =>
        new(IQuarterTarget<Ratio>.Split(total.Denominator, part, parts), IQuarterTarget<Ratio>.Split(total.Numerator, part, parts));
}
