namespace PerfPipeline.Warehouse;

using System.Data.Common;
using System.Text;

using Dapper;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

/// <summary>
/// Reads an LA's case data from the warehouse with Dapper: one query per contract dataset, its columns aliased from
/// <see cref="ColumnSpec.StoredAs"/> to the record's property names. Plain SQL that both dialects run.
/// </summary>
internal static class CaseDataReader
{
    internal const string SuppliedDatasetsSql = """
        SELECT DISTINCT d.dataset
        FROM audit_load_dataset AS d
        JOIN audit_load AS l ON l.load_id = d.load_id
        WHERE l.la_code = @LaCode AND l.status = 'loaded' AND d.outcome = 'current'
        """;

    /// <summary>Datasets every loaded batch of the LA carried with no rows: never held rows, so never measured.</summary>
    internal const string EmptyDatasetsSql = """
        SELECT d.dataset
        FROM audit_load_dataset AS d
        JOIN audit_load AS l ON l.load_id = d.load_id
        WHERE l.la_code = @LaCode AND l.status = 'loaded'
        GROUP BY d.dataset
        HAVING MAX(d.rows_loaded) = 0
        """;

    /// <summary>The newest as_at of the LA's loads: the data is complete up to it.</summary>
    internal const string AsAtSql = "SELECT MAX(as_at) FROM audit_load WHERE la_code = @LaCode AND status = 'loaded'";

    public static async Task<LaCaseData> ReadAsync(
        DbConnection connection, DbTransaction? transaction, string laCode, CancellationToken cancellationToken = default)
    {
        WarehouseTypeHandlers.Register();
        var query = new Query(connection, transaction, laCode, cancellationToken);
        var supplied = await query.ListAsync<string>(SuppliedDatasetsSql).ConfigureAwait(false);
        var empty = await query.ListAsync<string>(EmptyDatasetsSql).ConfigureAwait(false);
        var asAt = await query.ListAsync<DateOnly?>(AsAtSql).ConfigureAwait(false);
        return new LaCaseData
        {
            LaCode = laCode,
            AsAt = asAt.Single(),
            Population = await ReferenceSql.ReadPopulationAsync(connection, transaction, laCode, cancellationToken).ConfigureAwait(false),
            BankHolidays = await ReferenceSql.ReadHolidaysAsync(connection, transaction, cancellationToken).ConfigureAwait(false),
            AllocatedRoles = await query.ListAsync<string>(ReferenceSql.AllocatedRolesSql).ConfigureAwait(false),
            SuppliedDatasets = supplied.ToHashSet(StringComparer.Ordinal),
            EmptyDatasets = empty.ToHashSet(StringComparer.Ordinal),
            People = await query.EventsAsync<Person>(ExtractContract.Person).ConfigureAwait(false),
            Referrals = await query.EventsAsync<Referral>(ExtractContract.CinEpisodes).ConfigureAwait(false),
            Assessments = await query.EventsAsync<Assessment>(ExtractContract.CinAssessments).ConfigureAwait(false),
            CpPlans = await query.EventsAsync<CpPlan>(ExtractContract.CpPlans).ConfigureAwait(false),
            CpVisits = await query.EventsAsync<CpVisit>(ExtractContract.CpVisits).ConfigureAwait(false),
            CareEpisodes = await query.EventsAsync<CareEpisode>(ExtractContract.ClaEpisodes).ConfigureAwait(false),
            CareVisits = await query.EventsAsync<CareVisit>(ExtractContract.ClaVisits).ConfigureAwait(false),
            Involvements = await query.EventsAsync<Involvement>(ExtractContract.Involvements).ConfigureAwait(false),
            MissingEpisodes = await query.EventsAsync<MissingEpisode>(ExtractContract.Missing).ConfigureAwait(false),
            EarlyHelpEpisodes = await query.EventsAsync<EarlyHelpEpisode>(ExtractContract.EarlyHelpEpisodes).ConfigureAwait(false),
            EhcpRequests = await query.EventsAsync<EhcpRequest>(ExtractContract.EhcpRequests).ConfigureAwait(false),
            EhcpAssessments = await query.EventsAsync<EhcpAssessment>(ExtractContract.EhcpAssessments).ConfigureAwait(false),
            EhcpNamedPlans = await query.EventsAsync<EhcpNamedPlan>(ExtractContract.EhcpNamedPlans).ConfigureAwait(false),
            Professionals = await query.EventsAsync<Professional>(ExtractContract.Professionals).ConfigureAwait(false),
            CareLeaverSnapshots = await query.SnapshotsAsync<CareLeaver>(ExtractContract.CareLeavers).ConfigureAwait(false),
            EhcpActivePlanSnapshots = await query.SnapshotsAsync<EhcpActivePlan>(ExtractContract.EhcpActivePlans).ConfigureAwait(false),
            MissingEducationSnapshots = await query.SnapshotsAsync<MissingEducationCase>(ExtractContract.ChildrenMissingEducation).ConfigureAwait(false),
        };
    }

    /// <summary><c>SELECT referral_id AS ReferralId, … FROM fact_referral WHERE la_code = @LaCode</c>, key order.</summary>
    internal static string SelectSql(DatasetContract dataset, bool oneSnapshot)
    {
        var columns = string.Join(", ", dataset.Columns.Select(c => $"{c.StoredAs} AS {PropertyName(c.StoredAs)}"));
        var snapshot = oneSnapshot ? " AND as_at = @AsAt" : string.Empty;
        return $"SELECT {columns} FROM {dataset.Table} WHERE la_code = @LaCode{snapshot} ORDER BY {dataset.PrimaryKey.StoredAs}";
    }

    /// <summary>
    /// The as_at dates a snapshot dataset keeps for the LA, oldest first, each with the <c>source_system</c> of the load
    /// that wrote it (a later load of the same as_at replaces its rows, so one load per date).
    /// </summary>
    internal static string SnapshotDatesSql(DatasetContract dataset) =>
        $"SELECT s.as_at AS AsAt, MAX(a.source_system) AS SourceSystem FROM {dataset.Table} s JOIN audit_load a ON a.load_id = s.load_id " +
        "WHERE s.la_code = @LaCode GROUP BY s.as_at ORDER BY s.as_at";

    /// <summary><c>referral_id</c> → <c>ReferralId</c>: the case data records are named after the warehouse columns.</summary>
    internal static string PropertyName(string storedAs)
    {
        var name = new StringBuilder(storedAs.Length);
        foreach (var part in storedAs.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return name.ToString();
    }

    private sealed record Query(DbConnection Connection, DbTransaction? Transaction, string LaCode, CancellationToken CancellationToken)
    {
        public async Task<List<T>> ListAsync<T>(string sql, DateOnly? asAt = null)
        {
            var parameters = new DynamicParameters(new { LaCode });
            if (asAt is { } date)
            {
                parameters.Add("AsAt", date);
            }

            var rows = await Connection.QueryAsync<T>(
                new CommandDefinition(sql, parameters, Transaction, cancellationToken: CancellationToken)).ConfigureAwait(false);
            return rows.AsList();
        }

        public async Task<IReadOnlyList<T>> EventsAsync<T>(DatasetContract dataset) =>
            await ListAsync<T>(SelectSql(dataset, oneSnapshot: false)).ConfigureAwait(false);

        public async Task<IReadOnlyList<Snapshot<T>>> SnapshotsAsync<T>(DatasetContract dataset)
        {
            var dates = await ListAsync<SnapshotDate>(SnapshotDatesSql(dataset))
                .ConfigureAwait(false);
            var snapshots = new List<Snapshot<T>>(dates.Count);
            foreach (var date in dates)
            {
                snapshots.Add(new Snapshot<T>(date.AsAt, await ListAsync<T>(SelectSql(dataset, oneSnapshot: true), date.AsAt).ConfigureAwait(false))
                {
                    SourceSystem = date.SourceSystem,
                });
            }

            return snapshots;
        }
    }

    /// <summary>A row of <see cref="SnapshotDatesSql"/>.</summary>
    private sealed class SnapshotDate
    {
        public DateOnly AsAt { get; set; }

        public string? SourceSystem { get; set; }
    }
}
