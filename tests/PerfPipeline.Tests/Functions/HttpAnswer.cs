namespace PerfPipeline.Tests.Functions;

using System.Text.Json;

/// <summary>What an HTTP function answered, as a client reads it.</summary>
internal sealed record HttpAnswer(int StatusCode, string? ContentType, string ETag, string Body)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
