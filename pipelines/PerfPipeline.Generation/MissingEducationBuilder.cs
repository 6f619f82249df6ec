namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>Children missing education at each snapshot, a few carried from one snapshot to the next.</summary>
internal sealed class MissingEducationBuilder(GenerationContext context)
{
    public void Build()
    {
        var random = context.Random;
        var targets = context.Profile.MissingEducation;
        var current = new List<MissingEducationCase>();
        foreach (var asAt in context.Profile.Batches)
        {
            var target = asAt == context.LastYearQuarter.End ? targets.LastYearQuarter
                : asAt == context.Year.End ? targets.Year
                : asAt == context.Quarter.End ? targets.Quarter
                : null;
            if (target is not { } count
                || (context.Profile.SnapshotsFrom.TryGetValue(Extracts.ExtractContract.ChildrenMissingEducation.Name, out var first) && asAt < first))
            {
                continue;
            }

            current = [.. current.Where(_ => random.Chance(0.3)).Take(count)];
            while (current.Count < count)
            {
                var child = context.People.Child(asAt, random.Between(5, 15));
                current.Add(new MissingEducationCase(child.PersonKey, asAt.AddDays(-random.Between(10, 150))));
            }

            context.World.MissingEducationSnapshots.Add(new Snapshot<MissingEducationCase>(asAt, [.. current]));
        }
    }
}
