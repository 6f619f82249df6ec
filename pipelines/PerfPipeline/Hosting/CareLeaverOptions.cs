namespace PerfPipeline.Hosting;

using System.ComponentModel.DataAnnotations;

using PerfPipeline.CaseData;

/// <summary>
/// The care-leaver cohort's rules (section <c>PerfPipeline:CareLeavers</c>, <see cref="CareLeaverCohort"/>): both the
/// indicator engine and the validation report's count of the rows they leave out read them. The defaults are the
/// spec's cohort, so figures on batches of the contract's own shape do not move.
/// </summary>
public sealed class CareLeaverOptions : IValidatableObject
{
    /// <summary>
    /// <c>Auto</c> (default: a person's latest contact only in a batch whose <c>source_system</c> is an SSD system),
    /// <c>Always</c> or <c>Never</c>, in any case (environment variable <c>PerfPipeline__CareLeavers__LatestContactPerPerson</c>).
    /// </summary>
    public string LatestContactPerPerson { get; set; } = nameof(CaseData.LatestContactPerPerson.Auto);

    /// <summary>
    /// The eligibility categories the cohort keeps; none (default): every one (environment variables
    /// <c>PerfPipeline__CareLeavers__Eligibility__0</c>, <c>__1</c>, …).
    /// </summary>
    public IList<string> Eligibility { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Rule(LatestContactPerPerson) is null)
        {
            yield return new ValidationResult(
                $"'{PipelineSettings.CareLeaversLatestContactPerPerson}' must be Auto, Always or Never, not '{LatestContactPerPerson}'.",
                [nameof(LatestContactPerPerson)]);
        }

        if (Eligibility.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult(
                $"'{PipelineSettings.CareLeavers}:{nameof(Eligibility)}' names an empty category: give each category kept, or none for every one.",
                [nameof(Eligibility)]);
        }
    }

    /// <summary>The cohort these settings describe (valid settings: <see cref="Validate"/> passed).</summary>
    public CareLeaverCohort ToCohort() => new()
    {
        LatestContactPerPerson = Rule(LatestContactPerPerson) ?? CaseData.LatestContactPerPerson.Auto,
        Eligibility = [.. Eligibility],
    };

    /// <summary>The rule a setting names, by name only (a number is not a rule).</summary>
    private static LatestContactPerPerson? Rule(string? value) =>
        Enum.GetValues<LatestContactPerPerson>().Cast<LatestContactPerPerson?>()
            .FirstOrDefault(r => string.Equals(r.ToString(), value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
