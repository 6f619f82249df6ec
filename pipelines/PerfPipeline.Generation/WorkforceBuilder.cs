namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>
/// The workforce as posts held in turn: permanent qualified posts whose leavers fall exactly in the profile's
/// windows (and at random before them), agency posts changing hands often, unqualified posts. A leaver's
/// successor starts the next working day, and no one leaves within a week of a snapshot, so every post is
/// filled at each one.
/// </summary>
internal sealed class WorkforceBuilder(GenerationContext context)
{
    private readonly Random _random = context.Random;
    private readonly GenerationCalendar _calendar = context.Calendar;

    /// <summary>Qualified social workers (permanent and agency): who can hold a case.</summary>
    public List<Professional> SocialWorkers { get; } = [];

    public void Build()
    {
        var workforce = context.Profile.Workforce;
        var from = context.Profile.HistoryStart.AddYears(-11);
        var quietFrom = workforce.Leavers.Min(w => w.From);
        var scripted = new Dictionary<int, DateOnly>();
        var posts = workforce.PermanentPostFte.Select((fte, index) => (fte, index)).ToList();
        foreach (var window in workforce.Leavers)
        {
            foreach (var fte in window.Fte)
            {
                var post = posts.First(p => p.fte == fte && !scripted.ContainsKey(p.index));
                scripted[post.index] = LeaveDate(window.From, window.To);
            }
        }

        foreach (var (fte, index) in posts)
        {
            Post(from, fte, agency: false, qualified: true, quietFrom, scripted.TryGetValue(index, out var leave) ? leave : null, (700, 2500));
        }

        for (var i = 0; i < workforce.AgencyPosts; i++)
        {
            Post(from, 1.0m, agency: true, qualified: true, null, null, (60, 420));
        }

        for (var i = 0; i < workforce.UnqualifiedPosts; i++)
        {
            Post(from, _random.Pick([1.0m, 1.0m, 0.8m, 0.6m, 0.5m]), agency: false, qualified: false, null, null, (400, 2500));
        }
    }

    // One post held in turn from before the history to the last batch.
    private void Post(DateOnly from, decimal fte, bool agency, bool qualified, DateOnly? quietFrom, DateOnly? scriptedLeave, (int Min, int Max) tenure)
    {
        var start = _calendar.OnOrAfter(from.AddDays(-_random.Between(0, tenure.Max)));
        while (true)
        {
            DateOnly? leave = LeaveDate(start.AddDays(tenure.Min), start.AddDays(_random.Between(tenure.Min, tenure.Max)));
            if (quietFrom is { } quiet && leave >= quiet.AddDays(-7))
            {
                // From the first leavers' window on, only the profile's leavers leave.
                leave = scriptedLeave;
                scriptedLeave = null;
            }

            if (leave > context.End)
            {
                leave = null;
            }

            var professional = new Professional(context.NextId("W", 50_001), agency, fte, qualified, start, leave);
            context.World.Professionals.Add(professional);
            if (qualified)
            {
                SocialWorkers.Add(professional);
            }

            if (leave is null)
            {
                return;
            }

            start = _calendar.AddWorkingDays(leave.Value, 1);
        }
    }

    // A working day in the range not within a week before a snapshot date (so its successor is in post by then).
    private DateOnly LeaveDate(DateOnly from, DateOnly to)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var day = _calendar.RandomWorkingDay(_random, from, Dates.Max(from, to)) ?? _calendar.OnOrAfter(from);
            if (!context.Profile.Batches.Any(b => day <= b && day > b.AddDays(-7)))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"No leaving date between {from} and {to} clear of the snapshot dates.");
    }
}
