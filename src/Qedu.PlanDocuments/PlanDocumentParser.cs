using System.Text.RegularExpressions;

namespace Qedu.PlanDocuments;

/// <summary>
/// Plan text to <see cref="PlanDocument"/>. The steps, each in its own class: tables out (<see cref="TaskTableReader"/>),
/// header (<see cref="HeaderReader"/>), numbered lines (<see cref="Numbering"/>), then the task level is chosen from
/// the document itself: the numbering style whose items carry units, or, when no item names a unit, the style with
/// the most items. Shallower styles are sections, deeper ones part of a task's text. A task-style line that reads
/// like a heading and breaks the task sequence ("2、 加快…" between tasks 2 and 3) is a misnumbered section
/// heading. Sections that state the plan's principles (总体要求, 指导思想 …) hold no tasks. Table rows are merged
/// into the tasks they number, or become tasks of their own.
/// </summary>
public sealed partial class PlanDocumentParser(UnitMatcher matcher)
{
    private readonly UnitExtractor _units = new(matcher);

    public PlanDocumentParser()
        : this(UnitMatcher.Default)
    {
    }

    private sealed class SectionDraft(string number, string title, int rank)
    {
        public string Number { get; } = number;
        public string Title { get; } = title;
        public int Rank { get; } = rank;
        public bool Preamble { get; init; }
        public List<SectionDraft> Sections { get; } = [];
        public List<TaskDraft> Tasks { get; } = [];
    }

    private sealed class TaskDraft(string number, int? value)
    {
        public string Number { get; } = number;
        public int? Value { get; } = value;
        public List<string> Paragraphs { get; } = [];
        public List<TaskTableRow> Rows { get; } = [];
    }

    public PlanDocument Parse(string text)
    {
        var lines = PlanFile.Lines(text);
        var (bodyLines, tables) = SplitTables(lines);
        var numbered = bodyLines.Select(Numbering.Parse).ToList();
        int bodyStart = numbered.FindIndex(n => n is not null);
        var headerLines = bodyStart < 0 ? bodyLines : bodyLines.GetRange(0, bodyStart);

        var root = new SectionDraft("", "", -1);
        var trailer = new List<string>();
        if (bodyStart >= 0)
        {
            var taskStyle = TaskStyle(bodyLines, numbered, bodyStart);
            ReclassifyMisnumberedHeadings(bodyLines, numbered, taskStyle);
            BuildTree(bodyLines, numbered, bodyStart, taskStyle, root, trailer);
        }

        var header = HeaderReader.Read([.. headerLines, .. trailer]);
        var unmatched = new List<string>();
        var allDrafts = AllTasks(root).ToList();
        var tableSections = MergeTables(tables, allDrafts);

        var sections = root.Sections.Select(s => Build(s, unmatched)).ToList();
        if (root.Tasks.Count > 0)
        {
            sections.Insert(0, new PlanSection("", "", [], [.. root.Tasks.Select(t => Build(t, unmatched))]));
        }
        sections.AddRange(tableSections.Select(t => new PlanSection("", t.Caption, [], [.. t.Tasks.Select(d => Build(d, unmatched))])));
        return new PlanDocument(header.Title, header.Issuer, header.DocumentNumber, header.Date, sections, [.. unmatched.Distinct()]);
    }

    private static (List<string> Body, List<TaskTable> Tables) SplitTables(List<string> lines)
    {
        var body = new List<string>();
        var tables = new List<TaskTable>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith('\t') && TaskTableReader.StartsAt(lines, i))
            {
                int end = i + 1;
                while (end < lines.Count && !(!lines[end].StartsWith('\t') && (Attachment().IsMatch(lines[end]) || Boilerplate().IsMatch(lines[end]))))
                {
                    end++;
                }
                tables.Add(TaskTableReader.Read(lines, i, end));
                i = end - 1;
                continue;
            }
            body.Add(PlanFile.Content(lines[i]));
        }
        return (body, tables);
    }

    /// <summary>The numbering style of tasks: the one whose items name units, else the one with the most items.</summary>
    private NumberStyle TaskStyle(List<string> lines, List<NumberedLine?> numbered, int bodyStart)
    {
        var candidates = numbered.Select((n, i) => (n, i)).Where(x => x.n is not null && x.i >= bodyStart)
            .GroupBy(x => x.n!.Style)
            .Select(g => (
                Style: g.Key,
                Count: g.Count(),
                WithUnits: g.Count(x => !_units.Extract(Region(lines, numbered, x.i, g.Key)).IsEmpty)))
            .ToList();
        if (candidates.Any(c => c.WithUnits > 0))
        {
            return candidates.OrderByDescending(c => c.WithUnits).ThenBy(c => c.Style).First().Style;
        }
        return candidates.OrderByDescending(c => c.Count).ThenByDescending(c => c.Style).First().Style;
    }

    /// <summary>The paragraphs of the item at <paramref name="at"/>: up to the next item of the same or a shallower style.</summary>
    private static List<string> Region(List<string> lines, List<NumberedLine?> numbered, int at, NumberStyle style)
    {
        var paragraphs = new List<string> { numbered[at]!.Rest };
        for (int i = at + 1; i < lines.Count; i++)
        {
            if ((numbered[i] is { } n && n.Style <= style) || IsStop(lines[i]))
            {
                break;
            }
            if (lines[i].Length > 0)
            {
                paragraphs.Add(lines[i]);
            }
        }
        return paragraphs;
    }

    private static bool IsStop(string line) => Attachment().IsMatch(line) || Boilerplate().IsMatch(line) || HeaderReader.IsDateLine(line);

    /// <summary>
    /// A task-style line that is short, has no sentence in it, and breaks the task sequence is a section heading
    /// numbered in the wrong style; it takes the style of the nearest shallower headings.
    /// </summary>
    private static void ReclassifyMisnumberedHeadings(List<string> lines, List<NumberedLine?> numbered, NumberStyle taskStyle)
    {
        var shallower = numbered.Where(n => n is not null && n.Style < taskStyle).Select(n => n!.Style).DefaultIfEmpty(taskStyle).Max();
        if (shallower == taskStyle)
        {
            return;
        }
        int? previous = null;
        for (int i = 0; i < numbered.Count; i++)
        {
            if (numbered[i] is not { } n || n.Style != taskStyle)
            {
                continue;
            }
            bool headingLike = n.Rest.Length is > 0 and <= 30 && !HeadingBreakers().IsMatch(n.Rest);
            bool breaksSequence = previous is { } p && n.Value is { } v && v != p + 1 && v != 1;
            if (headingLike && breaksSequence)
            {
                numbered[i] = n with { Style = shallower };
                continue;
            }
            previous = n.Value;
        }
    }

    private static void BuildTree(List<string> lines, List<NumberedLine?> numbered, int bodyStart, NumberStyle taskStyle, SectionDraft root, List<string> trailer)
    {
        var stack = new Stack<SectionDraft>();
        stack.Push(root);
        TaskDraft? task = null;
        for (int i = bodyStart; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Boilerplate().IsMatch(line))
            {
                break;
            }
            if (Attachment().IsMatch(line))
            {
                task = null;
                continue;
            }
            if (HeaderReader.IsDateLine(line))
            {
                // A signature closing the document: issuers above the date belong to the header, not the last task.
                if (task is { Paragraphs.Count: > 1 } && HeaderReader.IsSignature(task.Paragraphs[^1]))
                {
                    trailer.Add(task.Paragraphs[^1]);
                    task.Paragraphs.RemoveAt(task.Paragraphs.Count - 1);
                }
                trailer.Add(line);
                task = null;
                continue;
            }
            if (numbered[i] is { } n && n.Style < taskStyle)
            {
                while (stack.Peek().Rank >= (int)n.Style)
                {
                    stack.Pop();
                }
                var parent = stack.Peek();
                var title = FirstSentence(n.Rest);
                var section = new SectionDraft(n.Number, title, (int)n.Style) { Preamble = parent.Preamble || IsPreamble(title) };
                parent.Sections.Add(section);
                stack.Push(section);
                task = null;
                continue;
            }
            if (numbered[i] is { } item && item.Style == taskStyle)
            {
                task = new TaskDraft(item.Number, item.Value);
                if (!stack.Peek().Preamble && !IsPreamble(FirstSentence(item.Rest)))
                {
                    stack.Peek().Tasks.Add(task);
                }
                task.Paragraphs.Add(item.Rest);
                continue;
            }
            if (task is not null && line.Length > 0)
            {
                task.Paragraphs.Add(line);
            }
        }
    }

    private static IEnumerable<TaskDraft> AllTasks(SectionDraft section) =>
        section.Tasks.Concat(section.Sections.SelectMany(AllTasks));

    /// <summary>Table rows go to the task with the same number; rows for no task (or for an ambiguous number) become tasks themselves.</summary>
    private static List<(string Caption, List<TaskDraft> Tasks)> MergeTables(List<TaskTable> tables, List<TaskDraft> tasks)
    {
        var own = new List<(string, List<TaskDraft>)>();
        foreach (var table in tables)
        {
            var rowTasks = new List<TaskDraft>();
            foreach (var row in table.Rows)
            {
                var targets = row.Numbers
                    .Select(n => tasks.Where(t => t.Value == int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList())
                    .Where(matches => matches.Count == 1)
                    .Select(matches => matches[0])
                    .ToList();
                if (targets.Count == 0)
                {
                    var draft = new TaskDraft(row.NumberText, row.Numbers.Count == 1 ? int.Parse(row.Numbers[0], System.Globalization.CultureInfo.InvariantCulture) : null);
                    draft.Paragraphs.Add(row.Title);
                    targets.Add(draft);
                    rowTasks.Add(draft);
                }
                foreach (var target in targets)
                {
                    target.Rows.Add(row);
                }
            }
            if (rowTasks.Count > 0)
            {
                own.Add((table.Caption, rowTasks));
            }
        }
        return own;
    }

    private PlanSection Build(SectionDraft section, List<string> unmatched) => new(
        section.Number,
        section.Title,
        [.. section.Sections.Select(s => Build(s, unmatched))],
        [.. section.Tasks.Select(t => Build(t, unmatched))]);

    private PlanTask Build(TaskDraft draft, List<string> unmatched)
    {
        var paragraphs = draft.Paragraphs;
        var analysed = paragraphs.Select(_units.WithoutTrailingUnits).ToList(); // "（责任处室：…）" is not part of a milestone
        var fromTable = draft.Rows.Count > 0 && paragraphs.Count == 1 && draft.Rows.Any(r => r.Title == paragraphs[0]);
        var units = _units.Extract(paragraphs);
        foreach (var row in draft.Rows.Where(_ => units.IsEmpty))
        {
            units = RowUnits(row);
        }
        var tableText = draft.Rows.SelectMany(r => new[] { r.Title }.Concat(r.Measures).Concat(r.ExpectedEffects)).Where(t => t.Length > 0).ToList();

        var targets = TargetExtractor.Extract(analysed);
        if (!fromTable)
        {
            foreach (var target in TargetExtractor.Extract(tableText))
            {
                if (!targets.Any(t => t.Value == target.Value && (t.Unit.StartsWith(target.Unit, StringComparison.Ordinal) || target.Unit.StartsWith(t.Unit, StringComparison.Ordinal))))
                {
                    targets.Add(target);
                }
            }
        }
        var milestones = MilestoneExtractor.Extract(analysed);
        if (!fromTable)
        {
            var bodyYears = milestones.Select(m => m.Year).ToHashSet();
            milestones.AddRange(MilestoneExtractor.Extract(tableText).Where(m => !bodyYears.Contains(m.Year)));
        }
        else
        {
            milestones.AddRange(MilestoneExtractor.Extract(tableText.Skip(1)).Where(m => !milestones.Contains(m)));
            targets.AddRange(TargetExtractor.Extract(tableText.Skip(1)).Where(t => !targets.Contains(t)));
        }

        var lead = Printed(units.Lead, unmatched);
        var participating = Printed(units.Participating, unmatched).Except(lead).ToList();
        return new PlanTask(
            draft.Number,
            Title(paragraphs[0]),
            string.Join("\n", paragraphs),
            lead,
            participating,
            DeadlineParser.FromText(paragraphs) ?? draft.Rows.Select(r => DeadlineParser.Parse(r.Deadline)).FirstOrDefault(d => d is not null),
            milestones,
            targets,
            [.. draft.Rows.SelectMany(r => r.Policies).Distinct()],
            [.. draft.Rows.SelectMany(r => r.Measures).Distinct()],
            [.. draft.Rows.SelectMany(r => r.ExpectedEffects).Distinct()]);
    }

    private UnitAssignment RowUnits(TaskTableRow row)
    {
        if (row.LeadUnits.Length > 0 || row.ParticipatingUnits.Length > 0)
        {
            var lead = _units.ExtractList(row.LeadUnits);
            var participating = _units.ExtractList(row.ParticipatingUnits);
            return new([.. lead.Lead, .. lead.Participating], [.. participating.Lead, .. participating.Participating]);
        }
        return _units.ExtractList(row.Units);
    }

    /// <summary>
    /// The names as the document prints them (names run together, "基教处思政处", as their printed parts); the ones the
    /// matcher does not know are also listed as unmatched. Which org unit a name stands for is decided at review, where
    /// the bureau's own names and the mappings people made are known: the document keeps what it says.
    /// </summary>
    private List<string> Printed(IEnumerable<string> printed, List<string> unmatched)
    {
        var names = new List<string>();
        foreach (var match in printed.SelectMany(matcher.Match))
        {
            if (!match.Matched)
            {
                unmatched.Add(match.Raw);
            }
            if (!names.Contains(match.Raw))
            {
                names.Add(match.Raw);
            }
        }
        return names;
    }

    /// <summary>The lead phrase: the first paragraph up to the first 。, without a unit bracket.</summary>
    private string Title(string firstParagraph) => FirstSentence(_units.WithoutTrailingUnits(firstParagraph));

    private static string FirstSentence(string text)
    {
        int end = text.IndexOfAny(['。', '！', '？']);
        int halfWidth = Enumerable.Range(0, text.Length).FirstOrDefault(i => Clauses.IsHalfWidthStop(text, i), -1);
        if (halfWidth >= 0 && (end < 0 || halfWidth < end))
        {
            end = halfWidth;
        }
        var sentence = end >= 0 ? text[..end] : text;
        return sentence.Trim().TrimEnd('，', ',', '；', ';', '：', ':', '、');
    }

    private static bool IsPreamble(string title) => Preamble().IsMatch(title);

    [GeneratedRegex(@"^附件\s*\d*\s*[：:]?$")]
    private static partial Regex Attachment();

    [GeneratedRegex(@"^(扫一扫|如果您对该文件|打印本页|关闭窗口|【打印】|【关闭】|分享到：)")]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"[。；;：:]|[（(](责任|牵头)")]
    private static partial Regex HeadingBreakers();

    [GeneratedRegex(@"^(总体要求|指导思想|基本原则|工作原则|总体目标|发展目标|主要目标|工作目标|总体思路|目标要求)$")]
    private static partial Regex Preamble();
}
