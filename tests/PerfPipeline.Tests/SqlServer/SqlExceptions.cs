namespace PerfPipeline.Tests.SqlServer;

using System.Globalization;
using System.Reflection;

using Microsoft.Data.SqlClient;

/// <summary>
/// SqlExceptions with a chosen error number. SqlException has no public constructor, so this goes through the
/// internal factory SqlClient itself uses (<c>SqlException.CreateException</c>); a change to those internals fails
/// here by name rather than in the tests that use it.
/// </summary>
internal static class SqlExceptions
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    public static SqlException Create(int number, byte severity = 16)
    {
        var error = (SqlError)Activator.CreateInstance(
            typeof(SqlError), Internal, binder: null,
            [number, (byte)1, severity, "test-server", $"error {number}", "procedure", 1, null], CultureInfo.InvariantCulture)!;
        var errors = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        var add = typeof(SqlErrorCollection).GetMethod("Add", Internal, [typeof(SqlError)])
            ?? throw new MissingMethodException(nameof(SqlErrorCollection), "Add");
        add.Invoke(errors, [error]);
        var create = typeof(SqlException).GetMethod("CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])
            ?? throw new MissingMethodException(nameof(SqlException), "CreateException");
        return (SqlException)create.Invoke(null, [errors, "16.00.0000"])!;
    }
}
