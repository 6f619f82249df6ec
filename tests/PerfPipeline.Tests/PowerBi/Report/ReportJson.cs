namespace PerfPipeline.Tests.PowerBi.Report;

using System.Text.Json.Nodes;

internal static class ReportJson
{
    public static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object.");
}
