using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;
using Qedu.Surveys.Questionnaires;
using Qedu.Surveys.Resources;

namespace Qedu.Surveys.Features.Manage;

/// <summary>A survey to start: its code and name, the questionnaire's code, the days, and the bureau that runs it (the caller's own when none).</summary>
internal sealed record NewSurvey(string? Code, string? Name, string? Questionnaire, DateOnly? OpensOn, DateOnly? ClosesOn, string? Unit = null);

/// <summary>
/// Starts surveys and adds questionnaires, for the bureau's survey managers. A survey takes every open school of the bureau
/// (kindergartens too for parents; not for a students' questionnaire); refusals name the field, nothing is half-made.
/// </summary>
internal sealed partial class SurveyCreation(SurveysDb db, SurveyAccess access, OrgTree tree, TimeProvider clock, IStringLocalizer<SurveysText> t)
{
    public const int LongestDays = 92;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,29}$")]
    private static partial Regex CodePattern();

    public async Task<Outcome<Survey>> CreateAsync(NewSurvey input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var today = SurveyDays.Today(clock);
        var code = input.Code?.Trim().ToUpperInvariant();
        if (code is null || !CodePattern().IsMatch(code))
        {
            errors.Add("code", t["New.CodeFormat"]);
        }
        else if (await db.Surveys.AnyAsync(s => s.Code == code, ct))
        {
            errors.Add("code", t["New.CodeTaken", code]);
        }
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors.Add("name", t["New.Name"]);
        }
        var questionnaire = input.Questionnaire is { Length: > 0 } q ? await db.Questionnaires.AsNoTracking().FirstOrDefaultAsync(x => x.Code == q, ct) : null;
        if (questionnaire is null)
        {
            errors.Add("questionnaire", t["New.Questionnaire"]);
        }
        if (input.OpensOn is not { } opens)
        {
            errors.Add("opensOn", t["New.Date"]);
        }
        if (input.ClosesOn is not { } closes)
        {
            errors.Add("closesOn", t["New.Date"]);
        }
        else if (closes < today)
        {
            errors.Add("closesOn", t["New.ClosesPast"]);
        }
        else if (input.OpensOn is { } o && (closes < o || closes.DayNumber - o.DayNumber >= LongestDays))
        {
            errors.Add("closesOn", t["New.Range", LongestDays]);
        }

        var unit = input.Unit is { Length: > 0 } unitCode
            ? await tree.FindAsync(unitCode, ct)
            : access.Caller.RootsFor(Permissions.SurveysManage) is [var root, ..] ? await tree.FindAsync(root, ct) : null;
        if (unit is null || !unit.IsBureau || !await access.MayManageAsync(unit.Id, ct))
        {
            errors.Add("unit", t["New.Unit"]);
        }
        if (errors.Any)
        {
            return Outcome<Survey>.Invalid(errors);
        }

        var schools = (await tree.OfKindAsync([OrgUnitKind.School], unit!.Id, ct))
            .Where(s => s.ClosedOn is null && (questionnaire!.Audience == SurveyAudience.Parents || s.SchoolTypeCode?.StartsWith("11", StringComparison.Ordinal) != true))
            .ToList();
        if (schools.Count == 0)
        {
            return Outcome<Survey>.Invalid(new InputErrors().Add("unit", t["New.NoSchools"]));
        }
        var survey = new Survey
        {
            Code = code!, Name = name!, QuestionnaireId = questionnaire!.Id, OwnerUnitId = unit.Id, OpensOn = input.OpensOn!.Value,
            ClosesOn = input.ClosesOn!.Value, CreatedAt = clock.GetUtcNow(), CreatedBy = access.Caller.ActorName ?? access.Caller.ActorId ?? "",
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        db.Schools.AddRange(schools.Select(s => new SurveySchool { SurveyId = survey.Id, SchoolId = s.Id }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<Survey>.Ok(survey);
    }

    /// <summary>Adds a bureau's own questionnaire (the file format of the standard ones); its problems by field, or none.</summary>
    public async Task<Outcome<string>> AddQuestionnaireAsync(QuestionnaireDefinition definition, CancellationToken ct)
    {
        var errors = new InputErrors();
        foreach (var (field, key, args) in definition.Problems())
        {
            errors.Add(field, t[key, args]);
        }
        if (!errors.Any && await db.Questionnaires.AnyAsync(q => q.Code == definition.Code, ct))
        {
            errors.Add("code", t["Q.CodeTaken", definition.Code!]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        db.Questionnaires.Add(definition.ToQuestionnaire(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(definition.Code!);
    }
}
