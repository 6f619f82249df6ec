namespace PerfPipeline.Extracts;

/// <summary>The rule a <see cref="ValidationIssue"/> breaks; groups issues in reports.</summary>
public enum ValidationRule
{
    // File errors: the whole batch is rejected.
    ManifestMissing,
    ManifestInvalid,
    LaCodeMismatch,
    AsAtMismatch,
    AsAtInFuture,
    DatasetListedTwice,
    FileNameInvalid,
    FileMissing,
    FileUnreadable,
    HeaderMissing,
    RequiredColumnMissing,
    ColumnNamedTwice,
    RowCountMismatch,
    ChecksumMismatch,
    TooManyRowsRejected,
    NotRegularFile,

    // Row errors: the row is rejected.
    RequiredValueMissing,
    UnparseableDate,
    UnparseableFlag,
    UnparseableNumber,
    CodeNotInList,
    WrongFieldCount,
    EndBeforeStart,
    DateAfterAsAt,
    DuplicatePrimaryKey,
    QuoteNotClosed,
    RecordTooLong,
    ValueTooLong,
    DateOutOfRange,
    NumberOutOfRange,
    UnreadableRow,

    // Warnings: the row is kept.
    UnknownDataset,
    PlaceholderDate,
    VisitOutsidePlan,
    VisitOutsidePeriodOfCare,
    UnknownPerson,
    ShrinkConfirmed,
    OtherSsdTable,
    DatasetKeyless,
    UnknownSourceSystem,
    UnknownSsdVersion,
    RestoredAsCurrent,
    WorkerNotRecorded,
}
