namespace PerfPipeline.Warehouse;

using System.Data;
using System.Globalization;

using Dapper;

/// <summary>
/// Dapper conversions for the warehouse's column types: SQLite returns dates as <c>yyyy-MM-dd</c> text, flags as
/// integers and numbers as reals, where the case data records take <see cref="DateOnly"/>, <see cref="bool"/>
/// and <see cref="decimal"/>. SQL Server's native types pass through the same handlers.
/// </summary>
internal static class WarehouseTypeHandlers
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new BooleanHandler());
        SqlMapper.AddTypeHandler(new DecimalHandler());
        return true;
    });

    public static void Register() => _ = Registration.Value;

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => DateOnly.ParseExact(Convert.ToString(value, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }
    }

    private sealed class BooleanHandler : SqlMapper.TypeHandler<bool>
    {
        public override bool Parse(object value) => Convert.ToBoolean(value, CultureInfo.InvariantCulture);

        public override void SetValue(IDbDataParameter parameter, bool value)
        {
            parameter.DbType = DbType.Boolean;
            parameter.Value = value;
        }
    }

    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override decimal Parse(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.Decimal;
            parameter.Value = value;
        }
    }
}
