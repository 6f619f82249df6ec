namespace PerfPipeline.Generation.Profile;

/// <summary>EHC plans issued: counted plans, those within 20 weeks, and plans issued under an exception (left out).</summary>
internal sealed record EhcpIssuedTarget(int Plans, int WithinTwentyWeeks, int Exceptions) : IQuarterTarget<EhcpIssuedTarget>
{
    public static EhcpIssuedTarget Less(EhcpIssuedTarget year, EhcpIssuedTarget quarter) =>
        new(year.Plans - quarter.Plans, year.WithinTwentyWeeks - quarter.WithinTwentyWeeks, year.Exceptions - quarter.Exceptions);

    public static EhcpIssuedTarget Part(EhcpIssuedTarget total, IReadOnlyList<(double Volume, double Rate)> weights, int part) =>
        new(
            IQuarterTarget<EhcpIssuedTarget>.Share(total.Plans, weights, part, rate: false),
            IQuarterTarget<EhcpIssuedTarget>.Share(total.WithinTwentyWeeks, weights, part, rate: true),
            IQuarterTarget<EhcpIssuedTarget>.Share(total.Exceptions, weights, part, rate: false));

    public static EhcpIssuedTarget Vary(EhcpIssuedTarget target, double volume, double rate)
    {
        var plans = IQuarterTarget<EhcpIssuedTarget>.Scale(target.Plans, volume);
        return new(plans, Math.Min(plans, IQuarterTarget<EhcpIssuedTarget>.Scale(target.WithinTwentyWeeks, volume * rate)), target.Exceptions);
    }
}
