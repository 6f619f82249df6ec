namespace PerfPipeline.Tests.Dashboard;

using System.Globalization;
using System.Text.Json;

using PerfPipeline.Dashboard;

using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class DashboardJsonTests
{
    private static readonly string[] Units = ["count", "percent", "days", "rate_per_10k"];
    private static readonly string[] Polarities = ["higher_is_better", "lower_is_better", "neutral"];
    private static readonly string[] Directions = ["up", "down", "level"];

    [Fact]
    public void Serialize_HasEveryFieldOfTheInterfaceExampleWithTheSameJsonKinds()
    {
        using var example = JsonDocument.Parse(InterfaceExample());
        using var sut = JsonDocument.Parse(DashboardJson.Serialize(SeedLikeDashboard()));

        AssertShape(example.RootElement, sut.RootElement, "$");
    }

    [Fact]
    public void Serialize_WritesTheExampleMeasureAsTheInterfaceShowsIt()
    {
        using var example = JsonDocument.Parse(InterfaceExample());
        using var sut = JsonDocument.Parse(DashboardJson.Serialize(SeedLikeDashboard()));

        var expected = example.RootElement.GetProperty("items")[0].GetProperty("measures")[0];
        var actual = sut.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("code").GetString() == CscReferrals);
        AssertSubset(expected, actual, "$.measure");
    }

    [Fact]
    public void Serialize_UsesTheInterfaceValueSetsAndTypes()
    {
        using var sut = JsonDocument.Parse(DashboardJson.Serialize(SeedLikeDashboard()));
        var root = sut.RootElement;

        Assert.Equal(JsonValueKind.String, root.GetProperty("la_code").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("la_name").ValueKind);
        Assert.True(DateOnly.TryParseExact(root.GetProperty("data_as_at").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        var measures = root.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal(25, measures.Count);
        foreach (var measure in measures)
        {
            Assert.Contains(measure.GetProperty("unit").GetString(), Units);
            Assert.Contains(measure.GetProperty("polarity").GetString(), Polarities);
            var direction = measure.GetProperty("direction");
            Assert.True(direction.ValueKind == JsonValueKind.Null || Directions.Contains(direction.GetString()), direction.ToString());
            foreach (var column in new[] { "current", "same_period_last_year", "previous_year" })
            {
                var value = measure.GetProperty(column);
                Assert.Equal(JsonValueKind.String, value.GetProperty("display").ValueKind);
                Assert.Equal(value.GetProperty("value").ValueKind == JsonValueKind.Null, value.GetProperty("display").GetString() == "n/a");
                Assert.All(["value", "numerator", "denominator"], name => Assert.Contains(value.GetProperty(name).ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null }));
            }
        }
    }

    [Fact]
    public void Deserialize_ReadsBackWhatSerializeWrote()
    {
        var dashboard = SeedLikeDashboard();

        var sut = DashboardJson.Deserialize(DashboardJson.Serialize(dashboard));

        Assert.NotNull(sut);
        Assert.Equal(dashboard.Items.SelectMany(i => i.Measures), sut.Items.SelectMany(i => i.Measures));
    }

    private static DashboardDocument SeedLikeDashboard() => DashboardBuilderTests.Build(
        (CscReferrals, "2019-20 Q2", 419, null), (CscReferrals, "2018-19 Q2", 412, null), (CscReferrals, "2018-19", 1787, null),
        (CscRereferrals12MPct, "2019-20 Q2", 25.06m, 419), (CscRereferrals12MPct, "2018-19 Q2", 23.1m, 412));

    private static string InterfaceExample()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docs", "spec", "interfaces.md"));
        var start = text.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    // Every property of the example exists in the actual document with the same kind (null in either means nullable).
    private static void AssertShape(JsonElement example, JsonElement actual, string path)
    {
        if (example.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        Assert.True(example.ValueKind == actual.ValueKind, $"{path}: {actual.ValueKind}, expected {example.ValueKind}");
        if (example.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in example.EnumerateObject())
            {
                Assert.True(actual.TryGetProperty(property.Name, out var value), $"{path}.{property.Name} is missing");
                AssertShape(property.Value, value, $"{path}.{property.Name}");
            }
        }
        else if (example.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in actual.EnumerateArray())
            {
                AssertShape(example[0], element, $"{path}[]");
            }
        }
    }

    private static void AssertSubset(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in expected.EnumerateObject())
            {
                AssertSubset(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
            }
        }
        else
        {
            Assert.True(expected.ValueKind == actual.ValueKind && expected.ToString() == actual.ToString(), $"{path}: {actual}, expected {expected}");
        }
    }
}
