namespace PerfPipeline.Indicators;

/// <summary>The defaults of <see cref="IndicatorSettings"/>, as docs/spec/indicators.md defines them.</summary>
public static class IndicatorSettingsDefaults
{
    public const int CpVisitWorkingDays = 10;
    public const int CareVisitDays = 42;
    public const int CareFirstVisitDays = 7;
    public const int EhcpIssueDays = 140;
    public const int ReturnHomeInterviewDays = 3;
}
