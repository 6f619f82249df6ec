namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

/// <summary>
/// <c>--db PATH | --sqlserver CONNSTR</c>: which warehouse a command opens, the SQLite file (the default) or Azure SQL;
/// without either, the configured one (<c>PerfPipeline__Sqlite__DatabasePath</c>, <c>PerfPipeline__SqlServer__ConnectionString</c>).
/// Every command that opens the warehouse adds these with <see cref="AddTo"/> and reads its choice with <see cref="Target"/>.
/// </summary>
internal sealed class WarehouseFlags(CliContext context)
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

    /// <summary>The warehouse the flags name; <see cref="WarehouseTarget.Configured"/> when neither is given.</summary>
    public WarehouseTarget Target(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetValue(SqlServer) is { } connectionString)
        {
            return WarehouseTarget.SqlServer(connectionString);
        }

        return parseResult.GetResult(Database) is { Implicit: false }
            ? WarehouseTarget.Sqlite(parseResult.GetValue(Database)!)
            : WarehouseTarget.Configured;
    }
}
