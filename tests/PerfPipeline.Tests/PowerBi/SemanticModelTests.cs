namespace PerfPipeline.Tests.PowerBi;

using PerfPipeline.Tests.PowerBi.Tmdl;

public sealed class SemanticModelTests
{
    private readonly SemanticModel _sut = SemanticModel.Load(PowerBiProject.ModelDefinition);

    [Fact]
    public void TableReferences_OfModel_EachHaveTheirFileAndEveryTableIsReferenced()
    {
        foreach (var name in _sut.TableReferences)
        {
            var table = _sut.Table(name);
            Assert.True(table is not null, $"model.tmdl refers to table '{name}', which no file declares.");
            Assert.Equal($"{name}.tmdl", Path.GetFileName(table.File));
        }

        Assert.Equal(_sut.Tables.Select(t => t.Name).Order(), _sut.TableReferences.Order());
        Assert.Equal(_sut.Roles.Select(r => r.Name).Order(), _sut.RoleReferences.Order());
    }

    [Fact]
    public void Relationships_EachEnd_NamesAnExistingColumnAndTheOneSideIsAKey()
    {
        Assert.NotEmpty(_sut.Relationships);
        foreach (var relationship in _sut.Relationships)
        {
            var from = _sut.Table(relationship.From.Table)?.Column(relationship.From.Column);
            var to = _sut.Table(relationship.To.Table)?.Column(relationship.To.Column);
            Assert.True(from is not null, $"{relationship.Name}: no column {relationship.From}.");
            Assert.True(to is not null, $"{relationship.Name}: no column {relationship.To}.");
            Assert.True(to.IsKey, $"{relationship.Name}: {relationship.To} is not its table's key.");
            Assert.Equal(from.DataType, to.DataType);
        }
    }

    [Fact]
    public void Relationships_OfTheTargets_ReachIndicatorAndLocalAuthoritySoTheLaUsersRoleFiltersThem()
    {
        var dimensions = _sut.Relationships.Where(r => r.From.Table == "Target").Select(r => r.To.Table);

        Assert.Equal(["Indicator", "Local authority"], dimensions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Measure_Rag_JudgesTheDisplayedValueAgainstTheTargetInForceFollowingPolarityAsTheReportDoes()
    {
        var rag = string.Join(' ', Assert.Single(_sut.Measures, m => m.Name == "RAG").Expression.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        var target = string.Join(' ', Assert.Single(_sut.Measures, m => m.Name == "Target value").Expression.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

        // As Reporting/RagRule: the value as displayed, shortfall by polarity, green / amber within the tolerance / red, neutral never judged.
        Assert.Contains("ROUND ( current, SELECTEDVALUE ( Indicator[Display precision], 0 ) )", rag, StringComparison.Ordinal);
        Assert.Contains("IF ( polarity = \"lower_is_better\", shown - goal, goal - shown )", rag, StringComparison.Ordinal);
        Assert.Contains("polarity = \"neutral\", BLANK ()", rag, StringComparison.Ordinal);
        Assert.Contains("shortfall <= 0, \"Green\", shortfall <= band, \"Amber\", \"Red\"", rag, StringComparison.Ordinal);

        // As RagRule.InForce: the latest From date on or before the reporting period's end.
        Assert.Contains("CALCULATE ( MAX ( Target[From date] ), Target[From date] <= periodEnd )", target, StringComparison.Ordinal);
    }

    [Fact]
    public void Relationships_OfTheIndicatorValues_ReachIndicatorPeriodLocalAuthorityAndDate()
    {
        var dimensions = _sut.Relationships.Where(r => r.From.Table == "Indicator value").Select(r => r.To.Table);

        Assert.Equal(["Date", "Indicator", "Local authority", "Period"], dimensions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Measures_Names_AreUniqueAndClashWithNoColumnOfTheirTable()
    {
        var duplicates = _sut.Measures.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        var clashes = _sut.Tables.SelectMany(t => t.Measures.Where(m => t.Column(m.Name) is not null)).Select(m => m.Name);

        Assert.Empty(duplicates);
        Assert.Empty(clashes);
    }

    [Theory]
    [InlineData("Current value")]
    [InlineData("Same period last year")]
    [InlineData("Previous financial year")]
    [InlineData("Direction")]
    [InlineData("National value")]
    [InlineData("Improvement")]
    [InlineData("Target value")]
    [InlineData("RAG")]
    [InlineData("RAG colour")]
    public void Measures_OfTheDashboard_AreDefined(string measure)
    {
        Assert.Contains(_sut.Measures, m => m.Name == measure);
    }

    [Fact]
    public void DaxReferences_OfMeasuresAndRoleFilters_ResolveToModelObjects()
    {
        var expressions = _sut.Measures
            .SelectMany(m => new[] { (m.Name, m.Expression), (m.Name, m.FormatStringExpression ?? string.Empty) })
            .Concat(_sut.Roles.SelectMany(r => r.ChildrenOf("tablePermission")).Select(p => (p.Name!, p.Value!)));
        var unresolved = new List<string>();
        foreach (var (owner, dax) in expressions)
        {
            foreach (var (table, name) in DaxReferences.In(dax))
            {
                var resolved = table is null
                    ? _sut.Measures.Any(m => m.Name == name)
                    : _sut.Table(table)?.Has(name) == true;
                if (!resolved)
                {
                    unresolved.Add($"{owner}: {table}[{name}]");
                }
            }
        }

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Partitions_OfEveryTable_ImportOnePbiViewThroughTheParametersWithExactlyTheMappedColumns()
    {
        foreach (var table in _sut.Tables)
        {
            var partition = Assert.Single(table.Partitions);
            Assert.Equal(("m", "import"), (partition.Value, partition.Property("mode")));
            var source = PbiViewSource.Parse(partition.ChildrenOf("source").Single().Value!);
            var mapped = table.Columns.Where(c => c.IsImported).Select(c => c.SourceColumn ?? throw new InvalidOperationException($"{table.Name}[{c.Name}] has no source column."));
            Assert.Equal(mapped.Order(StringComparer.Ordinal), source.Columns.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Expressions_ServerAndDatabase_AreRequiredTextParameters()
    {
        foreach (var name in new[] { "Server", "Database" })
        {
            var parameter = Assert.Single(_sut.Expressions, e => e.Name == name);
            Assert.Matches(@"^""[^""]+"" meta \[IsParameterQuery=true, Type=""Text"", IsParameterQueryRequired=true\]$", parameter.Value);
        }
    }

    [Fact]
    public void DateTable_IsMarkedAsTheModelsDateTableWithADateKey()
    {
        var date = Assert.Single(_sut.Tables, t => t.DataCategory == "Time");

        var key = Assert.Single(date.Columns, c => c.IsKey);
        Assert.Equal("dateTime", key.DataType);
        Assert.Contains(_sut.Relationships, r => r.To == new ColumnReference(date.Name, key.Name));
    }

    [Fact]
    public void Roles_LaUsers_FilterLocalAuthoritiesByTheSignedInUsersMapping()
    {
        var role = Assert.Single(_sut.Roles, r => r.Name == "LA users");

        Assert.Equal("read", role.Property("modelPermission"));
        var permissions = role.ChildrenOf("tablePermission").ToDictionary(p => p.Name!, p => p.Value!);
        Assert.Contains("USERPRINCIPALNAME ()", permissions["Local authority"], StringComparison.Ordinal);
        Assert.Contains("'LA user'[LA code]", permissions["Local authority"], StringComparison.Ordinal);
        Assert.All(permissions.Keys, table => Assert.NotNull(_sut.Table(table)));
    }

    [Fact]
    public void Roles_TeamUsers_KeepTeamFiguresAndTheWorkListToTheSignedInUsersTeamsThroughTheExtendedLaMapping()
    {
        var role = Assert.Single(_sut.Roles, r => r.Name == "Team users");

        Assert.Equal("read", role.Property("modelPermission"));
        var permissions = role.ChildrenOf("tablePermission").ToDictionary(p => p.Name!, p => p.Value!);
        Assert.Equal(["Local authority", "Team indicator value", "Team user", "Work item"], permissions.Keys.Order(StringComparer.Ordinal));
        Assert.All(permissions.Values, filter => Assert.Contains("'Team user'[User principal name] = USERPRINCIPALNAME ()", filter, StringComparison.Ordinal));
        foreach (var table in new[] { "Team indicator value", "Work item" })
        {
            // A row is kept when the user's mapping for the row's LA names its team, or every team (an empty key).
            Assert.Contains($"'Team user'[LA code] = la", permissions[table], StringComparison.Ordinal);
            Assert.Contains($"'{table}'[Team key] IN teams", permissions[table], StringComparison.Ordinal);
            Assert.Contains("\"\" IN teams", permissions[table], StringComparison.Ordinal);
        }

        // The team mapping is the LA mapping's table extended with a team column, read through pbi.team_user.
        var mapping = _sut.Table("Team user");
        Assert.NotNull(mapping);
        Assert.Equal(["User principal name", "LA code", "Team key"], mapping.Columns.Select(c => c.Name));
        Assert.All(permissions.Keys, table => Assert.NotNull(_sut.Table(table)));
    }
}
