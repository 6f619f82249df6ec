namespace PerfPipeline.Tests.Infra;

/// <summary>
/// Stand-ins for az, sqlcmd and perfpipeline, put first on PATH so post-deploy.sh can run without Azure. They
/// answer like the real tools for the one deployment described here and record what they were asked.
/// </summary>
internal sealed class FakeAzureTools : IDisposable
{
    public const string FunctionApp = "func-perfpipeline-dev-abc123";
    public const string KeyVault = "kv-perfpipe-dev-abc123";
    public const string SqlServer = "sql-perfpipeline-dev-abc123.database.windows.net";
    public const string Database = "perfpipeline";

    private const string Az = """
        #!/usr/bin/env bash
        printf '%s\n' "az $*" >>"$FAKE_LOG/az.calls"
        value_after() { local flag="$1"; shift; while [[ $# -gt 0 ]]; do [[ "$1" == "$flag" ]] && { echo "$2"; return; }; shift; done; }
        case "$1 $2 $3" in
          "deployment group show")
            case "$(value_after --query "$@")" in
              *functionAppName*) echo "$FAKE_FUNCTION_APP" ;;
              *functionAppPrincipalId*) echo "$FAKE_PRINCIPAL_ID" ;;
              *keyVaultName*) echo "$FAKE_KEY_VAULT" ;;
              *sqlServerFqdn*) echo "$FAKE_SQL_SERVER" ;;
              *sqlDatabaseName*) echo "$FAKE_DATABASE" ;;
            esac ;;
          "keyvault secret show")
            [[ "$FAKE_SECRET" == present ]] && { echo "https://vault/secrets/pseudonymisation-key/1"; exit 0; }
            echo "ERROR: (SecretNotFound) A secret with (name/id) pseudonymisation-key was not found in this key vault." >&2
            exit 1 ;;
          "keyvault secret show-deleted")
            [[ "$FAKE_SECRET" == deleted ]] ;;
          "keyvault secret set")
            cp "$(value_after --file "$@")" "$FAKE_LOG/secret" ;;
          "ad sp show")
            echo "$FAKE_APP_ID" ;;
          *)
            echo "fake az: unexpected call: $*" >&2
            exit 3 ;;
        esac
        """;

    private const string Sqlcmd = """
        #!/usr/bin/env bash
        printf '%s\n' "$@" >"$FAKE_LOG/sqlcmd.args"
        """;

    private const string Perfpipeline = """
        #!/usr/bin/env bash
        printf '%s\n' "$@" >"$FAKE_LOG/perfpipeline.args"
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("perfpipeline-fake-azure-");

    public FakeAzureTools()
    {
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(Log);
        Write("az", Az);
        Write("sqlcmd", Sqlcmd);
        Write("perfpipeline", Perfpipeline);
    }

    public string PrincipalId { get; } = Guid.NewGuid().ToString();

    public string ApplicationId { get; } = Guid.NewGuid().ToString();

    private string Bin => Path.Combine(_root.FullName, "bin");

    private string Log => Path.Combine(_root.FullName, "log");

    /// <summary>The environment for post-deploy.sh; <paramref name="secret"/> is absent, present or deleted.</summary>
    public Dictionary<string, string?> Environment(string secret) => new()
    {
        ["PATH"] = $"{Bin}{Path.PathSeparator}{System.Environment.GetEnvironmentVariable("PATH")}",
        ["PERFPIPELINE_CLI"] = Path.Combine(Bin, "perfpipeline"),
        ["PERFPIPELINE_PSEUDONYMISATION_KEY"] = null,
        ["FAKE_LOG"] = Log,
        ["FAKE_SECRET"] = secret,
        ["FAKE_FUNCTION_APP"] = FunctionApp,
        ["FAKE_PRINCIPAL_ID"] = PrincipalId,
        ["FAKE_KEY_VAULT"] = KeyVault,
        ["FAKE_SQL_SERVER"] = SqlServer,
        ["FAKE_DATABASE"] = Database,
        ["FAKE_APP_ID"] = ApplicationId,
    };

    public IReadOnlyList<string> AzCalls() => ReadLines("az.calls");

    /// <summary>The value stored with <c>az keyvault secret set</c>, or null when none was.</summary>
    public string? StoredSecret() => File.Exists(Path.Combine(Log, "secret")) ? File.ReadAllText(Path.Combine(Log, "secret")) : null;

    public IReadOnlyList<string> SqlcmdArguments() => ReadLines("sqlcmd.args");

    public IReadOnlyList<string> PerfpipelineArguments() => ReadLines("perfpipeline.args");

    public void Dispose()
    {
        _root.Delete(recursive: true);
    }

    private string[] ReadLines(string file)
    {
        var path = Path.Combine(Log, file);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    private void Write(string name, string script)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
