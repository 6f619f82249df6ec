namespace PerfPipeline.Warehouse;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

/// <summary>The warehouse's read model: what the dashboard, the API and the indicator engine read.</summary>
public interface IWarehouseReadModel
{
    /// <summary>The LA's current indicator values: per indicator and period, the value of the latest load that computed it.</summary>
    Task<IReadOnlyList<IndicatorValue>> ReadCurrentIndicatorValuesAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The LA's current figures by team (docs/teams.md): per team, indicator and period, the value of the latest load that
    /// computed it. Empty when no load has computed any.
    /// </summary>
    Task<IReadOnlyList<TeamIndicatorValue>> ReadCurrentTeamValuesAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The names of the LA's teams from the department lists its batches carried (<c>ssd_department</c>): per team key,
    /// the newest batch's name and parent. <see cref="TeamNames.None"/> (teams shown by their keys) when none carried one.
    /// </summary>
    Task<TeamNames> ReadTeamNamesAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>The work list made by the LA's latest committed load, as at its newest batch; null when the LA has no load.</summary>
    Task<WorkList?> ReadCurrentWorkListAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>Every LA with a committed load, by LA code: its name (newest manifest) and newest loaded <c>as_at</c>.</summary>
    Task<IReadOnlyList<LocalAuthorityRecord>> ListLocalAuthoritiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The LA codes a signed-in user (an Entra user principal name) may see: the mapping the Power BI row-level security
    /// uses (<c>security_la_user</c>), so the HTTP API and the report agree. Empty for an unmapped user.
    /// </summary>
    Task<IReadOnlyList<string>> ListLaCodesForUserAsync(string userPrincipalName, CancellationToken cancellationToken = default);

    /// <summary>The LA's current event data and every snapshot kept, as the indicator engine reads them.</summary>
    Task<LaCaseData> ReadCaseDataAsync(string laCode, CancellationToken cancellationToken = default);
}
