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

    /// <summary>A unit's scores in one subject, gathered before they are summarised.</summary>
    private sealed class Group(FigureLevel level, int orgUnitId, long? classId, string? className, Group? above)
    {
        public FigureLevel Level { get; } = level;
        public int OrgUnitId { get; } = orgUnitId;
        public long? ClassId { get; } = classId;
        public string? ClassName { get; } = className;
        public Group? Above { get; } = above;
        public List<double> Scores { get; } = [];
        public int Absent { get; set; }
        public int Bottom { get; set; }
        public ScoreSummary? Summary { get; set; }
    }

    /// <summary>A candidate as the figures need them: where they sat and their total.</summary>
    private sealed record Candidate(long Id, int OrgUnitId, long? ClassId, string? ClassName, double? Total);

    /// <summary>Everything read for one exam: candidates, their scores by subject (absent: null; not entered: <c>entered</c> false), places, the lowest-30 % cutoff.</summary>
    private sealed record Scores(List<Candidate> Candidates, Dictionary<short, double?[]> BySubject, Dictionary<short, bool[]> Entered,
        Dictionary<int, int> DistrictOf, int TopId, double? Cutoff, ScoreThresholds Thresholds);

    public async Task AnalyseAsync(int examId, CancellationToken ct)
    {
        var exam = await db.Exams.SingleAsync(e => e.Id == examId, ct);
        var subjects = await db.Subjects.Where(s => s.ExamId == examId).OrderBy(s => s.Number).ToListAsync(ct);
        var candidates = await db.Candidates.AsNoTracking().Where(c => c.ExamId == examId)
            .Select(c => new Candidate(c.Id, c.OrgUnitId, c.ClassId, c.ClassName, c.Total)).ToListAsync(ct);
        var index = new Dictionary<long, int>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            index[candidates[i].Id] = i;
        }
        // Scores by subject, per candidate (NaN: absent; no row: not entered for that subject).
        var bySubject = subjects.ToDictionary(s => s.Number, _ => new double?[candidates.Count]);
        var entered = subjects.ToDictionary(s => s.Number, _ => new bool[candidates.Count]);
        // A plain reader, not EF Core's materializer: a city's exam is 1.35 million rows.
        await BulkRead.RunAsync<ExamScore>(db, [nameof(ExamScore.CandidateId), nameof(ExamScore.Subject), nameof(ExamScore.Score)],
            nameof(ExamScore.ExamId), examId, reader =>
            {
                var i = index[reader.GetInt64(0)];
                var subject = reader.GetInt16(1);
                bySubject[subject][i] = reader.IsDBNull(2) ? null : reader.GetDouble(2);
                entered[subject][i] = true;
            }, ct);

        // The top row is the whole exam: the city's for a city exam, the district's own for a district's.
        var cityId = exam.OwnerUnitId;
        var districtOf = await DistrictsAsync(candidates.Select(c => c.OrgUnitId).Distinct().ToList(), ct);
        var totals = candidates.Where(c => c.Total is not null).Select(c => c.Total!.Value).ToArray();
        // The city's lowest 30 %: at or below the 30th percentile of the totals, by the quartiles' own definition.
        var cutoff = totals.Length == 0 ? (double?)null : ScoreStatistics.Quantile(totals, 0.3);
        var thresholds = new ScoreThresholds(exam.PassShare, exam.ExcellentShare);

        // Each subject on its own, on every core: a city's exam is 10 × 150,000 scores to place in 4 levels and sort.
        var data = new Scores(candidates, bySubject, entered, districtOf, cityId, cutoff, thresholds);
        var figures = subjects.Select(s => (s.Number, s.FullMarks)).Prepend((ExamFigure.Total, subjects.Sum(s => s.FullMarks)))
            .AsParallel().AsOrdered().SelectMany(subject => FiguresOf(examId, subject.Item1, subject.Item2, data)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Figures.Where(f => f.ExamId == examId).ExecuteDeleteAsync(ct);
        await BulkInsert.RunAsync<ExamFigure>(db, FigureColumns, figures.Select(f => new object?[]
        {
            f.ExamId, (short)f.Level, f.OrgUnitId, f.ClassId, f.ClassName, f.AboveUnitId, f.Subject, f.Sat, f.Absent, f.Mean, f.StandardDeviation, f.Min, f.Q1, f.Median,
            f.Q3, f.Max, f.PassRate, f.ExcellentRate, f.Bands, f.AboveMean, f.Gap, f.Bottom30Share,
        }), ct);
        exam.Bottom30Cutoff = cutoff;
        exam.AnalysedAt = clock.GetUtcNow();
        exam.Revision++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Every figure of one subject (or the total): the whole exam, each district, school and class.</summary>
    private static List<ExamFigure> FiguresOf(int examId, short subject, double fullMarks, Scores data)
    {
        var (candidates, cityId, cutoff) = (data.Candidates, data.TopId, data.Cutoff);
        var city = new Group(FigureLevel.City, cityId, null, null, null);
        var districts = new Dictionary<int, Group>();
        var schools = new Dictionary<int, Group>();
        var classes = new Dictionary<(int, long?), Group>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            double? score;
            if (subject == ExamFigure.Total)
            {
                score = c.Total;
            }
            else if (!data.Entered[subject][i])
            {
                continue;
            }
            else
            {
                score = data.BySubject[subject][i];
            }
            var district = data.DistrictOf.GetValueOrDefault(c.OrgUnitId, cityId);
            // A district's own exam has no district level between it and its schools.
            var d = district == cityId ? null
                : districts.TryGetValue(district, out var dg) ? dg : districts[district] = new Group(FigureLevel.District, district, null, null, city);
            var s = schools.TryGetValue(c.OrgUnitId, out var sg) ? sg : schools[c.OrgUnitId] = new Group(FigureLevel.School, c.OrgUnitId, null, null, d ?? city);
            var k = classes.TryGetValue((c.OrgUnitId, c.ClassId), out var kg) ? kg
                : classes[(c.OrgUnitId, c.ClassId)] = new Group(FigureLevel.Class, c.OrgUnitId, c.ClassId, c.ClassName, s);
            foreach (var g in d is null ? (Group[])[city, s, k] : [city, d, s, k])
            {
                if (score is { } v)
                {
                    g.Scores.Add(v);
                    if (subject == ExamFigure.Total && cutoff is { } cut && v <= cut)
                    {
                        g.Bottom++;
                    }
                }
                else
                {
                    g.Absent++;
                }
            }
        }
        var groups = ((IEnumerable<Group>)[city]).Concat(districts.Values).Concat(schools.Values).Concat(classes.Values).ToList();
        foreach (var g in groups)
        {
            g.Summary = ScoreStatistics.Summarise(g.Scores, g.Absent, fullMarks, data.Thresholds);
        }
        return groups.Select(g => Figure(examId, subject, g, subject == ExamFigure.Total && cutoff is not null)).ToList();
    }

    private static ExamFigure Figure(int examId, short subject, Group g, bool bottom)
    {
        var s = g.Summary!;
        double? Value(double v) => double.IsNaN(v) ? null : Math.Round(v, 4);
        var mean = Value(s.Mean);
        var above = g.Above?.Summary is { } a ? Value(a.Mean) : null;
        return new ExamFigure
        {
            ExamId = examId,
            Level = g.Level,
            OrgUnitId = g.OrgUnitId,
            ClassId = g.ClassId,
            ClassName = g.ClassName,
            AboveUnitId = g.Above?.OrgUnitId,
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
            Bottom30Share = bottom && s.Count > 0 ? Math.Round((double)g.Bottom / s.Count, 6) : null,
        };
    }

    /// <summary>Each school's district (the district above it).</summary>
    private async Task<Dictionary<int, int>> DistrictsAsync(IReadOnlyCollection<int> schools, CancellationToken ct)
    {
        var ancestry = await tree.AncestryAsync(ct);
        var wanted = schools.ToHashSet();
        var pairs = ancestry.Where(p => wanted.Contains(p.DescendantId)).ToList();
        var units = await tree.UnitsOfAsync(pairs.Select(p => p.AncestorId).Distinct(), ct);
        var districtOf = new Dictionary<int, int>();
        foreach (var (school, ancestor) in pairs)
        {
            if (units.TryGetValue(ancestor, out var unit) && unit.Kind == OrgUnitKind.District)
            {
                districtOf[school] = ancestor;
            }
        }
        return districtOf;
    }
}
