namespace Qedu.Teachers.Rules;


/// <summary>A category of continuing-education hours: whether it counts toward the cycle, and a floor or a cap within the cycle.</summary>
internal sealed record TrainingCategory(string Code, string Zh, string En, bool Counts, double? MinHours = null, double? MaxHours = null)
{
    public string Name(bool english) => english ? En : Zh;
}

/// <summary>
/// Continuing education as data (teacher-rules.json, "training"): the hours a cycle asks (360 in 5 years), the year the
/// first cycle began (cycles follow each other from it), the categories (which count, with a floor or a cap), and the
/// share of a course's sessions a teacher must attend for its hours.
/// </summary>
internal sealed record TrainingRules(int CycleHours, int CycleYears, int FirstCycleYear, double CompletionAttendance, IReadOnlyList<TrainingCategory> Categories)
{
    /// <summary>Null when the rules hold together; else what is wrong.</summary>
    public string? Check()
    {
        if (CycleHours is <= 0 or > 2000 || CycleYears is <= 0 or > 10 || FirstCycleYear is < 1990 or > 2100 || CompletionAttendance is <= 0 or > 1)
        {
            return "training: cycleHours 1–2000, cycleYears 1–10, firstCycleYear 1990–2100, completionAttendance over 0 up to 1.";
        }
        if (Categories is null || Categories.Count == 0 || Categories.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != Categories.Count
            || Categories.Any(c => string.IsNullOrWhiteSpace(c.Code) || c.Code.Length > 30 || c.MinHours < 0 || c.MaxHours <= 0 || c.MinHours > c.MaxHours))
        {
            return "training: categories need distinct codes (up to 30 characters) and floors no higher than their caps.";
        }
        return Categories.Where(c => c.Counts).Sum(c => c.MinHours ?? 0) > CycleHours ? "training: the floors add up to more than a cycle's hours." : null;
    }

    public TrainingCategory? Category(string? code) => Categories.FirstOrDefault(c => c.Code == code);

    /// <summary>The cycle <paramref name="day"/> falls in: its first and last day.</summary>
    public (DateOnly From, DateOnly To) CycleOf(DateOnly day)
    {
        var index = Math.DivRem(day.Year - FirstCycleYear, CycleYears, out var rest) - (rest < 0 ? 1 : 0);
        var from = new DateOnly(FirstCycleYear + (index * CycleYears), 1, 1);
        return (from, from.AddYears(CycleYears).AddDays(-1));
    }

    /// <summary>
    /// What a teacher hired on <paramref name="hiredOn"/> owes in the cycle and should have done by <paramref name="today"/>:
    /// a teacher who joined during the cycle owes the share of it left when they came, and pace is measured from then.
    /// </summary>
    public (double Target, double Expected) Owed((DateOnly From, DateOnly To) cycle, DateOnly? hiredOn, DateOnly today)
    {
        var cycleDays = cycle.To.DayNumber - cycle.From.DayNumber + 1;
        var start = hiredOn is { } h && h > cycle.From ? h : cycle.From;
        var days = Math.Max(0, cycle.To.DayNumber - start.DayNumber + 1);
        var target = Math.Ceiling(CycleHours * (double)days / cycleDays);
        var elapsed = Math.Clamp(today.DayNumber - start.DayNumber + 1, 0, days);
        return (target, days == 0 ? 0 : Math.Floor(target * elapsed / days));
    }

    /// <summary>
    /// The hours that count, from a teacher's hours by category in the cycle: counting categories only, each up to its cap;
    /// and whether every floor is met (a floor shrinks with the target of a teacher who joined during the cycle:
    /// <paramref name="share"/> is their target over the cycle's hours).
    /// </summary>
    public (double Counted, bool FloorsMet) Count(IReadOnlyDictionary<string, double> byCategory, double share = 1)
    {
        double counted = 0;
        var floors = true;
        foreach (var category in Categories.Where(c => c.Counts))
        {
            var hours = byCategory.GetValueOrDefault(category.Code);
            counted += category.MaxHours is { } cap ? Math.Min(hours, cap) : hours;
            floors &= hours >= Math.Ceiling((category.MinHours ?? 0) * share);
        }
        return (Math.Round(counted, 1), floors);
    }
}
