namespace PerfPipeline.Api;

/// <summary>
/// Validators for the dashboard routes: the id of the latest load behind a response. A body only changes when a
/// load commits, so a client holding the tag of the latest load gets 304 instead of the same bytes again.
/// </summary>
public static class EntityTag
{
    /// <summary>The strong tag for a response built from the warehouse as of <paramref name="latestLoadId"/>.</summary>
    public static string FromLoad(string latestLoadId) => $"\"{latestLoadId}\"";

    /// <summary>
    /// Whether an <c>If-None-Match</c> header matches <paramref name="eTag"/>: any of a comma-separated list, compared
    /// weakly as RFC 9110 asks (a <c>W/</c> prefix is ignored), or <c>*</c>.
    /// </summary>
    public static bool Matches(string? ifNoneMatch, string eTag)
    {
        ArgumentNullException.ThrowIfNull(eTag);
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        var opaque = Opaque(eTag);
        foreach (var candidate in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || Opaque(candidate).SequenceEqual(opaque))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Opaque(string tag) =>
        tag.StartsWith("W/", StringComparison.Ordinal) ? tag.AsSpan(2) : tag.AsSpan();
}
