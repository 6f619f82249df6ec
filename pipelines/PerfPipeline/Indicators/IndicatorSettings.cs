namespace PerfPipeline.Indicators;

/// <summary>
/// The timescales of docs/spec/indicators.md that an LA may set differently, and the care-leaver cohort's rules; each
/// default is the published definition (see <see cref="IndicatorSettingsDefaults"/>).
/// </summary>
public sealed record IndicatorSettings
{
    public static IndicatorSettings Default { get; } = new();

    /// <summary>A CP visit is in timescale within this many working days of the previous visit or the plan start.</summary>
    public int CpVisitWorkingDays { get; init; } = IndicatorSettingsDefaults.CpVisitWorkingDays;

    /// <summary>A CiC visit is in timescale within this many calendar days of the previous visit.</summary>
    public int CareVisitDays { get; init; } = IndicatorSettingsDefaults.CareVisitDays;

    /// <summary>The first CiC visit is in timescale within this many calendar days of the period of care's start.</summary>
    public int CareFirstVisitDays { get; init; } = IndicatorSettingsDefaults.CareFirstVisitDays;

    /// <summary>An EHC plan is issued in time within this many calendar days of the request (20 weeks).</summary>
    public int EhcpIssueDays { get; init; } = IndicatorSettingsDefaults.EhcpIssueDays;

    /// <summary>A return home interview is on time within this many calendar days of the return (72 hours).</summary>
    public int ReturnHomeInterviewDays { get; init; } = IndicatorSettingsDefaults.ReturnHomeInterviewDays;

    /// <summary>Which care-leaver rows form the cohort (the configuration section <c>PerfPipeline:CareLeavers</c>); default the spec's.</summary>
    public CaseData.CareLeaverCohort CareLeavers { get; init; } = CaseData.CareLeaverCohort.Default;
}
