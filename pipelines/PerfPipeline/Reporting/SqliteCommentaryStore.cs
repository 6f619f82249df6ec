namespace PerfPipeline.Reporting;

using System.Globalization;

using Dapper;

using PerfPipeline.Warehouse.Sqlite;

/// <summary>Commentary in the SQLite warehouse file (migration <c>0010_report_commentary.sql</c>).</summary>
internal sealed class SqliteCommentaryStore(string databasePath) : ICommentaryStore
{
    private readonly string _connectionString = SqliteConnections.ConnectionString(databasePath);

    // Served pages and JSON read the commentary on every request (it is part of their validator): a pooled handle, as
    // for the latest-load lookup, rather than opening the file each time.
    private readonly string _pooledConnectionString = SqliteConnections.PooledConnectionString(databasePath);

    public async Task<IReadOnlyList<Commentary>> ReadAsync(string laCode, string period, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteConnections.OpenPooledReaderAsync(_pooledConnectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                """
                SELECT la_code AS LaCode, period_code AS PeriodCode, item AS Item, section AS Section, body AS Body, author AS Author,
                       updated_at AS UpdatedAt, status AS Status
                FROM report_commentary WHERE la_code = @LaCode AND period_code = @Period ORDER BY item, section
                """,
                new { LaCode = laCode, Period = period },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => new CommentaryRow(r.LaCode, r.PeriodCode, r.Item, r.Section, r.Body, r.Author,
                DateTime.Parse(r.UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), r.Status).ToCommentary())
                .OrderBy(c => c.Item).ThenBy(c => c.Section)];
        }
    }

    public async Task SaveAsync(IReadOnlyList<Commentary> commentary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commentary);
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var c in commentary)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO report_commentary (la_code, period_code, item, section, body, author, updated_at, status)
                        VALUES (@LaCode, @PeriodCode, @Item, @Section, @Body, @Author, @UpdatedAt, @Status)
                        ON CONFLICT (la_code, period_code, item, section)
                        DO UPDATE SET body = excluded.body, author = excluded.author, updated_at = excluded.updated_at, status = excluded.status
                        """,
                        new
                        {
                            c.LaCode,
                            PeriodCode = c.Period,
                            c.Item,
                            Section = ReportSections.Code(c.Section),
                            Body = c.Text,
                            c.Author,
                            UpdatedAt = CommentaryRow.Iso(c.UpdatedAt.UtcDateTime),
                            Status = c.Status == CommentaryStatus.Approved ? "approved" : "draft",
                        },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed record Row(string LaCode, string PeriodCode, long Item, string Section, string Body, string Author, string UpdatedAt, string Status);
}
