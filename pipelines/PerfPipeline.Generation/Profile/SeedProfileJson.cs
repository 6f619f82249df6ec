namespace PerfPipeline.Generation.Profile;

using System.Text.Json;

/// <summary>Reads a seed profile (<c>seeds/profiles/*.json</c>, snake_case names).</summary>
internal static class SeedProfileJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectRequiredConstructorParameters = true,
    };

    public static SeedProfile Load(string path) =>
        JsonSerializer.Deserialize<SeedProfile>(File.ReadAllBytes(path), Options) ?? throw new InvalidDataException($"'{path}' holds no profile.");
}
