using Qedu.Kernel.Files;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

internal enum ImportPhase
{
    /// <summary>Reading every file and checking every row; nothing is written.</summary>
    Validate,

    /// <summary>Every row is valid: writing them in one transaction.</summary>
    Write,

    /// <summary>Finished (written, or stopped by errors, or a dry run).</summary>
    Done,
}

/// <summary>
/// Where an import is, for a progress bar: the phase, the file, rows done so far and, when known (the write phase),
/// the total; <see cref="Fraction"/> is the share of the whole import done (0 to 1), validation counting as the first half.
/// </summary>
internal sealed record ImportProgress(ImportPhase Phase, string File, long Rows, long? TotalRows, double Fraction);

/// <summary>One file of an import: what it holds, the name to report it by, and where it is on disk (read twice).</summary>
internal sealed record ImportSource(RecordKind Kind, string FileName, string Path, TableFormat Format);

internal sealed class ImportOptions
{
    /// <summary>Files larger than this are refused before reading (configuration: <c>Registry:Import:MaxFileBytes</c>).</summary>
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>An .xlsx may unpack to at most this much (configuration: <c>Registry:Import:MaxUnpackedBytes</c>).</summary>
    public long MaxUnpackedBytes { get; set; } = new TableLimits().MaxUnpackedBytes;

    /// <summary>The parts of an .xlsx read whole (shared strings, styles) may unpack to at most this much each.</summary>
    public long MaxWholePartBytes { get; set; } = new TableLimits().MaxWholePartBytes;

    /// <summary>The report lists at most this many problems (all are counted).</summary>
    public int MaxErrors { get; set; } = 1000;

    /// <summary>Rows per database round trip (duplicate checks and writes).</summary>
    public int BatchSize { get; set; } = 10_000;
}

/// <summary>One problem: the file, the spreadsheet row (1 = header; 0 = the file as a whole), the column as the file names it, the field key, the value and a message in the caller's language.</summary>
internal sealed record ImportError(string File, int Row, string? Column, string? Field, string? Value, string Message);

internal sealed record ImportFileSummary(string File, string Kind, long Rows);

/// <summary>The outcome of an import. <see cref="Ok"/> is false when anything was wrong; then nothing was written.</summary>
internal sealed record ImportReport(
    bool Ok,
    bool DryRun,
    IReadOnlyList<ImportFileSummary> Files,
    IReadOnlyDictionary<string, long> Written,
    int ErrorCount,
    bool ErrorsTruncated,
    IReadOnlyList<ImportError> Errors)
{
    /// <summary>What the import did that is not a problem, e.g. a template's example row skipped; in the caller's language.</summary>
    public IReadOnlyList<ImportNotice> Notices { get; init; } = [];
}

/// <summary>Something the caller should know about a file's row that is not an error (row 1 = header).</summary>
internal sealed record ImportNotice(string File, int Row, string Message);
