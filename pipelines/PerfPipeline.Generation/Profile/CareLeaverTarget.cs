namespace PerfPipeline.Generation.Profile;

using System.Text.Json.Serialization;

/// <summary>
/// One care leaver snapshot: the cohort (rows less DIED and RHOM) with those in touch and in suitable
/// accommodation, and its 18-24 part with those not in education, employment or training.
/// </summary>
internal sealed record CareLeaverTarget(
    int Cohort, int InTouch, int SuitablyAccommodated, [property: JsonPropertyName("aged_18_to_24")] int Aged18To24, int Neet);
