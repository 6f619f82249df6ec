namespace PerfPipeline.Extracts;

using System.Text;

using PerfPipeline.Privacy;

/// <summary>
/// Keeps person identifiers out of the issues a batch read reports, even from a broken row: a value is cut to a short
/// single-line excerpt, and every token in it that is a person identifier of the batch (a shifted column, a quote that
/// swallowed lines) is replaced by that person's pseudonym. Issue values end up in reports, the warehouse's audit and logs.
/// </summary>
internal static class IssueRedaction
{
    /// <summary>The longest value an issue shows, in characters, before the ellipsis.</summary>
    public const int MaxValueLength = 64;

    public static List<ValidationIssue> Redact(List<ValidationIssue> issues, Pseudonymiser pseudonymiser)
    {
        for (var i = 0; i < issues.Count; i++)
        {
            if (issues[i].Value is { } value && Redact(value, pseudonymiser) is var redacted && !ReferenceEquals(redacted, value))
            {
                issues[i] = issues[i] with { Value = redacted };
            }
        }

        return issues;
    }

    /// <summary>The value as an issue may show it; the same instance when nothing needs to change.</summary>
    public static string Redact(string value, Pseudonymiser pseudonymiser)
    {
        var excerpt = value.Length > MaxValueLength ? string.Concat(value.AsSpan(0, MaxValueLength), "…") : value;
        if (excerpt.AsSpan().ContainsAny('\r', '\n'))
        {
            excerpt = excerpt.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        }

        StringBuilder? text = null;
        var span = excerpt.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            if (!IsTokenChar(span[start]))
            {
                text?.Append(span[start]);
                start++;
                continue;
            }

            var end = start;
            while (end < span.Length && IsTokenChar(span[end]))
            {
                end++;
            }

            var token = span[start..end];
            if (pseudonymiser.TryFindPseudonym(token, out var pseudonym))
            {
                text ??= new StringBuilder(excerpt.Length + Pseudonymiser.Length).Append(span[..start]);
                text.Append(pseudonym);
            }
            else
            {
                text?.Append(token);
            }

            start = end;
        }

        return text?.ToString() ?? excerpt;
    }

    // Identifiers are letters, digits and the punctuation systems put inside them; anything else separates tokens.
    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/';
}
