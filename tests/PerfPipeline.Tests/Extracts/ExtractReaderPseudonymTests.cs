namespace PerfPipeline.Tests.Extracts;

using System.Text;

using PerfPipeline.Extracts;
using PerfPipeline.Privacy;

/// <summary>
/// The reader hashes new identifiers on a worker and resolves each file's person cells once the file is read: every
/// person cell, key, derived person and redacted issue must hold the pseudonym computed directly, in files with more
/// new identifiers than the worker takes at a time, people met again in later files and people new in later files.
/// </summary>
public sealed class ExtractReaderPseudonymTests : ExtractReaderTestBase
{
    private const int People = 2500;

    [Fact]
    public async Task ReadAsync_PeopleInSeveralDatasets_EveryPersonCellHoldsItsPseudonym()
    {
        var persons = Csv("pers_person_id,pers_sex,pers_ethnicity,pers_dob,pers_family_id", Enumerable.Range(1, People).Select(i => i switch
        {
            // A person key twice: both copies rejected, reported by pseudonym.
            8 => $"P{7:D5},F,WBRI,2012-03-04,F{7 / 3:D4}",
            // Rejected for its date, whose cell holds another person's identifier: the issue shows the pseudonym.
            20 => $"P{20:D5},M,WBRI,P{21:D5},F{20 / 3:D4}",
            // A wrong field count: rejected before its values are read, its key still counts for duplicates.
            30 => $"P{31:D5},M,WBRI",
            31 => $"P{31:D5},M,WBRI,2011-01-01,",
            _ => $"P{i:D5},{(i % 2 == 0 ? "F" : "M")},WBRI,2010-01-{1 + (i % 28):D2},{(i % 5 == 0 ? "" : $"F{i / 3:D4}")}",
        }));
        // People met in ssd_person and people the batch meets first here, each named several times.
        var referrals = Csv("cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team",
            Enumerable.Range(1, 2 * People).Select(i => i switch
            {
                50 => $"R{i},P{i:D5},not a date,1A,N,,Front Door",
                _ => $"R{i},{(i % 3 == 0 ? $"Q{i % 1700:D5}" : $"P{1 + (i * 7 % People):D5}")},2019-04-{1 + (i % 28):D2},1A,N,,Front Door",
            }));
        var plans = Csv("cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category",
            Enumerable.Range(1, 300).Select(i => $"CP{i},{(i % 2 == 0 ? $"P{i * 3:D5}" : $"S{i:D5}")},2019-01-{1 + (i % 28):D2},,Neglect"));
        // Visits naming no person: derived from their plan's.
        var visits = Csv("cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen",
            Enumerable.Range(1, 600).Select(i => $"V{i},,CP{1 + (i % 300)},2019-08-{1 + (i % 28):D2},Y"));
        Batch.WithDataset("ssd_person", Text(persons))
            .WithDataset("ssd_cin_episodes", Text(referrals))
            .WithDataset("ssd_cp_plans", Text(plans))
            .WithDataset("ssd_cp_visits", Text(visits));

        var sut = await ReadAsync(Lenient);

        using var direct = new Pseudonymiser(Key);
        string? Expected(string raw) => raw.Length == 0 ? null : direct.Pseudonymise(raw);
        var planPerson = plans.Rows.ToDictionary(row => row[0], row => row[1]);
        AssertPersonCells(sut, "ssd_person", persons, People - 5, (row, column) => Expected(row[column]));
        AssertPersonCells(sut, "ssd_cin_episodes", referrals, (2 * People) - 1, (row, column) => Expected(row[column]));
        AssertPersonCells(sut, "ssd_cp_plans", plans, 300, (row, column) => Expected(row[column]));
        AssertPersonCells(sut, "ssd_cp_visits", visits, 600, (row, _) => Expected(planPerson[row[2]]));
        Assert.Equal(
            [(7L, Expected("P00007")), (8L, Expected("P00007")), (30L, Expected("P00031")), (31L, Expected("P00031"))],
            sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).Select(i => (i.Row!.Value, i.Value)));
        var date = Assert.Single(sut.Issues, i => i is { Dataset: "ssd_person", Rule: ValidationRule.UnparseableDate });
        Assert.Equal(Expected("P00021"), date.Value);
        Assert.Contains(sut.Issues, i => i is { Dataset: "ssd_cin_episodes", Row: 50, Rule: ValidationRule.UnparseableDate });
    }

    private static void AssertPersonCells(
        ExtractBatch batch, string dataset, (string[] Header, List<string[]> Rows) csv, int accepted, Func<string[], int, string?> expected)
    {
        var rows = Assert.Single(batch.Datasets, d => d.Contract.Name == dataset).Rows;
        Assert.Equal(accepted, rows.Count);
        var columns = rows.Contract.Columns;
        for (var row = 0; row < rows.Count; row++)
        {
            var fields = csv.Rows[(int)rows.RowNumber(row) - 1];
            for (var column = 0; column < columns.Count; column++)
            {
                if (columns[column].Kind == ColumnKind.PersonId)
                {
                    Assert.Equal(expected(fields, Array.IndexOf(csv.Header, columns[column].Name)), rows.Text(row, column));
                }
            }
        }
    }

    private static (string[] Header, List<string[]> Rows) Csv(string header, IEnumerable<string> lines) =>
        (header.Split(','), [.. lines.Select(line => line.Split(','))]);

    private static string Text((string[] Header, List<string[]> Rows) csv)
    {
        var text = new StringBuilder().AppendJoin(',', csv.Header).Append('\n');
        foreach (var row in csv.Rows)
        {
            text.AppendJoin(',', row).Append('\n');
        }

        return text.ToString();
    }
}
