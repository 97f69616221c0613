using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.ExamAnalysis;
using Qedu.Exams.Data;
using Qedu.Exams.Domain;
using Qedu.Kernel.OrgUnits;

namespace Qedu.Exams.Analysis;

/// <summary>
/// Computes every figure of an exam at once, for every class, school, district and the city, in every subject and the
/// total, and replaces the exam's figures in one transaction: pages then read them ready. Runs after an import and when
/// the thresholds change. The scores are read once into memory (1.35 million for a city in a few seconds); the
/// statistics themselves are <see cref="ScoreStatistics"/>'s.
/// </summary>
internal sealed class ExamAnalyser(ExamsDb db, OrgTree tree, TimeProvider clock)
{
    private static readonly string[] FigureColumns =
    [
        nameof(ExamFigure.ExamId), nameof(ExamFigure.Level), nameof(ExamFigure.OrgUnitId), nameof(ExamFigure.ClassId), nameof(ExamFigure.ClassName), nameof(ExamFigure.AboveUnitId),
        nameof(ExamFigure.Subject), nameof(ExamFigure.Sat), nameof(ExamFigure.Absent), nameof(ExamFigure.Mean), nameof(ExamFigure.StandardDeviation),
        nameof(ExamFigure.Min), nameof(ExamFigure.Q1), nameof(ExamFigure.Median), nameof(ExamFigure.Q3), nameof(ExamFigure.Max),
        nameof(ExamFigure.PassRate), nameof(ExamFigure.ExcellentRate), nameof(ExamFigure.Bands), nameof(ExamFigure.AboveMean), nameof(ExamFigure.Gap),
        nameof(ExamFigure.Bottom30Share),
    ];

    /// <summary>A unit the figures describe: its level, unit, class, and the index of the unit above it (−1: none, the whole exam).</summary>
    private sealed record Unit(FigureLevel Level, int OrgUnitId, long? ClassId, string? ClassName, int Above);

    /// <summary>
    /// Every unit of the exam and, per candidate, the index of their district (−1 when there is no district level), school
    /// and class: worked out once, then every subject (on its own core) only adds scores by index.
    /// </summary>
    private sealed record Layout(List<Unit> Units, int[] District, int[] School, int[] Class);

    /// <summary>A candidate as the figures need them: where they sat and their total.</summary>
    private sealed record Candidate(long Id, int OrgUnitId, long? ClassId, string? ClassName, double? Total);

    /// <summary>Everything read for one exam: candidates, their scores by subject (absent: null; not entered: <c>entered</c> false), places, the lowest-30 % cutoff.</summary>
    private sealed record Scores(List<Candidate> Candidates, Dictionary<short, double?[]> BySubject, Dictionary<short, bool[]> Entered,
        Layout Layout, double? Cutoff, ScoreThresholds Thresholds);

    /// <returns>The number of figures written.</returns>
    public async Task<int> AnalyseAsync(int examId, CancellationToken ct)
    {
        var exam = await db.Exams.FindAsync([examId], ct) ?? throw new InvalidOperationException($"No exam {examId}.");
        var subjects = await db.Subjects.Where(s => s.ExamId == examId).OrderBy(s => s.Number).ToListAsync(ct);
        // Each school's district comes from the org tree (the kernel's own context and connection), read while the
        // scores are (on a pool thread: building that context's model is work of its own).
        var districts = Task.Run(() => tree.NearestAboveOfKindAsync(OrgUnitKind.District, ct), ct);
        // Plain readers, not EF Core's materializer: a city's exam is 150,000 candidates and 1.35 million scores. Both in
        // candidate order, so each score finds its candidate by walking the list (and the server walks the scores' key).
        var candidates = new List<Candidate>();
        await BulkRead.RunAsync<ExamCandidate>(db, [nameof(ExamCandidate.Id), nameof(ExamCandidate.OrgUnitId), nameof(ExamCandidate.ClassId),
            nameof(ExamCandidate.ClassName), nameof(ExamCandidate.Total)], nameof(ExamCandidate.ExamId), examId, [nameof(ExamCandidate.Id)], reader =>
                candidates.Add(new Candidate(reader.GetInt64(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDouble(4))), ct);
        // Scores by subject, per candidate (null: absent; not entered for that subject: no row).
        var bySubject = subjects.ToDictionary(s => s.Number, _ => new double?[candidates.Count]);
        var entered = subjects.ToDictionary(s => s.Number, _ => new bool[candidates.Count]);
        var i = 0;
        await BulkRead.RunAsync<ExamScore>(db, [nameof(ExamScore.CandidateId), nameof(ExamScore.Subject), nameof(ExamScore.Score)],
            nameof(ExamScore.ExamId), examId, [nameof(ExamScore.CandidateId), nameof(ExamScore.Subject)], reader =>
            {
                var candidateId = reader.GetInt64(0);
                while (candidates[i].Id < candidateId)
                {
                    i++;
                }
                var subject = reader.GetInt16(1);
                bySubject[subject][i] = reader.IsDBNull(2) ? null : reader.GetDouble(2);
                entered[subject][i] = true;
            }, ct);
        var districtOf = await districts;

        var totals = candidates.Where(c => c.Total is not null).Select(c => c.Total!.Value).ToArray();
        // The city's lowest 30 %: at or below the 30th percentile of the totals, by the quartiles' own definition.
        var cutoff = totals.Length == 0 ? (double?)null : ScoreStatistics.Quantile(totals, 0.3);
        var thresholds = new ScoreThresholds(exam.PassShare, exam.ExcellentShare);
        // The top row is the whole exam: the city's for a city exam, the district's own for a district's.
        var data = new Scores(candidates, bySubject, entered, Place(candidates, districtOf, exam.OwnerUnitId), cutoff, thresholds);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Figures.Where(f => f.ExamId == examId).ExecuteDeleteAsync(ct);
        // Each subject on its own core (a city's exam is 10 × 150,000 scores to place in 4 levels and sort), and the
        // figures go to the database as each subject's are ready: the copy of the first overlaps the work on the rest.
        var figures = subjects.Select(s => (s.Number, s.FullMarks)).Prepend((ExamFigure.Total, subjects.Sum(s => s.FullMarks)))
            .AsParallel().AsOrdered().SelectMany(subject => FiguresOf(examId, subject.Item1, subject.Item2, data));
        var written = await BulkInsert.RunAsync<ExamFigure>(db, FigureColumns, figures.Select(f => new object?[]
        {
            f.ExamId, (short)f.Level, f.OrgUnitId, f.ClassId, f.ClassName, f.AboveUnitId, f.Subject, f.Sat, f.Absent, f.Mean, f.StandardDeviation, f.Min, f.Q1, f.Median,
            f.Q3, f.Max, f.PassRate, f.ExcellentRate, f.Bands, f.AboveMean, f.Gap, f.Bottom30Share,
        }), ct);
        exam.Bottom30Cutoff = cutoff;
        exam.AnalysedAt = clock.GetUtcNow();
        exam.Revision++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    /// <summary>Where every candidate sits: the whole exam (unit 0), their district (a district's own exam has none), school and class.</summary>
    private static Layout Place(List<Candidate> candidates, IReadOnlyDictionary<int, int> districtOf, int topId)
    {
        var units = new List<Unit> { new(FigureLevel.City, topId, null, null, -1) };
        int Add(Unit unit)
        {
            units.Add(unit);
            return units.Count - 1;
        }
        var (districts, schools, classes) = (new Dictionary<int, int>(), new Dictionary<int, int>(), new Dictionary<(int, long?), int>());
        var (d, s, k) = (new int[candidates.Count], new int[candidates.Count], new int[candidates.Count]);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var district = districtOf.GetValueOrDefault(c.OrgUnitId, topId);
            d[i] = district == topId ? -1
                : districts.TryGetValue(district, out var di) ? di : districts[district] = Add(new Unit(FigureLevel.District, district, null, null, 0));
            s[i] = schools.TryGetValue(c.OrgUnitId, out var si) ? si
                : schools[c.OrgUnitId] = Add(new Unit(FigureLevel.School, c.OrgUnitId, null, null, Math.Max(d[i], 0)));
            k[i] = classes.TryGetValue((c.OrgUnitId, c.ClassId), out var ki) ? ki
                : classes[(c.OrgUnitId, c.ClassId)] = Add(new Unit(FigureLevel.Class, c.OrgUnitId, c.ClassId, c.ClassName, s[i]));
        }
        return new Layout(units, d, s, k);
    }

    /// <summary>
    /// Every figure of one subject (or the total): the whole exam, each district, school and class that sat it. The
    /// scores are put in ascending order once, so each unit's list comes out sorted and its quartiles need no sort.
    /// </summary>
    private static List<ExamFigure> FiguresOf(int examId, short subject, double fullMarks, Scores data)
    {
        var (candidates, layout, cutoff) = (data.Candidates, data.Layout, data.Cutoff);
        var units = layout.Units;
        var absent = new int[units.Count];
        var bottom = new int[units.Count];
        var present = new List<int>(candidates.Count);
        var keys = new List<double>(candidates.Count);
        void Count(int[] counts, int i)
        {
            counts[0]++;
            if (layout.District[i] >= 0)
            {
                counts[layout.District[i]]++;
            }
            counts[layout.School[i]]++;
            counts[layout.Class[i]]++;
        }
        for (var i = 0; i < candidates.Count; i++)
        {
            double? score = subject == ExamFigure.Total ? candidates[i].Total
                : data.Entered[subject][i] ? data.BySubject[subject][i] : double.NaN;
            if (score is not { } v)
            {
                Count(absent, i);
            }
            else if (!double.IsNaN(v))
            {
                present.Add(i);
                keys.Add(v);
            }
        }
        var order = present.ToArray();
        var sorted = keys.ToArray();
        Array.Sort(sorted, order);
        var scores = new List<double>?[units.Count];
        void Add(int unit, double v) => (scores[unit] ??= []).Add(v);
        for (var j = 0; j < order.Length; j++)
        {
            var (i, v) = (order[j], sorted[j]);
            Add(0, v);
            if (layout.District[i] >= 0)
            {
                Add(layout.District[i], v);
            }
            Add(layout.School[i], v);
            Add(layout.Class[i], v);
            if (subject == ExamFigure.Total && cutoff is { } cut && v <= cut)
            {
                Count(bottom, i);
            }
        }
        // A unit none of whose candidates was entered for this subject has no figure in it.
        var summaries = new ScoreSummary?[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            if (scores[u] is not null || absent[u] > 0)
            {
                summaries[u] = ScoreStatistics.Summarise(scores[u] ?? [], absent[u], fullMarks, data.Thresholds);
            }
        }
        var figures = new List<ExamFigure>();
        foreach (var level in (FigureLevel[])[FigureLevel.City, FigureLevel.District, FigureLevel.School, FigureLevel.Class])
        {
            for (var u = 0; u < units.Count; u++)
            {
                if (units[u].Level == level && summaries[u] is { } summary)
                {
                    var above = units[u].Above;
                    figures.Add(Figure(examId, subject, units[u], summary, above < 0 ? null : units[above].OrgUnitId, above < 0 ? null : summaries[above],
                        bottom[u], subject == ExamFigure.Total && cutoff is not null));
                }
            }
        }
        return figures;
    }

    private static ExamFigure Figure(int examId, short subject, Unit unit, ScoreSummary s, int? aboveUnitId, ScoreSummary? aboveSummary, int bottomCount, bool bottom)
    {
        double? Value(double v) => double.IsNaN(v) ? null : Math.Round(v, 4);
        var mean = Value(s.Mean);
        var above = aboveSummary is { } a ? Value(a.Mean) : null;
        return new ExamFigure
        {
            ExamId = examId,
            Level = unit.Level,
            OrgUnitId = unit.OrgUnitId,
            ClassId = unit.ClassId,
            ClassName = unit.ClassName,
            AboveUnitId = aboveUnitId,
            Subject = subject,
            Sat = s.Count,
            Absent = s.Absent,
            Mean = mean,
            StandardDeviation = Value(s.StandardDeviation),
            Min = Value(s.Min),
            Q1 = Value(s.Q1),
            Median = Value(s.Median),
            Q3 = Value(s.Q3),
            Max = Value(s.Max),
            PassRate = Math.Round(s.PassRate, 6),
            ExcellentRate = Math.Round(s.ExcellentRate, 6),
            Bands = string.Join(',', s.Bands.Select(b => b.ToString(CultureInfo.InvariantCulture))),
            AboveMean = above,
            Gap = mean is { } m && above is { } am ? Math.Round(m - am, 4) : null,
            Bottom30Share = bottom && s.Count > 0 ? Math.Round((double)bottomCount / s.Count, 6) : null,
        };
    }
}
