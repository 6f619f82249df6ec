namespace PerfPipeline.Extracts;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>Parses <c>manifest.json</c> (snake_case fields, e.g. <c>la_code</c>, <c>as_at</c>).</summary>
internal static partial class ManifestParser
{
    public const string FileName = Batches.BatchFileNames.Manifest;

    /// <summary>The manifest, or null with the reason it is not a valid manifest.</summary>
    public static BatchManifest? Parse(ReadOnlySpan<byte> utf8Json, out string? error)
    {
        BatchManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(utf8Json, BatchManifestJsonContext.Default.BatchManifest);
        }
        catch (JsonException exception)
        {
            error = PlainError(exception);
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

    /// <summary>What is wrong, in the manifest's own terms: its field and the kind of value it takes, never a .NET type name.</summary>
    private static string PlainError(JsonException exception)
    {
        var line = exception.LineNumber is { } number ? $" (line {number + 1})" : string.Empty;
        var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        if (field is null || !exception.Message.Contains("could not be converted to ", StringComparison.Ordinal))
        {
            return $"manifest.json is not valid JSON{line}";
        }

        // The serializer names the manifest's own type, not the field's: the field's name says what it takes.
        var name = field[(field.LastIndexOf('.') + 1)..];
        var expected = name switch
        {
            "as_at" => "a date written yyyy-MM-dd",
            "rows" => "a whole number",
            "datasets" => "a list of datasets, each with a name and a file",
            _ when name.StartsWith("datasets[", StringComparison.Ordinal) => "an object with a name and a file",
            _ => "text in double quotes",
        };
        return $"manifest.json: {field} must be {expected}{line}";
    }

    /// <summary>Source-generated: no reflection-built serializer just to read a manifest.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectNullableAnnotations = true)]
    [JsonSerializable(typeof(BatchManifest))]
    private sealed partial class BatchManifestJsonContext : JsonSerializerContext;
}
