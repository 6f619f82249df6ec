namespace PerfPipeline.Calendar;

/// <summary>
/// One England and Wales bank holiday. <see cref="Source"/> says where the date comes from:
/// <c>gov.uk</c> (published at https://www.gov.uk/bank-holidays) or <c>statutory-rules</c> (a year GOV.UK
/// has not published yet, computed by <see cref="StatutoryBankHolidays"/>).
/// </summary>
public sealed record BankHoliday(DateOnly Date, string Title, string Notes, string Source);
