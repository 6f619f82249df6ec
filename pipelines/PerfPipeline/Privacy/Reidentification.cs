namespace PerfPipeline.Privacy;

/// <summary>
/// Maps pseudonyms back to the LA's own identifiers, inside the LA: the pseudonym of each identifier on the LA's list
/// is computed with the LA's key (as the extract reader computed it) and looked up. Nothing is reversed: a pseudonym
/// whose identifier is not on the list stays a pseudonym. The key and the identifiers never leave the caller.
/// </summary>
public sealed class Reidentification
{
    private readonly Dictionary<string, string> _byPseudonym;

    private Reidentification(Dictionary<string, string> byPseudonym) => _byPseudonym = byPseudonym;

    /// <summary>How many distinct identifiers the list gave.</summary>
    public int Count => _byPseudonym.Count;

    public static Reidentification Of(PseudonymisationKey key, IEnumerable<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(identifiers);
        using var pseudonymiser = new Pseudonymiser(key);
        var byPseudonym = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var identifier in identifiers)
        {
            var trimmed = identifier.Trim();
            if (trimmed.Length > 0)
            {
                byPseudonym.TryAdd(pseudonymiser.Pseudonymise(trimmed), trimmed);
            }
        }

        return new(byPseudonym);
    }

    /// <summary>
    /// The identifiers of a file with one per line (a person or professional id as the extract gives it); blank lines
    /// and lines starting with <c>#</c> are skipped.
    /// </summary>
    public static IEnumerable<string> ReadIdentifiers(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>The identifier whose pseudonym this is, when it is on the list.</summary>
    public string? IdentifierOf(string? pseudonym) => pseudonym is not null && _byPseudonym.TryGetValue(pseudonym, out var id) ? id : null;
}
