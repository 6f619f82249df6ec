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

    public static async Task<SeedProfile> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<SeedProfile>(stream, Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"'{path}' holds no profile.");
        }
    }
}
