namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;

/// <summary>
/// Early Help episodes: each quarter's completed assessments with referral-to-assessment days adding up
/// exactly to the target total, then episodes with no assessment yet (or none needed) so that each quarter's
/// referrals match.
/// </summary>
internal sealed class EarlyHelpBuilder(GenerationContext context)
{
    private readonly Random _random = context.Random;

    public void Build()
    {
        var targets = context.Quarters.Resolve(context.Profile.EarlyHelp);
        var episodes = new List<(DateOnly Start, DateOnly? Completed)>();
        foreach (var quarter in context.Quarters.Quarters)
        {
            var target = targets[quarter];
            foreach (var days in Days(target.Assessments, target.TotalDays))
            {
                var completed = Seasonality.Date(context, quarter);
                episodes.Add((completed.AddDays(-days), completed));
            }
        }

        foreach (var quarter in context.Quarters.Quarters)
        {
            var started = episodes.Count(e => quarter.Contains(e.Start));
            var missing = targets[quarter].Referrals - started;
            if (missing < 0)
            {
                if (context.Quarters.IsTarget(quarter))
                {
                    throw new InvalidOperationException($"Early Help: {started} episodes already start in {quarter}, more than {targets[quarter].Referrals}.");
                }

                continue;
            }

            for (var i = 0; i < missing; i++)
            {
                episodes.Add((Seasonality.Date(context, quarter), null));
            }
        }

        foreach (var (start, completed) in episodes.OrderBy(e => e.Start).ThenBy(e => e.Completed))
        {
            var child = context.People.Child(start, _random.Between(0, 17));
            var closed = (completed ?? start).AddDays(completed is null ? _random.Between(14, 90) : _random.Between(30, 240));
            DateOnly? end = closed <= context.End && (completed is not null || _random.Chance(0.6)) ? closed : null;
            context.World.EarlyHelpEpisodes.Add(new EarlyHelpEpisode(context.NextId("EH", 100_001), child.PersonKey, start, end, completed));
        }
    }

    // Whole days for each assessment, spread about the mean, adding up to the total exactly.
    private List<int> Days(int count, int total)
    {
        var days = new List<int>(count);
        if (count == 0)
        {
            return days;
        }

        var mean = (double)total / count;
        for (var i = 0; i < count; i++)
        {
            days.Add(Math.Clamp((int)Math.Round(mean * (0.3 + (1.4 * _random.NextDouble()))), 1, 180));
        }

        var difference = total - days.Sum();
        while (difference != 0)
        {
            var i = _random.Next(count);
            var step = Math.Sign(difference);
            if (days[i] + step is >= 1 and <= 180)
            {
                days[i] += step;
                difference -= step;
            }
        }

        return days;
    }
}
