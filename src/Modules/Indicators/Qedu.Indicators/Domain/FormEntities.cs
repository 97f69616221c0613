using System.Text.Json.Serialization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;

namespace Qedu.Indicators.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ReturnState>))]
public enum ReturnState
{
    /// <summary>Not handed in yet: sent, or saved by the unit as a draft.</summary>
    Draft,

    /// <summary>Handed in, waiting for the bureau above.</summary>
    Submitted,

    /// <summary>Accepted by the bureau above: its figures feed the indicators.</summary>
    Approved,

    /// <summary>Sent back with a comment: the unit corrects and submits again.</summary>
    Returned,
}

/// <summary>
/// One sending of a form for a period by a bureau (the owner) to the units of the form's level below it, with a
/// deadline. Only a bureau's indicators.manage holders send, so that is the write permission.
/// </summary>
[ScopedWrite(Permissions.IndicatorsManage)]
internal sealed class FormRound : IOrgScoped
{
    public long Id { get; set; }
    public required string FormCode { get; set; }

    /// <summary>A year ("2026") or a month ("2026-11"), as the indicator snapshots it feeds.</summary>
    public required string Period { get; set; }

    /// <summary>The last day (China time) a return is on time.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>The bureau that sent the round; the round is in the scope of that bureau's people.</summary>
    public int OrgUnitId { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public required string SentBy { get; set; }
}

/// <summary>
/// One unit's return in a round. It belongs to the reporting unit, so the unit and everyone above it see it. Three
/// parties write it (the bureau sending the round creates it, the unit fills it in, the bureau above reviews it), so
/// the write permission is their common indicators.read and the use cases check who may do what. The form and
/// period are copied from the round so that the database itself refuses two returns of one form and period from
/// one unit, which would count the unit twice in the indicators.
/// </summary>
[ScopedWrite(Permissions.IndicatorsRead)]
internal sealed class FormReturn : IOrgScoped
{
    public long Id { get; set; }
    public long RoundId { get; set; }
    public int OrgUnitId { get; set; }
    public required string FormCode { get; set; }
    public required string Period { get; set; }
    [AuditedValue]
    public ReturnState State { get; set; }
    public DateTimeOffset? SavedAt { get; set; }
    public string? SavedBy { get; set; }

    /// <summary>
    /// The first hand-in. Lateness is judged by it: a unit that handed in on time and was asked to correct something is
    /// not late because the correction came after the deadline.
    /// </summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    /// <summary>
    /// The first hand-in came after the deadline day. Judged once, when it happens, against the round's deadline (which
    /// never changes), and kept so the lists count late returns in the database.
    /// </summary>
    public bool Late { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewComment { get; set; }

    /// <summary>Bumped by every change, so a review and a correction that cross each other cannot both win.</summary>
    public long Revision { get; set; }
}

/// <summary>
/// One answer of a return. Rows rather than a JSON column: the fact source reads one field across every unit's
/// approved returns, the decimals stay exact decimals, and the mapping is the same on SQLite and PostgreSQL. Only the
/// reporting unit writes its answers: its indicators.report holders, or, for a bureau's own return (the city's 市本级
/// funds), the bureau's indicators.manage holders, who hold no indicators.report. The use case checks which, so the
/// write permission is the common indicators.read, as for the return itself.
/// </summary>
[ScopedWrite(Permissions.IndicatorsRead)]
internal sealed class FormReturnValue : IOrgScoped
{
    public long Id { get; set; }
    public long ReturnId { get; set; }
    public int OrgUnitId { get; set; }
    public required string FieldCode { get; set; }

    /// <summary>Integer, number and yes-no answers (yes = 1, no = 0).</summary>
    public decimal? Number { get; set; }
    public string? Text { get; set; }
}
