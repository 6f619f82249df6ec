namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Warehouse;

/// <summary>A dashboard read from the warehouse, with every current value of its LA (for trends).</summary>
public sealed record DashboardReadout(DashboardDocument Dashboard, IReadOnlyList<IndicatorValue> Values)
{
    /// <summary>
    /// The dashboard of <paramref name="la"/> for <paramref name="period"/> from the LA's current values;
    /// <paramref name="families"/>, where known, the families behind each measure's current figure.
    /// </summary>
    public static DashboardReadout Of(
        LocalAuthorityRecord la, Period period, IReadOnlyList<IndicatorValue> values,
        Reporting.ReportingReference? reference = null, IReadOnlyList<Reporting.Commentary>? commentary = null,
        IReadOnlyDictionary<string, int>? families = null)
    {
        ArgumentNullException.ThrowIfNull(la);
        ArgumentNullException.ThrowIfNull(values);
        var byKey = values.ToDictionary(v => (v.IndicatorCode, v.Period));
        return new DashboardReadout(
            DashboardBuilder.Build(la.LaCode, la.LaName, period, la.DataAsAt, (code, p) => byKey.GetValueOrDefault((code, p)), reference, commentary, families), values);
    }
}
