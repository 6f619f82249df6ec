namespace PerfPipeline.Tests.Functions;

using System.Reflection;
using System.Text.Json;

using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Functions;

/// <summary>
/// The host learns the app's functions from <c>functions.metadata</c>, which the Functions SDK writes at build (and
/// publish) from the attributes. The build output of the app, copied beside the tests, must list every function with
/// the trigger the docs and the Bicep rely on.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Metadata = new(Read);

    public static TheoryData<string> FunctionNames() =>
        [.. typeof(LoadBatchOnManifest).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()];

    [Fact]
    public void Metadata_BuildOutput_ListsExactlyTheAppsFunctions()
    {
        Assert.Equal(
            ["GetCommentary", "GetDashboard", "GetIndicatorSeries", "GetIndicators", "GetLoads", "GetWorkList", "LoadBatchOnManifest", "MonthlySweep", "PutCommentary", "ReplayLoad"],
            Metadata.Value.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Metadata.Value.Keys.Order(StringComparer.Ordinal), FunctionNames().Select(row => row.Data).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Metadata_LoadBatchOnManifest_IsAQueueTriggerOnTheEventGridQueue()
    {
        var trigger = Trigger("LoadBatchOnManifest");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("manifest-events", trigger.GetProperty("queueName").GetString());
        Assert.Equal("ExtractsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Metadata_MonthlySweep_IsATimerOnTheScheduleSetting()
    {
        var trigger = Trigger("MonthlySweep");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%MonthlySweepSchedule%", trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    // Anonymous to the host: App Service authentication (Entra ID) stands in front, and the app checks the caller's LAs
    // and roles (HttpAuthorizationTests). No function or master key is used.
    [InlineData("GetDashboard", "get", "dashboard/{la}", "Anonymous")]
    [InlineData("GetWorkList", "get", "worklist/{la}", "Anonymous")]
    [InlineData("GetIndicators", "get", "indicators", "Anonymous")]
    [InlineData("GetIndicatorSeries", "get", "indicators/{code}/series", "Anonymous")]
    [InlineData("GetLoads", "get", "loads", "Anonymous")]
    [InlineData("ReplayLoad", "post", "loads/{loadId}/replay", "Anonymous")]
    [InlineData("GetCommentary", "get", "commentary/{la}", "Anonymous")]
    [InlineData("PutCommentary", "put", "commentary/{la}/{item}/{section}", "Anonymous")]
    public void Metadata_HttpFunction_HasItsRouteMethodAndKey(string function, string method, string route, string authLevel)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    private static JsonElement Trigger(string function) =>
        Metadata.Value[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static Dictionary<string, JsonElement> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    }
}
