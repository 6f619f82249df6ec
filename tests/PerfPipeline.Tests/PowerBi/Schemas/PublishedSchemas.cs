namespace PerfPipeline.Tests.PowerBi.Schemas;

using System.Text.Json;

using Json.Schema;

/// <summary>
/// Microsoft's published JSON schemas for Power BI projects, read from the copies shipped in the repository
/// (<c>powerbi/schemas/</c> mirrors <c>https://developer.microsoft.com/json-schemas/</c>), so nothing is downloaded.
/// References between them resolve to the same copies.
/// </summary>
internal sealed class PublishedSchemas
{
    private const string PublishedRoot = "https://developer.microsoft.com/json-schemas/";

    private readonly string _folder;
    private readonly BuildOptions _options;
    private readonly Dictionary<string, JsonSchema> _built = new(StringComparer.Ordinal);

    public PublishedSchemas(string folder)
    {
        _folder = folder;
        var registry = new SchemaRegistry { Fetch = (uri, _) => Build(uri.GetLeftPart(UriPartial.Path)) };
        // The project-file schemas name no $schema dialect; all of them are written as draft-07 ("definitions").
        _options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft07 };
    }

    /// <summary>The shipped copy a published schema address maps to.</summary>
    public string PathOf(string schemaUri) =>
        schemaUri.StartsWith(PublishedRoot, StringComparison.Ordinal)
            ? Path.Combine([_folder, .. new Uri(schemaUri).AbsolutePath[("/json-schemas/".Length)..].Split('/')])
            : throw new ArgumentException($"'{schemaUri}' is not a published Microsoft schema.", nameof(schemaUri));

    /// <summary>Validates a document against the schema its <c>$schema</c> names; returns the failures, one line each.</summary>
    public IReadOnlyList<string> Validate(JsonElement document)
    {
        var schemaUri = document.TryGetProperty("$schema", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new ArgumentException("The document names no $schema.", nameof(document));
        var results = Build(schemaUri).Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))];
    }

    private JsonSchema Build(string schemaUri)
    {
        if (!_built.TryGetValue(schemaUri, out var schema))
        {
            schema = JsonSchema.FromFile(PathOf(schemaUri), _options, new Uri(schemaUri));
            _built[schemaUri] = schema;
        }

        return schema;
    }
}
