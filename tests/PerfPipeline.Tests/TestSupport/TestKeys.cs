namespace PerfPipeline.Tests.TestSupport;

using System.Security.Cryptography;

using PerfPipeline.Privacy;

/// <summary>Fresh random pseudonymisation keys for tests.</summary>
internal static class TestKeys
{
    public static PseudonymisationKey NewKey() => PseudonymisationKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
