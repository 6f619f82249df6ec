namespace PerfPipeline.Generation.Profile;

/// <summary>EHC plans issued: counted plans, those within 20 weeks, and plans issued under an exception (left out).</summary>
internal sealed record EhcpIssuedTarget(int Plans, int WithinTwentyWeeks, int Exceptions) : IQuarterTarget<EhcpIssuedTarget>
{
    public static EhcpIssuedTarget Less(EhcpIssuedTarget year, EhcpIssuedTarget quarter) =>
        new(year.Plans - quarter.Plans, year.WithinTwentyWeeks - quarter.WithinTwentyWeeks, year.Exceptions - quarter.Exceptions);

    public static EhcpIssuedTarget Part(EhcpIssuedTarget total, int part, int parts) =>
        new(
            IQuarterTarget<EhcpIssuedTarget>.Split(total.Plans, part, parts),
            IQuarterTarget<EhcpIssuedTarget>.Split(total.WithinTwentyWeeks, part, parts),
            IQuarterTarget<EhcpIssuedTarget>.Split(total.Exceptions, part, parts));
}
