namespace PerfPipeline.Tests.Warehouse;

using System.Text.Json;

using PerfPipeline.Indicators;
using PerfPipeline.Warehouse;

public sealed class IndicatorDimensionTests
{
    [Fact]
    public void Code_EveryUnitAndPolarity_IsTheNameTheJsonSerializerWrites()
    {
        foreach (var unit in Enum.GetValues<IndicatorUnit>())
        {
            Assert.Equal(JsonSerializer.Serialize(unit).Trim('"'), IndicatorDimension.Code(unit));
        }

        foreach (var polarity in Enum.GetValues<IndicatorPolarity>())
        {
            Assert.Equal(JsonSerializer.Serialize(polarity).Trim('"'), IndicatorDimension.Code(polarity));
        }

        Assert.Equal("rate_per_10k", IndicatorDimension.Code(IndicatorUnit.RatePer10K));
        Assert.Equal("higher_is_better", IndicatorDimension.Code(IndicatorPolarity.HigherIsBetter));
    }
}
