namespace PerfPipeline.Api;

using PerfPipeline.Warehouse;

/// <summary>
/// Who may call which route of the cloud API: a signed-in caller sees only the LAs mapped to them in
/// <c>security_la_user</c> (the mapping the Power BI row-level security uses), and only holders of the
/// <see cref="ApiCaller.ReplayRole"/> app role may replay a load, and only holders of <see cref="ApiCaller.CommentaryRole"/>
/// write the commentary of their LAs. Answers 401 without a caller and 403 without the right,
/// as RFC 9457 problems. <c>serve</c> on loopback does not use it: it is a local tool without sign-in.
/// </summary>
public sealed class ApiAccess(IWarehouse warehouse)
{
    /// <summary>Null when the caller may read the LA; else the 401 or 403 to answer.</summary>
    public async Task<ApiResponse?> AuthorizeLaAsync(ApiCaller? caller, string? laCode, CancellationToken cancellationToken = default)
    {
        if (caller is null)
        {
            return Unauthenticated();
        }

        if (string.IsNullOrWhiteSpace(laCode))
        {
            return null; // the route answers 400 for a missing LA; nothing of any LA is read
        }

        var allowed = await LaCodesAsync(caller, cancellationToken).ConfigureAwait(false);
        return allowed.Contains(laCode)
            ? null
            : ApiResponse.Problem(403, "Forbidden", $"You may not see LA '{laCode}': ask the data team to map your account to it.");
    }

    /// <summary>The LAs the caller may see (none for a caller without a user principal name, such as an application).</summary>
    public async Task<IReadOnlySet<string>> LaCodesAsync(ApiCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.UserPrincipalName is { } upn
            ? (await warehouse.ListLaCodesForUserAsync(upn, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Null when the caller may write the LA's commentary: mapped to the LA (as for reading its dashboard) and holding
    /// the <see cref="ApiCaller.CommentaryRole"/> app role, since not everyone who reads a report may write it; else the
    /// 401 or 403 to answer.
    /// </summary>
    public async Task<ApiResponse?> AuthorizeCommentaryAsync(ApiCaller? caller, string? laCode, CancellationToken cancellationToken = default)
    {
        if (await AuthorizeLaAsync(caller, laCode, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (caller!.UserPrincipalName is null)
        {
            return ApiResponse.Problem(403, "Forbidden", "Commentary is written by a signed-in person, whose name is recorded as its author.");
        }

        return caller.HasRole(ApiCaller.CommentaryRole)
            ? null
            : ApiResponse.Problem(403, "Forbidden", $"Writing commentary needs the app role '{ApiCaller.CommentaryRole}'.");
    }

    /// <summary>Null when the caller is signed in; else the 401 to answer.</summary>
    public static ApiResponse? AuthorizeSignedIn(ApiCaller? caller) => caller is null ? Unauthenticated() : null;

    /// <summary>Null when the caller holds the replay role; else the 401 or 403 to answer.</summary>
    public static ApiResponse? AuthorizeReplay(ApiCaller? caller) =>
        caller is null ? Unauthenticated()
        : caller.HasRole(ApiCaller.ReplayRole) ? null
        : ApiResponse.Problem(403, "Forbidden", $"Replaying a load needs the app role '{ApiCaller.ReplayRole}'.");

    private static ApiResponse Unauthenticated() =>
        ApiResponse.Problem(401, "Unauthorized", "Sign in with Microsoft Entra ID: the API answers only callers that App Service authentication has signed in.");
}
