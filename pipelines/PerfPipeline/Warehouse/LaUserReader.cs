namespace PerfPipeline.Warehouse;

using System.Data.Common;

using Dapper;

/// <summary>
/// The LAs a signed-in user may see, from <c>security_la_user</c>: the same rows the Power BI role "LA users" reads
/// through the <c>la_user</c> view, compared without regard to case as the model compares USERPRINCIPALNAME().
/// Plain SQL, both dialects.
/// </summary>
internal static class LaUserReader
{
    private const string Sql = """
        SELECT la_code
        FROM security_la_user
        WHERE LOWER(user_principal_name) = LOWER(@UserPrincipalName)
        ORDER BY la_code
        """;

    public static async Task<IReadOnlyList<string>> ListAsync(DbConnection connection, string userPrincipalName, CancellationToken cancellationToken)
    {
        var codes = await connection.QueryAsync<string>(new CommandDefinition(Sql, new { UserPrincipalName = userPrincipalName }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. codes];
    }
}
