using System.Data.Common;
using System.Text.Json.Serialization;
using Qedu.Kernel.Web;

namespace Qedu.Rectifications.Contracts;

/// <summary>
/// A finding another module raises for a unit to put right (整改): a plan task's supervision, a safety hazard, an
/// inspection visit, a monitoring result. <see cref="SourceKind"/> names the module's record kind ("plans.task",
/// "safety.hazard"), <see cref="SourceId"/> the record, <see cref="SourceItemId"/> an optional part of it (a notice, a
/// checklist item). The raising module decides who fixes and who verifies by naming a permission for each: the fixer
/// holds <see cref="FixPermission"/> over the responsible unit, the verifier <see cref="VerifyPermission"/> over the
/// raising unit. <see cref="RecheckOn"/> asks for a 回头看 after verification; a <see cref="Serious"/> finding is
/// escalated to the city at once.
/// </summary>
public sealed record RectificationRequest
{
    public required string SourceKind { get; init; }
    public required long SourceId { get; init; }
    public long? SourceItemId { get; init; }
    public required string SourceTitle { get; init; }
    public required string SourceUrl { get; init; }
    public required int RaisedByUnitId { get; init; }
    public required int ResponsibleUnitId { get; init; }
    public required string Finding { get; init; }
    public required DateOnly DueOn { get; init; }
    public DateOnly? RecheckOn { get; init; }
    public bool Serious { get; init; }
    public required string FixPermission { get; init; }
    public required string VerifyPermission { get; init; }

    /// <summary>The fix must come with at least one photo or scan.</summary>
    public bool FixNeedsEvidence { get; init; }
    public IReadOnlyList<RectificationUpload> Photos { get; init; } = [];
}

/// <summary>A photo or scan sent with a finding or a fix: its name as uploaded and its content (read once).</summary>
public sealed record RectificationUpload(string FileName, long Length, Stream Content);

/// <summary>Where a rectification stands (named in JSON: "Open", "Fixed", "Verified", "Closed").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RectificationState>))]
public enum RectificationState
{
    /// <summary>Raised (or sent back): the responsible unit must fix it by its date.</summary>
    Open,

    /// <summary>The responsible unit reported it fixed; the raiser verifies it or sends it back.</summary>
    Fixed,

    /// <summary>Verified, with a 回头看 re-check still to come.</summary>
    Verified,

    /// <summary>Verified (and re-checked where one was asked): 销号.</summary>
    Closed,
}

/// <summary>One rectification as other modules see it.</summary>
public sealed record RectificationSummary(
    long Id, string SourceKind, long SourceId, long? SourceItemId, int ResponsibleUnitId, string ResponsibleUnit, int RaisedByUnitId,
    string Finding, bool Serious, DateOnly DueOn, DateOnly? RecheckOn, RectificationState State, DateTimeOffset RaisedAt, string RaisedBy,
    string? FixReport, DateTimeOffset? FixedAt, DateTimeOffset? ClosedAt, string? ClosedBy, bool Overdue);

/// <summary>Counts of one responsible unit's rectifications of a source kind.</summary>
public sealed record RectificationCount(int UnitId, int Total, int Open, int Overdue, int Fixed, int Closed, int Serious);

/// <summary>
/// Rectification (整改), built once for every module: a finding, its responsible unit and deadline, the fix with its
/// evidence, verification by the raiser, the 回头看 re-check, and the overdue lists. Pages and endpoints for fixing and
/// verifying are the rectifications module's own (<c>/rectifications/{id}</c>); a module raises and reads.
/// </summary>
public interface IRectifications
{
    /// <summary>Raises a finding under the caller's access; the caller must see the responsible unit. Returns the new id.</summary>
    Task<Outcome<long>> RaiseAsync(RectificationRequest request, CancellationToken ct = default);

    /// <summary>
    /// Raises inside <paramref name="transaction"/> (open on the Qedu database; the caller commits or rolls back), so the
    /// finding's own record and its rectification are written together: an inspection and its hazards.
    /// </summary>
    Task<Outcome<long>> RaiseAsync(DbTransaction transaction, RectificationRequest request, CancellationToken ct = default);

    /// <summary>The rectifications of these source records that the caller may see, newest first.</summary>
    Task<IReadOnlyList<RectificationSummary>> ForSourcesAsync(string sourceKind, IReadOnlyCollection<long> sourceIds, CancellationToken ct = default);

    /// <summary>
    /// The open rectifications (not yet reported fixed) of these source records, whoever may see them, optionally for one
    /// responsible unit: for reminders over records the caller has already been allowed to see.
    /// </summary>
    Task<IReadOnlyList<RectificationSummary>> OpenOfSourcesAsync(string sourceKind, IReadOnlyCollection<long> sourceIds, int? responsibleUnitId, CancellationToken ct = default);

    /// <summary>Counts per responsible unit of a source kind, within the caller's scope.</summary>
    Task<IReadOnlyList<RectificationCount>> CountsAsync(string sourceKind, CancellationToken ct = default);

    /// <summary>Counts per responsible unit of a source kind over the whole city, for indicator facts (no caller's scope).</summary>
    Task<IReadOnlyList<RectificationCount>> CityCountsAsync(string sourceKind, CancellationToken ct = default);
}
