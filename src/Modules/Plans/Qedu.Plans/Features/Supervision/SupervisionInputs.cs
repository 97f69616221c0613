namespace Qedu.Plans.Features.Supervision;

/// <summary>A figure of a report: the current value of one of the task's targets.</summary>
internal sealed class FigureInput
{
    public long? TargetId { get; set; }
    public decimal? Value { get; set; }
}

/// <summary>An evidence file: its name as uploaded and its bytes (base64 in JSON). The stored type follows from the name and content.</summary>
internal sealed class EvidenceInput
{
    public string? FileName { get; set; }
    public byte[]? Content { get; set; }
}

/// <summary>A progress report on a task, or on one of its milestones, from the caller's unit.</summary>
internal sealed class ReportInput
{
    public long? TaskId { get; set; }
    public long? MilestoneId { get; set; }
    public string? Text { get; set; }

    /// <summary>The reporter says the task (or milestone) is complete; the plan owner then accepts it, or not.</summary>
    public bool ClaimsDone { get; set; }
    public List<FigureInput> Figures { get; set; } = [];
    public List<EvidenceInput> Evidence { get; set; } = [];
}

/// <summary>A 督办单: to one of the task's units, with the date its reply is due.</summary>
internal sealed class NoticeInput
{
    public int? UnitId { get; set; }
    public string? Text { get; set; }
    public DateOnly? ReplyBy { get; set; }
}

/// <summary>A reply to a notice, a fix report on a rectification, or the reason a fix is sent back.</summary>
internal sealed class TextInput
{
    public string? Text { get; set; }
}

/// <summary>A 整改 item for one of the task's units, optionally arising from a notice.</summary>
internal sealed class RectificationInput
{
    public int? UnitId { get; set; }
    public long? NoticeId { get; set; }
    public string? Problem { get; set; }
    public DateOnly? DueOn { get; set; }
}
