namespace PerfPipeline.Generation.Profile;

/// <summary>
/// The social work establishment: permanent qualified posts (their FTEs), agency posts (full time each),
/// unqualified posts, and the permanent qualified leavers in each window (FTE of each leaver). Every post
/// is filled at every snapshot date, so the in-post FTE is the posts' total.
/// </summary>
internal sealed record WorkforceProfile(
    IReadOnlyList<decimal> PermanentPostFte,
    int AgencyPosts,
    int UnqualifiedPosts,
    IReadOnlyList<LeaverWindow> Leavers);
