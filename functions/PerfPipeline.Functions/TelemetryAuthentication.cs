namespace PerfPipeline.Functions;

/// <summary>
/// How the worker authenticates to Application Insights, read from <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>
/// (<c>Authorization=AAD</c>, with <c>ClientId=…</c> for a user-assigned identity). The setting reaches only the
/// host; the worker's SDK needs the credential in code, or a resource that refuses keys drops its telemetry.
/// </summary>
internal sealed record TelemetryAuthentication(string? ClientId)
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Entra ID authentication when the setting asks for it; null when it is absent or asks for none.</summary>
    public static TelemetryAuthentication? Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var pairs = setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return pairs.TryGetValue("Authorization", out var authorization) && string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase)
            ? new TelemetryAuthentication(pairs.GetValueOrDefault("ClientId") is { Length: > 0 } clientId ? clientId : null)
            : null;
    }
}
