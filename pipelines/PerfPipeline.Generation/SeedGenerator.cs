namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Builds a synthetic LA's whole history from a profile, meeting every target exactly. The steps run in a
/// fixed order from one seeded random source, so the same profile always gives the same records.
/// </summary>
internal static class SeedGenerator
{
    public static SyntheticWorld Generate(SeedProfile profile)
    {
        var context = new GenerationContext(profile);
        var world = context.World;

        var workforce = new WorkforceBuilder(context);
        workforce.Build();

        var referrals = new ReferralBuilder(context);
        referrals.Build();
        new AssessmentBuilder(context, referrals.Referrals).Build();

        var protection = new CpPlanBuilder(context, referrals.Events);
        protection.Build();
        new CpVisitBuilder(context, protection.Plans).Build();

        var onPlans = protection.Plans.SelectMany(p => p.Children).ToHashSet();
        var care = new CareBuilder(context);
        care.Simulate(referrals.Referrals, onPlans);
        new CareLeaverBuilder(context, care).Build();
        care.MatchChildrenInCare();
        care.WriteEpisodes();
        new CareVisitBuilder(context, care.Periods).Build();

        var involvements = new InvolvementBuilder(context, workforce.SocialWorkers);
        involvements.AddAssessments(referrals.Referrals, onPlans.Union(care.Periods.Select(p => p.Child)).ToHashSet());
        involvements.AddPlans(protection.Plans);
        involvements.AddCare(care.Periods);
        involvements.Write();

        WriteReferrals(context, referrals.Referrals);
        new MissingBuilder(context, care.Periods).Build();
        new EarlyHelpBuilder(context).Build();
        new EhcpBuilder(context).Build();
        new MissingEducationBuilder(context).Build();
        GiveFamilies(world, referrals.Families);
        return world;
    }

    // The extension column pers_family_id: siblings referred together share their family's id. Set last, as the
    // steps before key sets by the person records.
    private static void GiveFamilies(SyntheticWorld world, IReadOnlyList<Family> families)
    {
        var familyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            foreach (var child in family.Children)
            {
                familyOf[child.PersonKey] = "FAM" + family.Id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        for (var i = 0; i < world.People.Count; i++)
        {
            if (familyOf.TryGetValue(world.People[i].PersonKey, out var family))
            {
                world.People[i] = world.People[i] with { FamilyKey = family };
            }
        }
    }

    private static void WriteReferrals(GenerationContext context, IReadOnlyList<ReferralDraft> referrals)
    {
        foreach (var referral in referrals)
        {
            var team = context.Random.Chance(0.9) ? "MASH" : "Emergency Duty Team";
            context.World.Referrals.Add(new Referral(
                referral.Id, referral.Child.PersonKey, referral.Date, referral.Source, referral.NoFurtherAction, referral.CloseDate, team));
            if (referral.Assessment is { } assessment)
            {
                context.World.Assessments.Add(new Assessment(
                    assessment.Id, referral.Child.PersonKey, referral.Id, assessment.Start, assessment.Authorised, assessment.Team));
            }
        }
    }
}
