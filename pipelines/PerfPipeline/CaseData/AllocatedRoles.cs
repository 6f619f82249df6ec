namespace PerfPipeline.CaseData;

/// <summary>
/// Which involvements are allocated social workers, for "more than one allocated social worker": the LA's list
/// (reference kind <c>allocated-roles</c>), else the default. SSD's involvements carry every role (IROs, personal
/// advisers, …); only the listed ones count.
/// </summary>
public static class AllocatedRoles
{
    /// <summary>
    /// SSD 1.4.5's allocated case worker code (SystemC writes it; data-to-insight's own DfE feed keeps
    /// <c>invo_professional_role_id = 'CW'</c>) and the title batches of the contract's earlier shape carry.
    /// </summary>
    public static readonly IReadOnlyList<string> Default = ["CW", "Social Worker"];

    /// <summary>The reason the measure is n/a when roles are given but none is on the list.</summary>
    public const string NoneMatched = "no allocated-worker role matched: set the role list";

    /// <summary>The reason the measure is n/a when no allocated involvement names its worker (SSD left them empty).</summary>
    public const string NoWorkerRecorded = "ssd_involvements.invo_professional_id empty in every allocated involvement";

    /// <summary>The LA's list when it has one, else <see cref="Default"/>.</summary>
    public static IReadOnlySet<string> For(IReadOnlyList<string> laRoles) =>
        new HashSet<string>((laRoles.Count > 0 ? laRoles : Default).Select(r => r.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <summary>An involvement with no role counts, as it always has: nothing says it is another role.</summary>
    public static bool Counts(IReadOnlySet<string> roles, string? role) => role is null || roles.Contains(role.Trim());
}
