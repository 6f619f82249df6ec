namespace PerfPipeline.Calendar;

/// <summary>Ages in completed years.</summary>
public static class Age
{
    /// <summary>
    /// Completed years on <paramref name="date"/>; someone born on 29 February turns a year older on
    /// 1 March in other years.
    /// </summary>
    public static int CompletedYears(DateOnly dateOfBirth, DateOnly date)
    {
        var years = date.Year - dateOfBirth.Year;
        return date.Month < dateOfBirth.Month || (date.Month == dateOfBirth.Month && date.Day < dateOfBirth.Day)
            ? years - 1
            : years;
    }
}
