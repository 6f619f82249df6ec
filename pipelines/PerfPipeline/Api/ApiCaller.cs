namespace PerfPipeline.Api;

using System.Text;
using System.Text.Json;

/// <summary>
/// The signed-in caller as App Service authentication hands it to the app: the <c>X-MS-CLIENT-PRINCIPAL</c> header, the
/// base64 of <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>. The platform sets the header on
/// every authenticated request and removes any a client sends, so it can be trusted only where authentication is on
/// (infra/modules/function-app.bicep turns it on).
/// </summary>
public sealed record ApiCaller(string? UserPrincipalName, IReadOnlySet<string> Roles)
{
    /// <summary>The header App Service authentication writes.</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The Entra app role that may rerun loads (infra/api-app-roles.json).</summary>
    public const string ReplayRole = "PerfPipeline.Replay";

    /// <summary>The Entra app role that may write officers' commentary, for the LAs the caller is mapped to (infra/api-app-roles.json).</summary>
    public const string CommentaryRole = "PerfPipeline.Commentary";

    // Where Entra puts the user principal name in v2 and v1 tokens, most specific first.
    private static readonly string[] UserPrincipalNameClaims =
    [
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "upn",
        "preferred_username",
    ];

    private static readonly string[] RoleClaims = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>The caller the header describes; null when there is no header or it is not a principal (treated as anonymous).</summary>
    public static ApiCaller? FromClientPrincipal(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(header);
        }
        catch (FormatException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(json));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String && c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(c => (Type: c.GetProperty("typ").GetString()!, Value: c.GetProperty("val").GetString()!))
                .ToList();
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            var roles = pairs.Where(p => RoleClaims.Contains(p.Type, StringComparer.Ordinal) || p.Type == roleType).Select(p => p.Value).ToHashSet(StringComparer.Ordinal);
            var upn = UserPrincipalNameClaims.Select(type => pairs.FirstOrDefault(p => p.Type == type).Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
            return new ApiCaller(upn, roles);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
