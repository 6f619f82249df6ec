namespace PerfPipeline.Functions;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using PerfPipeline.Warehouse;

/// <summary>
/// At start, checks that the warehouse schema is the one this build expects, and says so loudly when it is not. The app
/// never migrates: its database user may read and write data but not change the schema, and instances starting
/// together would race. The deployment runs <c>perfpipeline migrate</c> with an identity that holds DDL rights, before
/// it publishes the app (docs/deployment.md). A failed check does not stop the host: the HTTP routes and the queue
/// keep their messages, and the error names the fix.
/// </summary>
internal sealed partial class WarehouseSchemaCheck(IWarehouse warehouse, ILogger<WarehouseSchemaCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        WarehouseSchemaStatus status;
        try
        {
            status = await warehouse.CheckSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CheckFailed(exception);
            return;
        }

        if (status.IsBehind)
        {
            SchemaBehind(status.Pending.Count, string.Join(", ", status.Pending));
        }
        else if (status.Unknown.Count > 0)
        {
            SchemaAhead(string.Join(", ", status.Unknown));
        }
        else
        {
            SchemaCurrent(status.Applied.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "The warehouse schema is behind this app: {Count} migration(s) not applied ({Scripts}). Loads and reads will fail until 'perfpipeline migrate' runs against this database with an identity that holds DDL rights (docs/deployment.md).")]
    private partial void SchemaBehind(int count, string scripts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The warehouse has migrations this app does not know ({Scripts}): an older build runs against a newer schema. Publish the build that migrated it.")]
    private partial void SchemaAhead(string scripts);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Warehouse schema up to date ({Count} migrations applied)")]
    private partial void SchemaCurrent(int count);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Could not check the warehouse schema version")]
    private partial void CheckFailed(Exception exception);
}
