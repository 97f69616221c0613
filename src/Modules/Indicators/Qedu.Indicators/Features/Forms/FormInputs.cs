namespace Qedu.Indicators.Features.Forms;

/// <summary>A round to send: which form, for which period, due when, and (for someone managing several bureaus) from which.</summary>
internal sealed class RoundInput
{
    public string? Form { get; set; }
    public string? Period { get; set; }
    public DateOnly? Deadline { get; set; }

    /// <summary>The code of the sending bureau; needed only when the caller manages more than one.</summary>
    public string? Org { get; set; }
}

/// <summary>
/// A unit's answers, by field code, as text the way a person types them ("1200", "是", "true"); the API turns JSON
/// numbers and booleans into the same text. Saving replaces every answer; a field left out is left blank.
/// </summary>
internal sealed class ReturnInput
{
    public Dictionary<string, string?>? Values { get; set; }
}

/// <summary>The reviewer's comment: optional when approving, the reason when sending back.</summary>
internal sealed class ReviewInput
{
    public string? Comment { get; set; }
}
