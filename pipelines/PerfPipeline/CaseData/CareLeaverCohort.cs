namespace PerfPipeline.CaseData;

using PerfPipeline.Extracts;

/// <summary>When a snapshot keeps only each person's latest care-leaver row (<see cref="CareLeaverCohort.LatestContactPerPerson"/>).</summary>
public enum LatestContactPerPerson
{
    /// <summary>For a batch whose <c>source_system</c> is one SSD names (SystemC writes several rows per person); not for a batch of the contract's own shape.</summary>
    Auto,

    /// <summary>For every batch.</summary>
    Always,

    /// <summary>For no batch: every row counts, as before.</summary>
    Never,
}

/// <summary>Why a care-leaver row that loads takes no part in the care-leaver measures' cohort.</summary>
internal enum CareLeaverSetAside
{
    /// <summary>In the cohort (the spec's own exclusions, died or returned home, still apply).</summary>
    None,

    /// <summary>The person has a row with a later <c>clea_care_leaver_latest_contact</c> in the same snapshot.</summary>
    SupersededByLaterContact,

    /// <summary><c>clea_care_leaver_in_touch</c> is empty: whether the person died or returned home is not known.</summary>
    InTouchNotRecorded,

    /// <summary>The eligibility is not one the LA keeps (<see cref="CareLeaverCohort.Eligibility"/>).</summary>
    EligibilityNotKept,
}

/// <summary>
/// Which rows of a care-leaver snapshot form the cohort of the care-leaver measures (docs/indicators.md). The rules, in
/// order, each row set aside by the first that applies: (1) where the latest-contact rule applies, a person's rows
/// other than the one with the latest <c>clea_care_leaver_latest_contact</c> (a row with a date before one without; on
/// equal dates the greatest <c>clea_table_id</c>, ordinal); (2) a row whose <c>in_touch</c> is empty; (3) when the LA
/// names the eligibility categories to keep, a row whose eligibility is another (trimmed, any case; a row with no
/// eligibility is kept: nothing says it is another). The extract reader counts these per rule for the validation
/// report and the indicator engine leaves them out, so both see the same cohort. Every row is stored.
/// </summary>
public sealed record CareLeaverCohort
{
    private readonly IReadOnlyList<string> _eligibility = [];
    private readonly HashSet<string> _kept = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The spec's cohort: latest contact per person for SSD systems' batches only, every eligibility.</summary>
    public static CareLeaverCohort Default { get; } = new();

    /// <summary>When a snapshot keeps only each person's latest row; default <see cref="LatestContactPerPerson.Auto"/>.</summary>
    public LatestContactPerPerson LatestContactPerPerson { get; init; } = LatestContactPerPerson.Auto;

    /// <summary>The eligibility categories kept in the cohort; empty (the default): every one, the spec's cohort.</summary>
    public IReadOnlyList<string> Eligibility
    {
        get => _eligibility;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _eligibility = [.. value];
            _kept = new HashSet<string>(_eligibility.Select(e => e.Trim()).Where(e => e.Length > 0), StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether a snapshot from a batch naming <paramref name="sourceSystem"/> keeps only each person's latest row.</summary>
    public bool KeepsLatestContactOnly(string? sourceSystem) => LatestContactPerPerson switch
    {
        LatestContactPerPerson.Always => true,
        LatestContactPerPerson.Never => false,
        _ => SsdCatalogue.SourceSystem(sourceSystem) is not null,
    };

    /// <summary>Whether a row of this eligibility is kept: every one when no category is named; a row with none always.</summary>
    public bool KeepsEligibility(string? eligibility) =>
        _kept.Count == 0 || string.IsNullOrWhiteSpace(eligibility) || _kept.Contains(eligibility.Trim());

    /// <summary>The rows of one snapshot in the cohort, in their order.</summary>
    public IReadOnlyList<CareLeaver> Kept(IReadOnlyList<CareLeaver> rows, string? sourceSystem)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var setAside = SetAside(rows.Count, i => Facts(rows[i]), sourceSystem);
        if (Array.TrueForAll(setAside, s => s == CareLeaverSetAside.None))
        {
            return rows;
        }

        var kept = new List<CareLeaver>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (setAside[i] == CareLeaverSetAside.None)
            {
                kept.Add(rows[i]);
            }
        }

        return kept;
    }

    /// <summary>For each of one snapshot's <paramref name="count"/> rows, why it is set aside (<see cref="CareLeaverSetAside.None"/>: kept).</summary>
    internal CareLeaverSetAside[] SetAside(int count, Func<int, CareLeaverFacts> row, string? sourceSystem)
    {
        var facts = new CareLeaverFacts[count];
        for (var i = 0; i < count; i++)
        {
            facts[i] = row(i);
        }

        var setAside = new CareLeaverSetAside[count];
        if (KeepsLatestContactOnly(sourceSystem))
        {
            var latest = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                if (!latest.TryGetValue(facts[i].PersonKey, out var best))
                {
                    latest[facts[i].PersonKey] = i;
                }
                else if (IsLater(facts[i], facts[best]))
                {
                    setAside[best] = CareLeaverSetAside.SupersededByLaterContact;
                    latest[facts[i].PersonKey] = i;
                }
                else
                {
                    setAside[i] = CareLeaverSetAside.SupersededByLaterContact;
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (setAside[i] != CareLeaverSetAside.None)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(facts[i].InTouch))
            {
                setAside[i] = CareLeaverSetAside.InTouchNotRecorded;
            }
            else if (!KeepsEligibility(facts[i].Eligibility))
            {
                setAside[i] = CareLeaverSetAside.EligibilityNotKept;
            }
        }

        return setAside;
    }

    /// <summary>Equal when the rule and the categories (in order) are: the lookup set built from them takes no part.</summary>
    public bool Equals(CareLeaverCohort? other) =>
        other is not null && LatestContactPerPerson == other.LatestContactPerPerson && _eligibility.SequenceEqual(other._eligibility, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(LatestContactPerPerson, _eligibility.Count);

    private static CareLeaverFacts Facts(CareLeaver row) => new(row.CareLeaverId, row.PersonKey, row.Eligibility, row.InTouch, row.LatestContactDate);

    /// <summary>A later contact wins; a date beats none; on equal dates the greater id (ordinal), so the choice never depends on row order.</summary>
    private static bool IsLater(CareLeaverFacts row, CareLeaverFacts than) =>
        (row.LatestContact, than.LatestContact) switch
        {
            ({ } a, { } b) when a != b => a > b,
            ({ }, null) => true,
            (null, { }) => false,
            _ => string.CompareOrdinal(row.CareLeaverId, than.CareLeaverId) > 0,
        };
}

/// <summary>What the cohort rules read of a care-leaver row, whether it comes from a batch or the warehouse.</summary>
internal readonly record struct CareLeaverFacts(string CareLeaverId, string PersonKey, string? Eligibility, string? InTouch, DateOnly? LatestContact);
