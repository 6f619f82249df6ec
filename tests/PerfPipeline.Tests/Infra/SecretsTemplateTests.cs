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
            // A for-expression output has a copy loop instead of a value.
            var value = output.Value.TryGetProperty("value", out var single) ? single.GetString()! : output.Value.GetProperty("copy").GetRawText();
            Assert.DoesNotMatch(ListFunction(), value);
            Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Template_Everywhere_ReadsNoStorageAccountKey()
    {
        // No list* call at all: no account key, no SAS, and no Functions host key (Event Grid writes to a queue with its identity).
        Assert.DoesNotMatch(ListFunction(), compiled.Json);
        Assert.DoesNotContain("AccountKey=", compiled.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", compiled.Json, StringComparison.OrdinalIgnoreCase);
    }

    // "key" except in keyVault*, which names the vault rather than holding a key.
    [GeneratedRegex("(?i)secret|password|connection|key(?!vault)")]
    private static partial Regex SecretLikeName();

    [GeneratedRegex(@"\blist\w*\(")]
    private static partial Regex ListFunction();
}
