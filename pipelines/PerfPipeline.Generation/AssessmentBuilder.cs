namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;

/// <summary>
/// Single assessments, quarter by quarter by authorisation date, meeting each quarter's count and count
/// within 45 working days exactly. Each is matched to a referral of the same child a few days before its
/// start; referrals left over close with no further action, or have an assessment still in progress.
/// </summary>
internal sealed class AssessmentBuilder(GenerationContext context, IReadOnlyList<ReferralDraft> referrals)
{
    private const int Timescale = 45;
    private static readonly string[] Teams = ["Assessment and Intervention A", "Assessment and Intervention B"];

    private readonly Random _random = context.Random;
    private readonly GenerationCalendar _calendar = context.Calendar;
    private readonly List<ReferralDraft> _byDate = [.. referrals.OrderBy(r => r.Date).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public void Build()
    {
        var targets = context.Quarters.Resolve(context.Profile.Assessments);
        foreach (var quarter in context.Quarters.Quarters.Skip(1))
        {
            var target = targets[quarter];
            var exact = context.Quarters.IsTarget(quarter);
            Assess(quarter, target.Numerator, timely: true, exact);
            Assess(quarter, target.Denominator - target.Numerator, timely: false, exact);
        }

        CloseLeftovers();
    }

    private void Assess(Period quarter, int count, bool timely, bool exact)
    {
        for (var i = 0; i < count; i++)
        {
            if (!TryAssessOne(quarter, timely) && exact)
            {
                throw new InvalidOperationException($"No referral left to assess in {quarter}.");
            }
        }
    }

    private bool TryAssessOne(Period quarter, bool timely)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var authorised = _calendar.RandomWorkingDay(_random, quarter.Start, Dates.Min(quarter.End, context.End))!.Value;
            var workingDays = timely ? _random.Between(12, Timescale) : _random.Between(Timescale + 1, 75);
            var start = _calendar.AddWorkingDays(authorised, -workingDays);
            var referral = FindUnassessed(start.AddDays(-10), start);
            if (referral is null)
            {
                continue;
            }

            referral.Assessment = new AssessmentDraft(context.NextId("A", 600_001), start, authorised, _random.Pick(Teams));
            return true;
        }

        return false;
    }

    private ReferralDraft? FindUnassessed(DateOnly from, DateOnly to)
    {
        var index = UpperBound(to) - 1;
        for (; index >= 0 && _byDate[index].Date >= from; index--)
        {
            if (_byDate[index].Assessment is null)
            {
                return _byDate[index];
            }
        }

        return null;
    }

    // First index whose referral date is after the given date.
    private int UpperBound(DateOnly date)
    {
        int low = 0, high = _byDate.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_byDate[mid].Date <= date)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void CloseLeftovers()
    {
        foreach (var referral in _byDate)
        {
            if (referral.Assessment is { Authorised: { } authorised })
            {
                var close = authorised.AddDays(_random.Between(5, 240));
                referral.CloseDate = close <= context.End && _random.Chance(0.7) ? close : null;
            }
            else if (referral.Date > context.End.AddDays(-70) && _random.Chance(0.85))
            {
                var start = _calendar.OnOrAfter(referral.Date.AddDays(_random.Between(0, 4)));
                if (start <= context.End)
                {
                    referral.Assessment = new AssessmentDraft(context.NextId("A", 600_001), start, null, _random.Pick(Teams));
                }
            }
            else
            {
                referral.NoFurtherAction = true;
                referral.CloseDate = Dates.Min(referral.Date.AddDays(_random.Between(0, 6)), context.End);
            }
        }
    }
}
