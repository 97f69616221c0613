namespace Qedu.Registry.Domain;

/// <summary>
/// One background import as it ended, kept after the in-memory job is gone (a restart, or past the hour), so the home
/// page can list the caller's recent imports. Holds no row of the file: only its name, the counts and the outcome.
/// </summary>
internal sealed class ImportHistoryEntry
{
    /// <summary>The job's id.</summary>
    public Guid Id { get; set; }

    /// <summary>Who ran it, as the import jobs key their owner (account kind and id); <see cref="OwnerName"/> for people.</summary>
    public required string OwnerKey { get; set; }
    public required string OwnerName { get; set; }

    /// <summary>The record kind's name (students, staff, …).</summary>
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary><see cref="ImportOutcomes"/>: written, checked (a dry run that passed), refused or failed.</summary>
    public required string Outcome { get; set; }
    public long RowsWritten { get; set; }
    public bool DryRun { get; set; }
}

internal static class ImportOutcomes
{
    public const string Written = "written";
    public const string Checked = "checked";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
