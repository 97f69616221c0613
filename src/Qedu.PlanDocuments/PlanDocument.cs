namespace Qedu.PlanDocuments;

// The import contract (tracker issue "Import"): other tools check this JSON, so names and shapes are fixed.
// Extra fields (unmatchedUnits) are allowed; renaming or removing one is not.

/// <summary>A plan document as imported: header, then the sections with their tasks.</summary>
public sealed record PlanDocument(
    string Title,
    IReadOnlyList<string> Issuer,
    string? DocumentNumber,
    string? Date,
    IReadOnlyList<PlanSection> Sections,
    IReadOnlyList<string> UnmatchedUnits)
{
    /// <summary>Every task, in document order, however deeply its section is nested.</summary>
    public IEnumerable<PlanTask> AllTasks() => Sections.SelectMany(s => s.AllTasks());
}

/// <summary>A numbered heading ("一、", "（二）", "第三章") and what sits under it.</summary>
public sealed record PlanSection(string Number, string Title, IReadOnlyList<PlanSection> Sections, IReadOnlyList<PlanTask> Tasks)
{
    public IEnumerable<PlanTask> AllTasks() => Tasks.Concat(Sections.SelectMany(s => s.AllTasks()));
}

/// <summary>One task: the number as printed ("30、31" stays one task), the lead phrase, the whole text and what was found in it.</summary>
public sealed record PlanTask(
    string Number,
    string Title,
    string Text,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> ParticipatingUnits,
    Deadline? Deadline,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> Measures,
    IReadOnlyList<string> ExpectedEffects);

/// <summary>A deadline as printed and as a date ("2022-12", "2022-12-31"); <see cref="Date"/> is null for "长期" and the like.</summary>
public sealed record Deadline(string Text, string? Date);

/// <summary>A dated statement: a clause that begins with a year ("2016年,…", "到2020年，…").</summary>
public sealed record Milestone(int Year, string Text);

/// <summary>A quantitative target: "到2020年…达到98%" is 98 "%" "&gt;=" 2020.</summary>
public sealed record Target(string Text, decimal Value, string Unit, string Comparator, int? Year);
