namespace PerfPipeline.Warehouse;

using System.Globalization;
using System.Text;

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

    /// <summary>Writes the date as its stored <c>yyyy-MM-dd</c> UTF-8 text into the first 10 bytes of <paramref name="text"/>.</summary>
    public static void FormatDate(DateOnly date, Span<byte> text)
    {
        WriteDigits(text[..4], date.Year);
        text[4] = (byte)'-';
        WriteDigits(text[5..7], date.Month);
        text[7] = (byte)'-';
        WriteDigits(text[8..10], date.Day);
    }

    /// <summary>A stored <c>yyyy-MM-dd</c> date from its UTF-8 text, without making a string of it.</summary>
    public static DateOnly ParseDate(ReadOnlySpan<byte> text)
    {
        if (text.Length == DateFormat.Length && text[4] == '-' && text[7] == '-'
            && TryDigits(text[..4], out var year) && TryDigits(text[5..7], out var month) && TryDigits(text[8..], out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        throw new FormatException($"'{Encoding.UTF8.GetString(text)}' is not a stored date ({DateFormat}).");
    }

    /// <summary>The first day of the birth month: completed years at any month end are unchanged.</summary>
    public static DateOnly BirthMonth(DateOnly dateOfBirth) => new(dateOfBirth.Year, dateOfBirth.Month, 1);

    private static void WriteDigits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
