namespace PerfPipeline.Extracts;

using System.Text.Json;

/// <summary>Parses <c>manifest.json</c> (snake_case fields, e.g. <c>la_code</c>, <c>as_at</c>).</summary>
internal static class ManifestParser
{
    public const string FileName = Batches.BatchFileNames.Manifest;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
    };

    /// <summary>The manifest, or null with the reason it is not a valid manifest.</summary>
    public static BatchManifest? Parse(ReadOnlySpan<byte> utf8Json, out string? error)
    {
        BatchManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BatchManifest>(utf8Json, JsonOptions);
        }
        catch (JsonException exception)
        {
            error = $"manifest.json is not valid: {exception.Message}";
            return null;
        }

        // Absent fields arrive as null or default: the serializer only rejects explicit nulls.
        error = manifest switch
        {
            null => "manifest.json is null",
            { LaCode: null } => "manifest.json has no la_code",
            { AsAt.DayNumber: 0 } => "manifest.json has no as_at",
            { Datasets: null } => "manifest.json has no datasets list",
            _ when manifest.Datasets.Any(d => d is null || d.Name is null || d.File is null) => "every dataset in manifest.json needs a name and a file",
            _ => null,
        };
        return error is null ? manifest : null;
    }
}
