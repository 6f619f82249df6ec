namespace PerfPipeline.Warehouse;

using System.Globalization;

using PerfPipeline.Extracts;

/// <summary>How an accepted row's values are stored: the warehouse's representation of each contract kind.</summary>
internal static class StoredValues
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly object True = 1L;
    private static readonly object False = 0L;

    /// <summary>The person's date of birth: kept at month precision (docs/warehouse.md, Person).</summary>
    private static readonly ColumnSpec DateOfBirth = ExtractContract.Person.Columns[ExtractContract.Person.IndexOf("pers_dob")];

    /// <summary>Dates as <c>yyyy-MM-dd</c> text, flags as 0/1, numbers as reals, text as is; null as <see cref="DBNull"/>.</summary>
    public static object ToStored(ColumnSpec column, object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => Date(ToStoredDate(column, date)),
        bool flag => flag ? True : False,
        decimal number => (double)number,
        _ => value,
    };

    /// <summary>The date a column keeps: the birth month for the date of birth, the date itself elsewhere.</summary>
    public static DateOnly ToStoredDate(ColumnSpec column, DateOnly date) => ReferenceEquals(column, DateOfBirth) ? BirthMonth(date) : date;

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The first day of the birth month: completed years at any month end are unchanged.</summary>
    public static DateOnly BirthMonth(DateOnly dateOfBirth) => new(dateOfBirth.Year, dateOfBirth.Month, 1);
}
