namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Tests.TestSupport;

/// <summary>The work list of the committed seeds as at their newest batch.</summary>
public sealed class SeedWorkListTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    [Fact]
    public void Build_Seeds_HasARowOfEveryKindAsAtTheNewestBatch()
    {
        var list = new WorkListBuilder().Build(seeds.Data);

        Assert.Equal(new DateOnly(2019, 9, 30), list.AsAt);
        foreach (var kind in Enum.GetValues<WorkItemKind>())
        {
            Assert.Contains(list.Items, i => i.Kind == kind);
        }

        Assert.All(list.Items, i => Assert.Equal(32, i.PersonKey.Length));
        Assert.Equal(list.Items.OrderByDescending(i => i.DaysOverdue).Select(i => i.DaysOverdue), list.Items.Select(i => i.DaysOverdue));
        foreach (var kind in Enum.GetValues<WorkItemKind>())
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {list.Items.Count(i => i.Kind == kind)}, overdue {list.Items.Count(i => i.Kind == kind && i.DaysOverdue > 0)}");
        }
    }
}
