namespace PerfPipeline.Warehouse;

using System.Globalization;

using PerfPipeline.Extracts;

/// <summary>How accepted values are stored: dates as <c>yyyy-MM-dd</c> (SQLite), the date of birth at month precision.</summary>
internal static class StoredValues
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The person's date of birth: kept at month precision (docs/warehouse.md, Person).</summary>
    private static readonly ColumnSpec DateOfBirth = ExtractContract.Person.Columns[ExtractContract.Person.IndexOf("pers_dob")];

    /// <summary>The date a column keeps: the birth month for the date of birth, the date itself elsewhere.</summary>
    public static DateOnly ToStoredDate(ColumnSpec column, DateOnly date) => ReferenceEquals(column, DateOfBirth) ? BirthMonth(date) : date;

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The first day of the birth month: completed years at any month end are unchanged.</summary>
    public static DateOnly BirthMonth(DateOnly dateOfBirth) => new(dateOfBirth.Year, dateOfBirth.Month, 1);
}
