namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

/// <summary>
/// <c>--db PATH | --sqlserver CONNSTR</c>: which warehouse a command opens, the SQLite file (the default) or Azure SQL.
/// Every command that opens the warehouse adds these with <see cref="AddTo"/> and reads its choice with <see cref="Target"/>.
/// </summary>
internal sealed class WarehouseOptions(CliContext context)
{
    public Option<string> Database { get; } = PipelineOptions.Database(context);

    public Option<string?> SqlServer { get; } = new("--sqlserver")
    {
        Description = "Azure SQL instead of the SQLite file: a connection string with Authentication=Active Directory Default (no password).",
        HelpName = "CONNSTR",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Database);
        command.Options.Add(SqlServer);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Database) is { Implicit: false } && result.GetResult(SqlServer) is not null)
            {
                result.AddError("Give --db or --sqlserver, not both.");
            }
        });
    }

    public WarehouseTarget Target(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(SqlServer) is { } connectionString
            ? WarehouseTarget.SqlServer(connectionString)
            : WarehouseTarget.Sqlite(parseResult.GetValue(Database)!);
    }
}
