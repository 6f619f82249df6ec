namespace PerfPipeline.Hosting;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// Where the pseudonymisation key comes from (section <c>PerfPipeline</c>): the configured base64 key, or a key file
/// generated once and reused (the command line keeps one beside its SQLite file). A cloud host must configure the key:
/// a key generated on one instance would not match another's.
/// </summary>
public sealed class PseudonymisationOptions : IValidatableObject
{
    /// <summary>Base64, at least 16 bytes (environment variable <c>PerfPipeline__PseudonymisationKey</c>).</summary>
    public string? PseudonymisationKey { get; set; }

    /// <summary>Used only when no key is configured: the file the key is generated into once.</summary>
    public string? PseudonymisationKeyFile { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PseudonymisationKey) && string.IsNullOrWhiteSpace(PseudonymisationKeyFile))
        {
            yield return new ValidationResult(
                $"Set '{PipelineSettings.PseudonymisationKey}' (app setting PerfPipeline__PseudonymisationKey): every instance must pseudonymise with the same key.",
                [nameof(PseudonymisationKey)]);
        }
        else if (!string.IsNullOrWhiteSpace(PseudonymisationKey))
        {
            string? error = null;
            try
            {
                _ = Privacy.PseudonymisationKey.FromBase64(PseudonymisationKey);
            }
            catch (ArgumentException e)
            {
                error = $"'{PipelineSettings.PseudonymisationKey}': {e.Message}";
            }

            if (error is not null)
            {
                yield return new ValidationResult(error, [nameof(PseudonymisationKey)]);
            }
        }
    }

    internal Privacy.PseudonymisationKey Resolve() =>
        string.IsNullOrWhiteSpace(PseudonymisationKey)
            ? Privacy.PseudonymisationKey.LoadOrCreate(PseudonymisationKeyFile!)
            : Privacy.PseudonymisationKey.FromBase64(PseudonymisationKey);
}
