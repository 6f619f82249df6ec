namespace PerfPipeline.Privacy;

using System.Security.Cryptography;

/// <summary>
/// The secret key of the keyed hash that turns person identifiers into pseudonyms. It comes from configuration
/// (<c>PerfPipeline:PseudonymisationKey</c>, base64) or, for the embedded default, from a key file generated once.
/// The same key must be used for every load of an LA, or its people will not match across loads.
/// </summary>
public sealed class PseudonymisationKey
{
    /// <summary>The configuration setting that holds the key (environment variable <c>PerfPipeline__PseudonymisationKey</c>).</summary>
    public const string SettingName = "PerfPipeline:PseudonymisationKey";

    /// <summary>The file name of the generated key the embedded default keeps in its data folder.</summary>
    public const string KeyFileName = "pseudonymisation.key";

    private const int MinimumBytes = 16;
    private const int GeneratedBytes = 32;

    private readonly byte[] _bytes;

    private PseudonymisationKey(byte[] bytes)
    {
        _bytes = bytes;
    }

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A key given as base64 text (at least 16 bytes; 32 random bytes recommended).</summary>
    public static PseudonymisationKey FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new ArgumentException("The pseudonymisation key is not valid base64.", nameof(base64));
        }

        if (bytes.Length < MinimumBytes)
        {
            throw new ArgumentException($"The pseudonymisation key must be at least {MinimumBytes} bytes.", nameof(base64));
        }

        return new PseudonymisationKey(bytes);
    }

    /// <summary>The configured key when there is one, otherwise the key in <paramref name="keyFile"/> (generated on first use).</summary>
    public static PseudonymisationKey Resolve(string? configuredBase64, string keyFile)
    {
        return string.IsNullOrWhiteSpace(configuredBase64) ? LoadOrCreate(keyFile) : FromBase64(configuredBase64);
    }

    /// <summary>Reads the key file, or writes a new random key there (owner-only where the OS supports it) and returns it.</summary>
    public static PseudonymisationKey LoadOrCreate(string keyFile)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        if (File.Exists(keyFile))
        {
            return FromKeyFile(keyFile);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(keyFile))!;
        Directory.CreateDirectory(directory);

        // Written to a temporary file and moved into place so a concurrent reader never sees half a key;
        // if another process won the race, its key is the one to use.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(keyFile)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedBytes)));
        }

        try
        {
            File.Move(temporary, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(temporary);
        }

        return FromKeyFile(keyFile);
    }

    /// <summary>
    /// The key in a key file, or a plain <see cref="InvalidDataException"/> naming the file when it is empty or damaged:
    /// a new key would change every pseudonym, so one is never made in its place.
    /// </summary>
    private static PseudonymisationKey FromKeyFile(string keyFile)
    {
        try
        {
            return FromBase64(File.ReadAllText(keyFile));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException(
                $"The pseudonymisation key file {keyFile} is empty or damaged ({e.Message.Split(" (Parameter", 2)[0]}). Restore it from its backup; " +
                "removing it makes a new key, and every pseudonym in the warehouse would then change.", e);
        }
    }

    /// <summary>Never reveals the key.</summary>
    public override string ToString() => "PseudonymisationKey(***)";
}
