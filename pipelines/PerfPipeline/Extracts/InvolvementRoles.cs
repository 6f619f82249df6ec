namespace PerfPipeline.Extracts;

using PerfPipeline.CaseData;

/// <summary>How many of a batch's involvements carry a role, and whether the role counts as an allocated social worker.</summary>
public sealed record InvolvementRole(string? Role, int Rows, bool Allocated);

/// <summary>
/// The involvements of a batch by <c>invo_professional_role_id</c>, against the LA's allocated roles (else the
/// default): SSD's involvements carry every role, and only the allocated ones count for "more than one allocated
/// social worker". The report shows the others so an analyst can see what the role list leaves out.
/// </summary>
public static class InvolvementRoles
{
    public static IReadOnlyList<InvolvementRole> Of(ExtractBatch extract)
    {
        ArgumentNullException.ThrowIfNull(extract);
        if (extract.Datasets.FirstOrDefault(d => d.Contract == ExtractContract.Involvements) is not { } involvements)
        {
            return [];
        }

        var column = ExtractContract.Involvements.IndexOf("invo_professional_role_id");
        var roles = AllocatedRoles.For(extract.Reference.AllocatedRoles);
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var noRole = 0;
        for (var row = 0; row < involvements.Rows.Count; row++)
        {
            if (involvements.Rows.Text(row, column) is { } role)
            {
                counts[role] = counts.GetValueOrDefault(role) + 1;
            }
            else
            {
                noRole++;
            }
        }

        var listed = counts
            .Select(c => new InvolvementRole(c.Key, c.Value, AllocatedRoles.Counts(roles, c.Key)))
            .OrderByDescending(r => r.Allocated).ThenByDescending(r => r.Rows).ThenBy(r => r.Role, StringComparer.Ordinal)
            .ToList();
        if (noRole > 0)
        {
            listed.Add(new InvolvementRole(null, noRole, Allocated: true));
        }

        return listed;
    }
}
