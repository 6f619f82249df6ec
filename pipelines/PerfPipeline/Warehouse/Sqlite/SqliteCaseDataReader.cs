namespace PerfPipeline.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Reference;

using SQLitePCL;

/// <summary>
/// Reads an LA's case data from the SQLite warehouse with the queries of <see cref="CaseDataReader"/>, stepped on
/// the connection's own handle and mapped by column position straight into the records (in the contract's column
/// order). Kept by measurement: reading through the dialect-neutral Dapper reader (<see cref="CaseDataReader"/>) instead
/// raised <c>run</c>'s processor time by a further 26% end to end and its peak memory by 170 MiB (peer benchmark,
/// scale 5, median of three alternating runs: 11.48 s to 14.46 s, 395 to 564 MiB; docs/performance.md).
/// Runs inside the load's transaction when there is one: statements on the handle belong to it. The rows a load has
/// just written are taken from its batch instead of being read back (<see cref="WrittenDatasets"/>).
/// </summary>
internal static class SqliteCaseDataReader
{
    private static readonly Dictionary<DatasetContract, IRecordMap> WrittenMaps = new IRecordMap[]
    {
        Records.Person, Records.CinEpisodes, Records.CinAssessments, Records.CpPlans, Records.CpVisits, Records.ClaEpisodes,
        Records.ClaVisits, Records.Involvements, Records.Missing, Records.EarlyHelpEpisodes, Records.EhcpRequests,
        Records.EhcpAssessments, Records.EhcpNamedPlans, Records.Professionals, Records.CareLeavers, Records.EhcpActivePlans,
        Records.ChildrenMissingEducation,
    }.ToDictionary(map => map.Contract);

    public static LaCaseData Read(SqliteConnection connection, string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection, laCode, new WrittenDatasets(default), cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// The LA's case data as it stands once the load that wrote <paramref name="written"/> commits. Every query runs on
    /// the connection before this returns; the records of the written datasets are taken as their building (on the
    /// thread pool) ends, so the connection is free meanwhile. The task completes at once when nothing was written.
    /// </summary>
    public static Task<LaCaseData> ReadAsync(SqliteConnection connection, string laCode, WrittenDatasets written, CancellationToken cancellationToken = default)
    {
        var query = new Query(connection.Handle!, laCode, written, new StringPool(), cancellationToken);
        var asAt = query.List(CaseDataReader.AsAtSql, null, static r => r.DateOrNull(0)).Single();
        var population = query.List(ReferenceSql.LaPopulationSql, null, static r => new PopulationEstimate((int)r.Number(1), (int)r.Number(2))
        {
            Source = new ReferenceProvenance(r.Text(3), ReferenceKinds.ParseScope(r.Text(4)), r.Text(5), r.TextOrNull(6), r.DateOrNull(7)),
        }, new bool[8]);
        var bankHolidays = query.List(ReferenceSql.BankHolidaysSql, null, static r => new BankHoliday(r.Date(0), r.Text(1), r.Text(2), r.Text(3)), new bool[4]);
        var allocatedRoles = query.List(ReferenceSql.AllocatedRolesSql, null, static r => r.Text(0));
        var supplied = query.List(CaseDataReader.SuppliedDatasetsSql, null, static r => r.Text(0)).ToHashSet(StringComparer.Ordinal);
        var empty = query.List(CaseDataReader.EmptyDatasetsSql, null, static r => r.Text(0)).ToHashSet(StringComparer.Ordinal);
        var people = query.Events(Records.Person);
        var referrals = query.Events(Records.CinEpisodes);
        var assessments = query.Events(Records.CinAssessments);
        var cpPlans = query.Events(Records.CpPlans);
        var cpVisits = query.Events(Records.CpVisits);
        var careEpisodes = query.Events(Records.ClaEpisodes);
        var careVisits = query.Events(Records.ClaVisits);
        var involvements = query.Events(Records.Involvements);
        var missingEpisodes = query.Events(Records.Missing);
        var earlyHelpEpisodes = query.Events(Records.EarlyHelpEpisodes);
        var ehcpRequests = query.Events(Records.EhcpRequests);
        var ehcpAssessments = query.Events(Records.EhcpAssessments);
        var ehcpNamedPlans = query.Events(Records.EhcpNamedPlans);
        var professionals = query.Events(Records.Professionals);
        var careLeavers = query.Snapshots(Records.CareLeavers);
        var ehcpActivePlans = query.Snapshots(Records.EhcpActivePlans);
        var missingEducation = query.Snapshots(Records.ChildrenMissingEducation);
        return Assemble();

        async Task<LaCaseData> Assemble() => new()
        {
            LaCode = laCode,
            AsAt = asAt,
            Population = population,
            BankHolidays = bankHolidays,
            AllocatedRoles = allocatedRoles,
            SuppliedDatasets = supplied,
            EmptyDatasets = empty,
            People = await people.ConfigureAwait(false),
            Referrals = await referrals.ConfigureAwait(false),
            Assessments = await assessments.ConfigureAwait(false),
            CpPlans = await cpPlans.ConfigureAwait(false),
            CpVisits = await cpVisits.ConfigureAwait(false),
            CareEpisodes = await careEpisodes.ConfigureAwait(false),
            CareVisits = await careVisits.ConfigureAwait(false),
            Involvements = await involvements.ConfigureAwait(false),
            MissingEpisodes = await missingEpisodes.ConfigureAwait(false),
            EarlyHelpEpisodes = await earlyHelpEpisodes.ConfigureAwait(false),
            EhcpRequests = await ehcpRequests.ConfigureAwait(false),
            EhcpAssessments = await ehcpAssessments.ConfigureAwait(false),
            EhcpNamedPlans = await ehcpNamedPlans.ConfigureAwait(false),
            Professionals = await professionals.ConfigureAwait(false),
            CareLeaverSnapshots = await careLeavers.ConfigureAwait(false),
            EhcpActivePlanSnapshots = await ehcpActivePlans.ConfigureAwait(false),
            MissingEducationSnapshots = await missingEducation.ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Starts building the records of rows the load has just written, on the thread pool, while the load's connection
    /// inserts the next dataset: both cores work during the load. Null for a dataset the case data does not read.
    /// </summary>
    /// <param name="rows">The rows written.</param>
    /// <param name="keyOrder">Their order by primary key when the load has it already (<see cref="StoredTextOrder.InsertOrder"/>).</param>
    public static Task? StartMapping(AcceptedRows rows, int[]? keyOrder) =>
        WrittenMaps.TryGetValue(rows.Contract, out var map) ? map.Start(rows, keyOrder) : null;

    /// <summary>The records of rows the load has just written, in key order, as reading them back would give them.</summary>
    private static List<T> Written<T>(AcceptedRows rows, int[]? keyOrder, Func<ICaseRow, T> map)
    {
        keyOrder ??= StoredTextOrder.KeyOrder(rows);
        var row = new WrittenCaseRow(rows);
        var records = new List<T>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            row.Row = i;
            records.Add(map(row));
        }

        // Mapped in the rows' order, then put in key order: reading the cells row by row in key order (a pseudonym's, no
        // order at all) jumped about the batch's column arrays, and made ssd_person's records at scale 20 take about twice
        // as long (0.48-0.54 s against 0.27-0.28 s, on the thread pool beside the read and the inserts).
        return keyOrder is null ? records : [.. keyOrder.Select(i => records[i])];
    }

    private interface IRecordMap
    {
        DatasetContract Contract { get; }

        /// <summary>Starts building the records of the dataset's written rows on the thread pool.</summary>
        Task Start(AcceptedRows rows, int[]? keyOrder);
    }

    /// <summary>A dataset and its record, mapped by column position in the contract's order.</summary>
    private sealed record RecordMap<T>(DatasetContract Contract, Func<ICaseRow, T> Map) : IRecordMap
    {
        public Task Start(AcceptedRows rows, int[]? keyOrder) => Task.Run(() => Written(rows, keyOrder, Map));
    }

    /// <summary>Each dataset with its record, one source for rows read back and rows just written.</summary>
    private static class Records
    {
        public static readonly RecordMap<Person> Person = new(ExtractContract.Person, static r => new Person(r.Text(0), r.TextOrNull(1), r.TextOrNull(2), r.DateOrNull(3), r.TextOrNull(4)));

        public static readonly RecordMap<Referral> CinEpisodes = new(ExtractContract.CinEpisodes, static r => new Referral(
            r.Text(0), r.Text(1), r.Date(2), r.TextOrNull(3), r.FlagOrNull(4), r.DateOrNull(5), r.TextOrNull(6)));

        public static readonly RecordMap<Assessment> CinAssessments = new(ExtractContract.CinAssessments, static r => new Assessment(
            r.Text(0), r.Text(1), r.TextOrNull(2), r.Date(3), r.DateOrNull(4), r.TextOrNull(5)));

        public static readonly RecordMap<CpPlan> CpPlans = new(ExtractContract.CpPlans, static r => new CpPlan(r.Text(0), r.Text(1), r.Date(2), r.DateOrNull(3), r.TextOrNull(4)));

        public static readonly RecordMap<CpVisit> CpVisits = new(ExtractContract.CpVisits, static r => new CpVisit(r.Text(0), r.Text(1), r.Text(2), r.Date(3), r.FlagOrNull(4)));

        public static readonly RecordMap<CareEpisode> ClaEpisodes = new(ExtractContract.ClaEpisodes, static r => new CareEpisode(
            r.Text(0), r.Text(1), r.Text(2), r.Date(3), r.DateOrNull(4)));

        public static readonly RecordMap<CareVisit> ClaVisits = new(ExtractContract.ClaVisits, static r => new CareVisit(r.Text(0), r.Text(1), r.Text(2), r.Date(3), r.FlagOrNull(4)));

        public static readonly RecordMap<Involvement> Involvements = new(ExtractContract.Involvements, static r => new Involvement(
            r.Text(0), r.Text(1), r.TextOrNull(2), r.TextOrNull(3), r.TextOrNull(4), r.Date(5), r.DateOrNull(6), r.TextOrNull(7)));

        public static readonly RecordMap<MissingEpisode> Missing = new(ExtractContract.Missing, static r => new MissingEpisode(
            r.Text(0), r.Text(1), r.Date(2), r.TextOrNull(3), r.DateOrNull(4), r.FlagOrNull(5), r.FlagOrNull(6), r.DateOrNull(7)));

        public static readonly RecordMap<EarlyHelpEpisode> EarlyHelpEpisodes = new(ExtractContract.EarlyHelpEpisodes, static r => new EarlyHelpEpisode(
            r.Text(0), r.Text(1), r.Date(2), r.DateOrNull(3), r.DateOrNull(4)));

        public static readonly RecordMap<EhcpRequest> EhcpRequests = new(ExtractContract.EhcpRequests, static r => new EhcpRequest(r.Text(0), r.Date(1), r.DateOrNull(2), r.TextOrNull(3)));

        public static readonly RecordMap<EhcpAssessment> EhcpAssessments = new(ExtractContract.EhcpAssessments, static r => new EhcpAssessment(
            r.Text(0), r.Text(1), r.DateOrNull(2), r.TextOrNull(3), r.FlagOrNull(4)));

        public static readonly RecordMap<EhcpNamedPlan> EhcpNamedPlans = new(ExtractContract.EhcpNamedPlans, static r => new EhcpNamedPlan(r.Text(0), r.Text(1), r.Date(2), r.DateOrNull(3)));

        public static readonly RecordMap<Professional> Professionals = new(ExtractContract.Professionals, static r => new Professional(
            r.Text(0), r.FlagOrNull(1), r.NumberOrNull(2), r.FlagOrNull(3), r.DateOrNull(4), r.DateOrNull(5)));

        public static readonly RecordMap<CareLeaver> CareLeavers = new(ExtractContract.CareLeavers, static r => new CareLeaver(
            r.Text(0), r.Text(1), r.TextOrNull(2), r.TextOrNull(3), r.DateOrNull(4), r.TextOrNull(5), r.TextOrNull(6), r.TextOrNull(7)));

        public static readonly RecordMap<EhcpActivePlan> EhcpActivePlans = new(ExtractContract.EhcpActivePlans, static r => new EhcpActivePlan(
            r.Text(0), r.TextOrNull(1), r.TextOrNull(2), r.FlagOrNull(3)));

        public static readonly RecordMap<MissingEducationCase> ChildrenMissingEducation = new(ExtractContract.ChildrenMissingEducation, static r => new MissingEducationCase(r.Text(0), r.Date(1)));
    }

    private sealed class Query(sqlite3 db, string laCode, WrittenDatasets written, StringPool texts, CancellationToken cancellationToken)
    {
        private static readonly bool[] SharedTexts = [true];

        /// <summary>The dataset's records: from the batch when the load wrote it (once built), else read now.</summary>
        public Task<List<T>> Events<T>(RecordMap<T> dataset) =>
            written.RecordsAsync<T>(dataset.Contract)
                ?? Task.FromResult(List(CaseDataReader.SelectSql(dataset.Contract, oneSnapshot: false), null, dataset.Map, Shared(dataset.Contract)));

        /// <summary>The dataset's snapshots: the load's own from the batch (once built), the others read now.</summary>
        public async Task<List<Snapshot<T>>> Snapshots<T>(RecordMap<T> records)
        {
            var (dataset, map) = records;
            var select = CaseDataReader.SelectSql(dataset, oneSnapshot: true);
            var shared = Shared(dataset);

            // Every query runs before the first await: the caller goes on with the connection once this returns.
            var parts = List(CaseDataReader.SnapshotDatesSql(dataset), null, static r => (AsAt: r.Date(0), SourceSystem: r.TextOrNull(1)), new bool[2])
                .Select(date => (date.AsAt, date.SourceSystem, Records: date.AsAt == written.AsAt && written.RecordsAsync<T>(dataset) is { } records
                    ? records
                    : Task.FromResult(List(select, StoredValues.Date(date.AsAt), map, shared))))
                .ToList();
            var snapshots = new List<Snapshot<T>>(parts.Count);
            foreach (var part in parts)
            {
                snapshots.Add(new Snapshot<T>(part.AsAt, await part.Records.ConfigureAwait(false)) { SourceSystem = part.SourceSystem });
            }

            return snapshots;
        }

        /// <summary>The rows of a query on the LA (and one <c>as_at</c>), in the query's order.</summary>
        public List<T> List<T>(string sql, string? asAt, Func<ICaseRow, T> map, bool[]? shared = null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SqliteCommands.Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
            using (statement)
            {
                Bind(statement, "@LaCode", laCode);
                if (asAt is not null)
                {
                    Bind(statement, "@AsAt", asAt);
                }

                var row = new SqliteCaseRow(statement, texts, shared ?? SharedTexts);
                var rows = new List<T>();
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    rows.Add(map(row));
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteCommands.Check(rc, db);
                }

                return rows;
            }
        }

        /// <summary>Free text and codes repeat from row to row; identifiers do not.</summary>
        private static bool[] Shared(DatasetContract dataset) =>
            [.. dataset.Columns.Select(c => c.Kind is ColumnKind.Text or ColumnKind.Code)];

        /// <summary>Binds a parameter the statement names; one it does not name (a query not about the LA) is left alone.</summary>
        private void Bind(sqlite3_stmt statement, string name, string value)
        {
            var index = raw.sqlite3_bind_parameter_index(statement, name);
            if (index > 0)
            {
                SqliteCommands.Check(raw.sqlite3_bind_text(statement, index, value), db);
            }
        }
    }
}
