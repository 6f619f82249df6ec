namespace PerfPipeline.Tests.Infra;

using System.Text.RegularExpressions;

[Collection(SharedCompilation.Name)]
public sealed partial class SecretsTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void KeyVault_Authorization_IsRbacOnlyWithSoftDelete()
    {
        var sut = compiled.Resource("Microsoft.KeyVault/vaults", "key-vault");

        Assert.True(sut.At("properties.enableRbacAuthorization").GetBoolean());
        Assert.True(sut.At("properties.enableSoftDelete").GetBoolean());
        Assert.False(sut.TryAt("properties.accessPolicies", out _));
    }

    [Fact]
    public void KeyVault_Template_NeverWritesTheSecret()
    {
        Assert.DoesNotContain(compiled.Resources, resource => resource.Type == "Microsoft.KeyVault/vaults/secrets");
    }

    [Fact]
    public void Outputs_EveryTemplate_ExposeNoSecretOrKey()
    {
        var outputs = compiled.Templates
            .SelectMany(template => template.Template.TryGetProperty("outputs", out var found) ? found.EnumerateObject() : [])
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            Assert.DoesNotMatch(SecretLikeName(), output.Name);
            Assert.DoesNotContain("secure", output.Value.GetProperty("type").GetString()!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(ListFunction(), output.Value.GetProperty("value").GetString()!);
            Assert.DoesNotContain("ConnectionString", output.Value.GetProperty("value").GetString()!, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Template_Everywhere_ReadsNoStorageAccountKey()
    {
        // The one list* call fetches the Functions host's blob webhook key for Event Grid; nothing reads account keys.
        var calls = ListFunction().Matches(compiled.Json).Select(match => compiled.Json.Substring(match.Index, 80)).ToList();

        Assert.All(calls, call => Assert.Contains("/host/default", call, StringComparison.Ordinal));
        Assert.DoesNotContain("AccountKey=", compiled.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", compiled.Json, StringComparison.OrdinalIgnoreCase);
    }

    // "key" except in keyVault*, which names the vault rather than holding a key.
    [GeneratedRegex("(?i)secret|password|connection|key(?!vault)")]
    private static partial Regex SecretLikeName();

    [GeneratedRegex(@"\blist\w*\(")]
    private static partial Regex ListFunction();
}
