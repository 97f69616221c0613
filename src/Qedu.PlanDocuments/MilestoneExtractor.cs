namespace Qedu.PlanDocuments;

/// <summary>
/// Milestones are dated statements: from a clause that opens with a year ("2016年,建成…", "到2020年，…") to the
/// next such clause or the end of the sentence part (。；).
/// </summary>
public static class MilestoneExtractor
{
    public static List<Milestone> Extract(IEnumerable<string> paragraphs)
    {
        var milestones = new List<Milestone>();
        foreach (var paragraph in paragraphs)
        {
            foreach (var part in Clauses.Parts(paragraph))
            {
                (int Year, int Start, int End)? open = null;
                foreach (var clause in part)
                {
                    if (YearMarker.AtStart(clause.Masked) is { } year)
                    {
                        Add(milestones, paragraph, open);
                        open = (year, clause.Start, clause.End);
                    }
                    else if (open is { } current)
                    {
                        open = current with { End = clause.End };
                    }
                }
                Add(milestones, paragraph, open);
            }
        }
        return milestones;
    }

    private static void Add(List<Milestone> milestones, string paragraph, (int Year, int Start, int End)? open)
    {
        if (open is { } m)
        {
            var text = paragraph[m.Start..m.End].Trim();
            if (!milestones.Any(x => x.Year == m.Year && x.Text == text))
            {
                milestones.Add(new Milestone(m.Year, text));
            }
        }
    }
}
