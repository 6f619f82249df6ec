namespace PerfPipeline.Tests.Infra;

using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// An environment's parameter file (<c>infra/parameters/{env}.bicepparam</c>) compiled by <c>bicep build-params</c> with
/// stand-in identities in the environment, and a small evaluator for the conditional expressions the templates use
/// (<c>[if(parameters('denyPublicTraffic'), 'Deny', 'Allow')]</c>), so a test can say what an environment deploys.
/// </summary>
internal sealed partial class EnvironmentParameters
{
    private readonly JsonElement _values;

    private EnvironmentParameters(string environment, JsonElement values)
    {
        Environment = environment;
        _values = values;
    }

    public string Environment { get; }

    public static Dictionary<string, string?> StandInIdentities(string? administratorObjectId = null) => new()
    {
        ["PERFPIPELINE_SQL_ADMIN_LOGIN"] = "PerfPipeline SQL administrators",
        ["PERFPIPELINE_SQL_ADMIN_OBJECT_ID"] = administratorObjectId ?? Guid.NewGuid().ToString(),
        ["PERFPIPELINE_API_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
        ["PERFPIPELINE_ALERT_EMAIL"] = "children-data-ops@example.org",
        ["PERFPIPELINE_OPERATOR_OBJECT_ID"] = null,
        ["PERFPIPELINE_UPLOADER_OBJECT_ID"] = null,
        ["PERFPIPELINE_UPLOAD_ALLOWED_IPS"] = null,
        ["PERFPIPELINE_SQL_ALLOWED_IPS"] = null,
        ["PERFPIPELINE_VNET_ADDRESS_PREFIX"] = null,
    };

    public static async Task<EnvironmentParameters> BuildAsync(string environment, IReadOnlyDictionary<string, string?> variables)
    {
        var output = Directory.CreateTempSubdirectory("perfpipeline-bicepparam-");
        try
        {
            var file = Path.Combine(output.FullName, "parameters.json");
            var run = await BicepCli.Locate().RunAsync(
                ["build-params", RepositoryRoot.File("infra", "parameters", $"{environment}.bicepparam"), "--outfile", file],
                variables,
                TestContext.Current.CancellationToken);
            Assert.True(run.ExitCode == 0, $"build-params {environment} failed: {run.StandardError}");
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            return new EnvironmentParameters(environment, document.RootElement.GetProperty("parameters").Clone());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The value the file sets, or null when it leaves the template's default.</summary>
    public JsonElement? Value(string name) => _values.TryGetProperty(name, out var parameter) ? parameter.GetProperty("value") : null;

    public bool Flag(string name) => Value(name) is { } value ? value.GetBoolean() : throw new KeyNotFoundException($"{Environment}.bicepparam does not set {name}.");

    /// <summary>Evaluates <c>[if(parameters('p'), 'a', 'b')]</c>, <c>[parameters('p')]</c> or a literal with this file's flags.</summary>
    public string Evaluate(string expression)
    {
        var conditional = Conditional().Match(expression);
        if (conditional.Success)
        {
            return Flag(conditional.Groups[1].Value) ? conditional.Groups[2].Value : conditional.Groups[3].Value;
        }

        var parameter = Parameter().Match(expression);
        return parameter.Success ? Flag(parameter.Groups[1].Value).ToString() : expression;
    }

    /// <summary>Whether a resource with this <c>condition</c> (or none) is deployed.</summary>
    public bool Deploys(TemplateResource resource) =>
        !resource.Element.TryGetProperty("condition", out var condition) || bool.Parse(Evaluate(condition.GetString()!));

    [GeneratedRegex(@"^\[if\(parameters\('(\w+)'\), '([^']*)', '([^']*)'\)\]$")]
    private static partial Regex Conditional();

    [GeneratedRegex(@"^\[parameters\('(\w+)'\)\]$")]
    private static partial Regex Parameter();
}
