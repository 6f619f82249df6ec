namespace PerfPipeline.Tests.Infra;

using System.Text;
using System.Text.Json;

/// <summary>The diagnostics in the SARIF logs a bicep command printed.</summary>
internal static class SarifDiagnostics
{
    /// <summary>Every diagnostic (error, warning or info), one line each.</summary>
    public static IReadOnlyList<string> Read(CommandResult result)
    {
        // build and build-params print the log on standard error; lint prints one log per file on standard output.
        var sarif = new[] { result.StandardError, result.StandardOutput }.FirstOrDefault(text => text.TrimStart().StartsWith('{'))
            ?? throw new InvalidOperationException($"bicep printed no SARIF log: {result.StandardError}");
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(sarif), new JsonReaderOptions { AllowMultipleValues = true });
        var diagnostics = new List<string>();
        while (reader.Read())
        {
            using var log = JsonDocument.ParseValue(ref reader);
            diagnostics.AddRange(log.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.GetProperty("results").EnumerateArray())
                .Select(Describe));
        }

        return diagnostics;
    }

    private static string Describe(JsonElement result)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var file = Path.GetFileName(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
        var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
        return $"{file}({line}) {result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString()}";
    }
}
