using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys.Questionnaires;

/// <summary>
/// The standard questionnaires (questionnaires.json, embedded): added to every database that lacks them, at every
/// migration. A questionnaire is never changed once there (a new edition is a new code), so one already present stays.
/// </summary>
internal sealed class StandardQuestionnaires(SurveysDb db, TimeProvider clock) : IReferenceData
{
    public string Name => "Standard questionnaires";

    public static IReadOnlyList<QuestionnaireDefinition> Load()
    {
        using var stream = typeof(StandardQuestionnaires).Assembly.GetManifestResourceStream("Qedu.Surveys.questionnaires.json")
            ?? throw new InvalidOperationException("questionnaires.json is not embedded in Qedu.Surveys");
        var all = JsonSerializer.Deserialize<List<QuestionnaireDefinition>>(stream, Questionnaire.Json) ?? [];
        foreach (var q in all)
        {
            if (q.Problems() is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"questionnaires.json: {q.Code}: {string.Join("; ", problems.Select(p => $"{p.Field} {p.Key}"))}");
            }
        }
        return all;
    }

    public async Task<int> EnsureAsync(CancellationToken ct)
    {
        var present = await db.Questionnaires.Select(q => q.Code).ToListAsync(ct);
        var missing = Load().Where(q => !present.Contains(q.Code!)).ToList();
        foreach (var q in missing)
        {
            db.Questionnaires.Add(q.ToQuestionnaire(clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }
}
