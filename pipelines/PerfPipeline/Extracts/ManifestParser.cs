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
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
    };

    /// <summary>The manifest, or null with the reason it is not a valid manifest.</summary>
    public static BatchManifest? Parse(ReadOnlySpan<byte> utf8Json, out string? error)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BatchManifest>(utf8Json, JsonOptions);
            error = manifest is null ? "manifest.json is null" : null;
            return manifest;
        }
        catch (JsonException exception)
        {
            error = $"manifest.json is not a valid manifest: {exception.Message}";
            return null;
        }
    }
}
