namespace PerfPipeline.Tests.Infra;

using System.Text.Json;

/// <summary>One resource declared in the compiled template, with the module (nested deployment) declaring it.</summary>
public sealed record TemplateResource(string Module, JsonElement Element)
{
    public string Type => Element.GetProperty("type").GetString()!;

    public string Name => Element.GetProperty("name").GetString()!;

    /// <summary>A reference to a resource deployed elsewhere, not one this template deploys.</summary>
    public bool IsExisting => Element.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    /// <summary>The value at a dotted path such as <c>properties.siteConfig.ftpsState</c>.</summary>
    public JsonElement At(string path)
    {
        return TryAt(path, out var value)
            ? value
            : throw new KeyNotFoundException($"{Module}: {Type} '{Name}' has no {path}.");
    }

    public bool TryAt(string path, out JsonElement value)
    {
        value = Element;
        foreach (var segment in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return true;
    }

    public string Text(string path) => At(path).GetString()!;
}
