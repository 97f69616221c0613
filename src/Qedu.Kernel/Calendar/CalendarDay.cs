namespace Qedu.Kernel.Calendar;

/// <summary>A day the holiday notice lists: a holiday on a weekday, or a weekend day worked (调休上班).</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    /// <summary>True for an adjusted working day (上班), false for a day off (放假).</summary>
    public bool Working { get; set; }

    /// <summary>The holiday it belongs to, e.g. 春节.</summary>
    public string Holiday { get; set; } = "";
}

/// <summary>A year whose notice the calendar holds, where it came from and when it was loaded.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>The notice (依据), e.g. 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）.</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// How the year was loaded: <c>shipped:</c> and the shipped file's digest (replaced when Qedu ships a corrected
    /// one), or <c>file:</c> and the name of a file an operator loaded (never replaced by a shipped one).
    /// </summary>
    public string Origin { get; set; } = "";

    public DateTimeOffset LoadedAt { get; set; }
}
