namespace Qedu.Registry.Domain;

/// <summary>
/// A background import while it runs and for an hour after: its progress as the node running it last wrote it, and its
/// report once done. Kept in the database, not in the node's memory, so that behind a load balancer the page polling the
/// job may reach any node (issue 26). The report names rows and the values that were wrong (children's data), so it is
/// encrypted (<see cref="Qedu.Kernel.PersonalData.FieldEncryption"/>) and the row is deleted an hour after the start.
/// </summary>
internal sealed class ImportJobRow
{
    public Guid Id { get; set; }

    /// <summary>Who started it (<c>ImportJobs.Owner</c>): nobody else may watch it or read its report.</summary>
    public required string OwnerKey { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the running node last wrote progress: a job not heard of for a while was lost with its node.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The importer's phase (validate, write, done), lower case as the API shows it.</summary>
    public required string Phase { get; set; }
    public long Rows { get; set; }
    public long? TotalRows { get; set; }
    public double Fraction { get; set; }
    public bool Done { get; set; }

    /// <summary>Set when the import itself failed (not when the file was refused: that is a report).</summary>
    public string? Failure { get; set; }

    /// <summary>The report as JSON, encrypted; null until done (and when it failed).</summary>
    public byte[]? Report { get; set; }
}
