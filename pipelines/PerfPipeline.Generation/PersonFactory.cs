namespace PerfPipeline.Generation;

using System.Globalization;

using PerfPipeline.CaseData;

/// <summary>Makes children with plausible sexes, ethnicities (DfE codes, a Berkshire mix) and dates of birth.</summary>
internal sealed class PersonFactory(Random random, SyntheticWorld world)
{
    private static readonly (string Item, int Weight)[] Ethnicities =
    [
        ("WBRI", 680), ("WIRI", 10), ("WOTH", 80), ("WROM", 5), ("MWBC", 30), ("MWBA", 10), ("MWAS", 30), ("MOTH", 20),
        ("AIND", 40), ("APKN", 20), ("ABAN", 5), ("AOTH", 20), ("BCRB", 5), ("BAFR", 20), ("BOTH", 5), ("CHNE", 5),
        ("OOTH", 10), ("NOBT", 5),
    ];

    private static readonly (string Item, int Weight)[] Sexes = [("M", 515), ("F", 480), ("U", 5)];

    private int _next = 100_000;

    /// <summary>A child aged <paramref name="age"/> (completed years) on <paramref name="on"/>.</summary>
    public Person Child(DateOnly on, int age, string? ethnicity = null)
    {
        var youngest = on.AddYears(-age);
        var dateOfBirth = random.DateBetween(youngest.AddYears(-1).AddDays(1), youngest);
        return Add(dateOfBirth, ethnicity);
    }

    /// <summary>A child born on <paramref name="dateOfBirth"/>.</summary>
    public Person Add(DateOnly dateOfBirth, string? ethnicity = null)
    {
        var person = new Person(
            (++_next).ToString(CultureInfo.InvariantCulture),
            random.Weighted(Sexes),
            ethnicity ?? random.Weighted(Ethnicities),
            dateOfBirth);
        world.People.Add(person);
        return person;
    }

    public string Ethnicity() => random.Weighted(Ethnicities);

    /// <summary>Completed years on <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }
}
