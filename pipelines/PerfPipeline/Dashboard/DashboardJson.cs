namespace PerfPipeline.Dashboard;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The dashboard's JSON: snake_case names, nulls written out, dates as <c>yyyy-MM-dd</c>.</summary>
public static class DashboardJson
{
    private static readonly DashboardJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,

        // Served as application/json, not embedded in HTML: keep apostrophes and ampersands readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(DashboardDocument dashboard) => JsonSerializer.Serialize(dashboard, Context.DashboardDocument);

    public static Task WriteAsync(Stream stream, DashboardDocument dashboard, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, dashboard, Context.DashboardDocument, cancellationToken);

    public static DashboardDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, Context.DashboardDocument);
}

[JsonSerializable(typeof(DashboardDocument))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
