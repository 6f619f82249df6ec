namespace PerfPipeline.Tests.Infra;

using System.Text.Json;

/// <summary>
/// infra/main.bicep compiled once to ARM JSON in a temporary folder, with every module's nested template
/// flattened so tests can look resources up by type.
/// </summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("perfpipeline-bicep-");

    internal CommandResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>The compiled main.json as text.</summary>
    public string Json { get; private set; } = string.Empty;

    /// <summary>The main template and each module's template, by module name (<c>main</c> for the root).</summary>
    public IReadOnlyList<(string Module, JsonElement Template)> Templates { get; private set; } = [];

    /// <summary>Every resource the templates deploy (existing references excluded).</summary>
    public IReadOnlyList<TemplateResource> Resources { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Build = await BicepCli.Locate().RunAsync(
            ["build", RepositoryRoot.File("infra", "main.bicep"), "--outdir", _output.FullName],
            cancellationToken: TestContext.Current.CancellationToken);
        var compiled = Path.Combine(_output.FullName, "main.json");
        if (!File.Exists(compiled))
        {
            throw new InvalidOperationException($"bicep build wrote no main.json (exit {Build.ExitCode}): {Build.StandardError}");
        }

        Json = await File.ReadAllTextAsync(compiled, TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(Json);
        var templates = new List<(string, JsonElement)>();
        Collect("main", document.RootElement.Clone(), templates);
        Templates = templates;
        Resources = templates
            .SelectMany(template => ResourcesOf(template.Item2).Select(resource => new TemplateResource(template.Item1, resource)))
            .Where(resource => !resource.IsExisting)
            .ToList();
    }

    public ValueTask DisposeAsync()
    {
        _output.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The resources of one type, failing when there are none (a renamed type would otherwise pass vacuously).</summary>
    public IReadOnlyList<TemplateResource> OfType(string type)
    {
        var matches = Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(matches.Count > 0, $"The template deploys no {type}.");
        return matches;
    }

    public TemplateResource Resource(string type, string module)
    {
        return Assert.Single(OfType(type), resource => resource.Module == module);
    }

    private static void Collect(string module, JsonElement template, List<(string, JsonElement)> templates)
    {
        templates.Add((module, template));
        foreach (var resource in ResourcesOf(template))
        {
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                Collect(resource.GetProperty("name").GetString()!, resource.GetProperty("properties").GetProperty("template"), templates);
            }
        }
    }

    // Templates using newer language features (languageVersion 2.0) key resources by symbolic name.
    private static IEnumerable<JsonElement> ResourcesOf(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(property => property.Value)
            : resources.EnumerateArray();
    }
}
