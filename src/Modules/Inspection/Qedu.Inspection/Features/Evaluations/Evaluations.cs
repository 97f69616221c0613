using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Inspection.Data;
using Qedu.Inspection.Domain;
using Qedu.Inspection.Resources;
using Qedu.Inspection.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Inspection.Features.Evaluations;

internal sealed record EvaluationInput(string? Unit, string? Scheme, int? Year);

internal sealed record ScoreLine(string? Indicator, decimal? Score, string? Evidence);

internal sealed record EvaluationView(
    long Id, string Unit, string Scheme, string SchemeName, int Year, decimal? Total, string? Level, IReadOnlyList<ScoreView> Scores, bool CanScore);

/// <summary>An indicator of the scheme with its weight and, once scored, its score (0–100), its weighted part and the evidence.</summary>
internal sealed record ScoreView(string Indicator, string Name, decimal Weight, string EvidenceHint, decimal? Score, decimal? Weighted, string? Evidence);

internal sealed record EvaluationLine(long Id, string Unit, string SchemeName, int Year, int Scored, int Indicators, decimal? Total, string? Level);

/// <summary>
/// Evaluations against the schemes as data: a school by its district (中小学校督导评估), a district's government by the city
/// (履行教育职责评价). The bureau above opens one (inspection.manage), its inspectors score each indicator 0–100 with the
/// evidence (inspection.visit); once every indicator has a score, the total is the weighted sum (weights sum to 100) and
/// the level follows the rules' thresholds.
/// </summary>
internal sealed class Evaluations(InspectionDb db, InspectionAccess access, OrgTree orgTree, InspectionRules rules, TimeProvider clock, IStringLocalizer<InspectionText> t)
{
    public async Task<Outcome<long>> OpenAsync(EvaluationInput input, CancellationToken ct = default)
    {
        var scheme = rules.Find(input.Scheme);
        var errors = new InputErrors();
        if (scheme is null)
        {
            errors.Add("scheme", t["Evaluation.SchemeUnknown"]);
        }
        if (input.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", string.Format(t["Field.Range"], 2000, 2100));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var unit = await access.UnitAsync(input.Unit, Enum.Parse<OrgUnitKind>(scheme!.Evaluates));
        if (unit is null)
        {
            return Outcome<long>.NotFound(t["Unit.NotFound"]);
        }
        var evaluator = await access.InspectingBureauAsync(unit, Permissions.InspectionManage, ct);
        if (evaluator is null)
        {
            return Outcome<long>.Forbidden(t["Evaluation.NotEvaluator"]);
        }
        if (await db.Evaluations.AnyAsync(e => e.OrgUnitId == unit.Id && e.SchemeCode == scheme.Code && e.Year == input.Year, ct))
        {
            return Outcome<long>.Conflict("year", t["Evaluation.Exists"]);
        }
        var evaluation = new Evaluation
        {
            OrgUnitId = unit.Id, EvaluatorUnitId = evaluator.Id, SchemeCode = scheme.Code, Year = input.Year!.Value, CreatedAt = clock.GetUtcNow(),
            CreatedBy = access.Caller.ActorName ?? "",
        };
        db.Evaluations.Add(evaluation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<long>.Conflict("year", t["Evaluation.Exists"]);
        }
        return Outcome<long>.Ok(evaluation.Id);
    }

    /// <summary>Scores indicators (a score again replaces the earlier one); the total and level once all are scored.</summary>
    public async Task<Outcome<EvaluationView>> ScoreAsync(long id, IReadOnlyList<ScoreLine> lines, CancellationToken ct = default)
    {
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null)
        {
            return Outcome<EvaluationView>.NotFound(t["Evaluation.NotFound"]);
        }
        if (!await access.MayAsync(Permissions.InspectionVisit, evaluation.EvaluatorUnitId, ct))
        {
            return Outcome<EvaluationView>.Forbidden(t["Evaluation.NotEvaluator"]);
        }
        var scheme = rules.Find(evaluation.SchemeCode)!;
        var errors = new InputErrors();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (scheme.Indicators.All(x => x.Code != line.Indicator) || lines.Take(i).Any(l => l.Indicator == line.Indicator))
            {
                errors.Add($"scores[{i}].indicator", string.Format(t["Evaluation.IndicatorUnknown"], line.Indicator));
            }
            if (line.Score is not (>= 0 and <= 100))
            {
                errors.Add($"scores[{i}].score", string.Format(t["Field.Range"], 0, 100));
            }
            if (string.IsNullOrWhiteSpace(line.Evidence))
            {
                errors.Add($"scores[{i}].evidence", t["Evaluation.EvidenceRequired"]);
            }
            else if (line.Evidence.Trim().Length > 2000)
            {
                errors.Add($"scores[{i}].evidence", string.Format(t["Field.TooLong"], 2000));
            }
        }
        if (lines.Count == 0)
        {
            errors.Add("scores", t["Field.Required"]);
        }
        if (errors.Any)
        {
            return Outcome<EvaluationView>.Invalid(errors);
        }
        var existing = await db.Scores.Where(s => s.EvaluationId == id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var line in lines)
        {
            var score = existing.FirstOrDefault(s => s.IndicatorCode == line.Indicator);
            if (score is null)
            {
                score = new EvaluationScore { OrgUnitId = evaluation.OrgUnitId, EvaluationId = id, IndicatorCode = line.Indicator!, Evidence = "", ScoredBy = "" };
                db.Scores.Add(score);
                existing.Add(score);
            }
            score.Score = line.Score!.Value;
            score.Evidence = line.Evidence!.Trim();
            score.ScoredAt = now;
            score.ScoredBy = access.Caller.ActorName ?? "";
        }
        (evaluation.Total, evaluation.Level) = Total(scheme, existing.ToDictionary(s => s.IndicatorCode, s => s.Score));
        await db.SaveChangesAsync(ct);
        return Outcome<EvaluationView>.Ok((await ViewAsync(id, ct))!);
    }

    /// <summary>The weighted total (Σ score × weight / 100, to one decimal) and its level, once every indicator has a score.</summary>
    public (decimal? Total, string? Level) Total(Scheme scheme, IReadOnlyDictionary<string, decimal> scores)
    {
        if (scheme.Indicators.Any(i => !scores.ContainsKey(i.Code)))
        {
            return (null, null);
        }
        var total = Math.Round(scheme.Indicators.Sum(i => scores[i.Code] * i.Weight / 100m), 1, MidpointRounding.AwayFromZero);
        return (total, rules.LevelOf(total).Code);
    }

    public async Task<EvaluationView?> ViewAsync(long id, CancellationToken ct = default)
    {
        var evaluation = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null)
        {
            return null;
        }
        var scheme = rules.Find(evaluation.SchemeCode)!;
        var scores = await db.Scores.AsNoTracking().Where(s => s.EvaluationId == id).ToDictionaryAsync(s => s.IndicatorCode, ct);
        var names = await orgTree.NamesOfAsync([evaluation.OrgUnitId], ct);
        return new EvaluationView(evaluation.Id, names.GetValueOrDefault(evaluation.OrgUnitId, ""), scheme.Code, scheme.Name, evaluation.Year, evaluation.Total, evaluation.Level,
            [.. scheme.Indicators.Select(i => scores.TryGetValue(i.Code, out var s)
                ? new ScoreView(i.Code, i.Name, i.Weight, i.Evidence, s.Score, Math.Round(s.Score * i.Weight / 100m, 2), s.Evidence)
                : new ScoreView(i.Code, i.Name, i.Weight, i.Evidence, null, null, null))],
            await access.MayAsync(Permissions.InspectionVisit, evaluation.EvaluatorUnitId, ct));
    }

    public async Task<IReadOnlyList<EvaluationLine>> ListAsync(CancellationToken ct = default)
    {
        var evaluations = await db.Evaluations.AsNoTracking().OrderByDescending(e => e.Year).ThenBy(e => e.Id).Take(300).ToListAsync(ct);
        var ids = evaluations.Select(e => e.Id).ToList();
        var scored = await db.Scores.AsNoTracking().Where(s => ids.Contains(s.EvaluationId)).GroupBy(s => s.EvaluationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = await orgTree.NamesOfAsync(evaluations.Select(e => e.OrgUnitId), ct);
        return [.. evaluations.Select(e =>
        {
            var scheme = rules.Find(e.SchemeCode)!;
            return new EvaluationLine(e.Id, names.GetValueOrDefault(e.OrgUnitId, ""), scheme.Name, e.Year, scored.GetValueOrDefault(e.Id), scheme.Indicators.Count, e.Total, e.Level);
        })];
    }
}
