namespace PerfPipeline.Indicators.Teams;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators.Measures;

/// <summary>
/// Who holds a child's case on a date: the professional of the child's involvement open that day
/// (<c>start ≤ date</c> and end null or after it, so a handover day belongs to the new worker), and that
/// involvement's team. With several open, the latest started wins, then the highest involvement id.
/// Built once per case data (<see cref="Of"/>) and read by the figures by team and the work list, from any thread.
/// </summary>
internal sealed class CaseHolders
{
    private const int Open = int.MaxValue;

    private readonly KeyIndex _persons;

    // Involvements sorted by person number, then start, then id (ordinal): person p's are _firstOf[p] .. _firstOf[p + 1] - 1.
    private readonly int[] _firstOf;
    private readonly int[] _rows;
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int[] _teams;
    private readonly string?[] _workers;

    /// <summary>The teams the involvements name (numbered as <see cref="TeamOf"/> answers), <see cref="TeamKeys.NoTeamRecorded"/> first.</summary>
    private readonly string[] _teamKeys;

    /// <param name="persons">The person numbering.</param>
    /// <param name="involvements">The involvements.</param>
    /// <param name="personNumbers">Each involvement's person number when the caller has them already, else null.</param>
    private CaseHolders(KeyIndex persons, IReadOnlyList<Involvement> involvements, int[]? personNumbers)
    {
        _persons = persons;
        var teams = new KeyIndex();
        teams.NumberOf(TeamKeys.NoTeamRecorded);

        // One sort by (person, start) as a 64-bit key; same-day starts of one person ordered by id after it.
        var keys = new long[involvements.Count];
        var order = new int[involvements.Count];
        var personCount = 0;
        for (var i = 0; i < involvements.Count; i++)
        {
            var person = personNumbers?[i] ?? persons.NumberOf(involvements[i].PersonKey);
            personCount = Math.Max(personCount, person + 1);
            keys[i] = DayKeyOrder.Key(person, involvements[i].InvolvementStartDate);
            order[i] = i;
        }

        DayKeyOrder.Sort(keys, order, row => involvements[row].InvolvementId);

        _firstOf = new int[personCount + 1];
        _rows = order;
        _starts = new int[order.Length];
        _ends = new int[order.Length];
        _teams = new int[order.Length];
        _workers = new string?[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var involvement = involvements[order[i]];
            _firstOf[(int)(keys[i] >> 32) + 1]++;
            _starts[i] = involvement.InvolvementStartDate.DayNumber;
            _ends[i] = involvement.InvolvementEndDate?.DayNumber ?? Open;
            _teams[i] = teams.NumberOf(TeamKeys.Of(involvement.ProfessionalTeam));
            _workers[i] = involvement.ProfessionalKey;
        }

        for (var p = 0; p < personCount; p++)
        {
            _firstOf[p + 1] += _firstOf[p];
        }

        _teamKeys = [.. Enumerable.Range(0, teams.Count).Select(teams.KeyOf)];
    }

    /// <summary>The case holders of the context's case data, built once and shared by every pass over it.</summary>
    public static CaseHolders Of(MeasureContext context) =>
        context.Shared(nameof(CaseHolders), static c => new CaseHolders(c.Persons, c.Data.Involvements, c.InvolvementPersons));

    /// <summary>The case holders of involvements alone, persons numbered afresh.</summary>
    public static CaseHolders From(IReadOnlyList<Involvement> involvements) => new(new KeyIndex(), involvements, null);

    /// <summary>How many team numbers <see cref="TeamOf"/> gives.</summary>
    public int TeamCount => _teamKeys.Length;

    /// <summary>The team keys by team number (0 is <see cref="TeamKeys.NoTeamRecorded"/>).</summary>
    public IReadOnlyList<string> Teams => _teamKeys;

    /// <summary>The team key of a team number (0 is <see cref="TeamKeys.NoTeamRecorded"/>).</summary>
    public string TeamKey(int team) => _teamKeys[team];

    /// <summary>The positions [From, To) of the person's involvements in (start, id) order, for <see cref="InvolvementAt"/>; none for an unknown person.</summary>
    public (int From, int To) InvolvementsOf(int person) =>
        person < 0 || person >= _firstOf.Length - 1 ? (0, 0) : (_firstOf[person], _firstOf[person + 1]);

    /// <summary>The involvement at a position: its row in the case data's involvements, its start and end day (int.MaxValue while open).</summary>
    public (int Row, int Start, int End) InvolvementAt(int position) => (_rows[position], _starts[position], _ends[position]);

    /// <summary>The holder of <paramref name="personKey"/>'s case on <paramref name="date"/>; none when no involvement is open.</summary>
    public CaseHolder At(string personKey, DateOnly date)
    {
        var open = OpenInvolvement(_persons.Find(personKey), date.DayNumber);
        return open < 0 ? CaseHolder.None : new CaseHolder(_teamKeys[_teams[open]], _workers[open]);
    }

    /// <summary>The team holding the case on the date, or <see cref="TeamKeys.NoTeamRecorded"/>.</summary>
    public string TeamAt(string personKey, DateOnly date) => _teamKeys[TeamOf(_persons.Find(personKey), date.DayNumber)];

    /// <summary>The number of the team holding person <paramref name="person"/>'s case on day <paramref name="day"/>; 0 (no team recorded) when none.</summary>
    public int TeamOf(int person, int day)
    {
        var open = OpenInvolvement(person, day);
        return open < 0 ? 0 : _teams[open];
    }

    /// <summary>
    /// The team holding the person's case over time, as consecutive ranges of days [From, To) that cover every day: the
    /// holder changes only where one of their involvements starts or ends, so each range takes the holder of its first day.
    /// </summary>
    public List<(int From, int To, int Team)> Timeline(int person)
    {
        var timeline = new List<(int From, int To, int Team)>();
        if (person < 0 || person >= _firstOf.Length - 1 || _firstOf[person] == _firstOf[person + 1])
        {
            timeline.Add((int.MinValue, Open, 0));
            return timeline;
        }

        var changes = new List<int>();
        for (var i = _firstOf[person]; i < _firstOf[person + 1]; i++)
        {
            changes.Add(_starts[i]);
            changes.Add(_ends[i]);
        }

        changes.Sort();
        var from = int.MinValue;
        var team = 0;
        foreach (var change in changes)
        {
            if (change == from || change == Open)
            {
                continue;
            }

            var next = TeamOf(person, change);
            if (next != team)
            {
                timeline.Add((from, change, team));
                (from, team) = (change, next);
            }
        }

        timeline.Add((from, Open, team));
        return timeline;
    }

    // The index of the involvement holding the case on the day: the last in (start, id) order open that day; -1 when none.
    private int OpenInvolvement(int person, int day)
    {
        if (person < 0 || person >= _firstOf.Length - 1)
        {
            return -1;
        }

        for (var i = _firstOf[person + 1] - 1; i >= _firstOf[person]; i--)
        {
            if (_starts[i] <= day && _ends[i] > day)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A case's team (<see cref="TeamKeys.NoTeamRecorded"/> when none) and allocated worker's pseudonym (null when none).</summary>
internal readonly record struct CaseHolder(string TeamKey, string? WorkerKey)
{
    public static CaseHolder None => new(TeamKeys.NoTeamRecorded, null);
}
