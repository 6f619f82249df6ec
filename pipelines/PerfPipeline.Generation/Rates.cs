namespace PerfPipeline.Generation;

/// <summary>Whole-number numerators for percentages shown at one decimal place.</summary>
internal static class Rates
{
    /// <summary>Rounds as the dashboard displays: half away from zero, one decimal place.</summary>
    public static decimal Display(int numerator, int denominator) =>
        Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>The numerator nearest <paramref name="current"/> whose percentage of <paramref name="denominator"/> displays as <paramref name="target"/>; null when none does.</summary>
    public static int? NearestNumerator(int denominator, decimal target, int current)
    {
        for (var step = 0; step <= denominator; step++)
        {
            foreach (var candidate in new[] { current - step, current + step })
            {
                if (candidate >= 0 && candidate <= denominator && Display(candidate, denominator) == target)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
