namespace PerfPipeline.Tests.SqlServer;

using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Warehouse.SqlServer;

/// <summary>DacFx models of the Azure SQL warehouse, built offline from the embedded migrations.</summary>
internal static class SqlServerModels
{
    /// <summary>A new Azure SQL model holding every migration script, as a database they had been applied to.</summary>
    public static TSqlModel FromMigrations()
    {
        var model = new TSqlModel(SqlServerVersion.SqlAzure, new TSqlModelOptions());
        foreach (var (_, text) in SqlServerMigrations.Scripts())
        {
            model.AddObjects(text);
        }

        return model;
    }

    /// <summary>The model's errors and warnings, one line each (<c>SQL71502: …</c>).</summary>
    public static List<string> Problems(TSqlModel model) =>
        [.. model.Validate()
            .Where(m => m.MessageType is DacMessageType.Error or DacMessageType.Warning)
            .Select(m => $"{m.Prefix}{m.Number}: {m.Message}")];

    /// <summary>User tables or views, by name without brackets (<c>dbo.audit_load</c>, <c>pbi.load</c>), with their columns in order.</summary>
    public static Dictionary<string, List<TSqlObject>> Columns(TSqlModel model, ModelTypeClass type, ModelRelationshipClass columns) =>
        model.GetObjects(DacQueryScopes.UserDefined, type)
            .ToDictionary(o => string.Join('.', o.Name.Parts), o => o.GetReferenced(columns).ToList(), StringComparer.Ordinal);

    public static string ColumnName(TSqlObject column) => column.Name.Parts[^1];
}
