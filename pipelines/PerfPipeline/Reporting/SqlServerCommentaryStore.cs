namespace PerfPipeline.Reporting;

using System.Data;

using Dapper;

using Microsoft.Data.SqlClient;

using PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// Commentary in Azure SQL (migration <c>0010_report_commentary.sql</c>). Checked offline only: the statements are
/// parsed and bound against the DacFx model by the tests; no SQL Server runs here.
/// </summary>
internal sealed class SqlServerCommentaryStore(string connectionString) : ICommentaryStore
{
    internal const string SelectStatement = $"""
        SELECT {CommentaryRow.Columns}
        FROM dbo.report_commentary WHERE la_code = @LaCode AND period_code = @Period ORDER BY item, section;
        """;

    /// <summary>Update, else insert, under an update lock on the key so two writers of one section cannot both insert.</summary>
    internal const string UpsertStatement = """
        UPDATE dbo.report_commentary WITH (UPDLOCK, SERIALIZABLE)
        SET body = @Body, author = @Author, updated_at = @UpdatedAt, status = @Status
        WHERE la_code = @LaCode AND period_code = @PeriodCode AND item = @Item AND section = @Section;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.report_commentary (la_code, period_code, item, section, body, author, updated_at, status)
            VALUES (@LaCode, @PeriodCode, @Item, @Section, @Body, @Author, @UpdatedAt, @Status);
        """;

    public async Task<IReadOnlyList<Commentary>> ReadAsync(string laCode, string period, CancellationToken cancellationToken = default)
    {
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<CommentaryRow>(new CommandDefinition(
                SelectStatement, new { LaCode = laCode, Period = period }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(r => r.ToCommentary()).OrderBy(c => c.Item).ThenBy(c => c.Section)];
        }
    }

    public async Task SaveAsync(IReadOnlyList<Commentary> commentary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commentary);
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqlTransaction)await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var c in commentary)
                {
                    await connection.ExecuteAsync(new CommandDefinition(UpsertStatement, CommentaryRow.Parameters(c), transaction, cancellationToken: cancellationToken))
                        .ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
