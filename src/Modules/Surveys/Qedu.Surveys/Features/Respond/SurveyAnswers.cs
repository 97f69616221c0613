using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Secrets;
using Qedu.Kernel.Web;
using Qedu.Surveys.Data;
using Qedu.Surveys.Domain;
using Qedu.Surveys.Resources;

namespace Qedu.Surveys.Features.Respond;

/// <summary>Where a one-time link stands: ready to answer, already used, not yet open, closed, or no link at all.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<LinkState>))]
internal enum LinkState
{
    Ready,
    Used,
    Upcoming,
    Closed,
    Unknown,
}

/// <summary>What the respondent sees: the survey, the school it is about, the items; or only the state when it cannot be answered.</summary>
internal sealed record SurveyForm(LinkState State, string? Survey, string? School, string? Questionnaire, DateOnly? ClosesOn, IReadOnlyList<QuestionnaireItem> Items);

/// <summary>
/// Anonymous answers through one-time links. The link is taken by a single conditional update (so two submissions of
/// one link cannot both count) that is not itself recorded anywhere with the answer; the response keeps the school and
/// the day, never the link, its time or the person. Every five-point item must be answered; comments are optional.
/// </summary>
internal sealed class SurveyAnswers(SurveysDb db, OrgTree tree, TimeProvider clock, IStringLocalizer<SurveysText> t)
{
    public const int MaxComment = 500;

    public async Task<SurveyForm> OpenAsync(string? link, CancellationToken ct)
    {
        var (token, survey) = await FindAsync(link, ct);
        if (token is null || survey is null)
        {
            return new SurveyForm(LinkState.Unknown, null, null, null, null, []);
        }
        var today = Today();
        var state = token.Used ? LinkState.Used : survey.IsClosed(today) ? LinkState.Closed : !survey.IsOpen(today) ? LinkState.Upcoming : LinkState.Ready;
        var questionnaire = await db.Questionnaires.AsNoTracking().FirstAsync(q => q.Id == survey.QuestionnaireId, ct);
        var school = (await tree.NamesOfAsync([token.SchoolId], ct)).GetValueOrDefault(token.SchoolId);
        return new SurveyForm(state, survey.Name, school, questionnaire.Title, survey.ClosesOn, state == LinkState.Ready ? questionnaire.ParsedItems() : []);
    }

    /// <summary>
    /// Records the answers of <paramref name="link"/>: by item number, "1".."5" for a five-point item, text for a comment.
    /// Refused by field (item3) when a five-point item is missing or out of range or a comment too long; refused whole
    /// when the link is unknown, used, or the survey not open. Nothing is written on any refusal.
    /// </summary>
    public async Task<Outcome<bool>> SubmitAsync(string? link, IReadOnlyDictionary<int, string?> answers, CancellationToken ct)
    {
        var (token, survey) = await FindAsync(link, ct);
        if (token is null || survey is null)
        {
            return Outcome<bool>.NotFound(t["Respond.Unknown"]);
        }
        if (token.Used)
        {
            return Outcome<bool>.Conflict(t["Respond.Used"]);
        }
        if (!survey.IsOpen(Today()))
        {
            return Outcome<bool>.Conflict(survey.IsClosed(Today()) ? t["Respond.Closed"] : t["Respond.Upcoming", survey.OpensOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        var items = (await db.Questionnaires.AsNoTracking().FirstAsync(q => q.Id == survey.QuestionnaireId, ct)).ParsedItems();
        var errors = new InputErrors();
        var values = new char[items.Count(i => i.Kind == ItemKind.Likert)];
        var comments = new List<SurveyComment>();
        var at = 0;
        foreach (var item in items)
        {
            var answer = answers.GetValueOrDefault(item.Number)?.Trim();
            if (item.Kind == ItemKind.Likert)
            {
                if (answer is not { Length: 1 } || answer[0] is < '1' or > '5')
                {
                    errors.Add($"item{item.Number}", t["Respond.Choose", item.Number]);
                }
                else
                {
                    values[at] = answer[0];
                }
                at++;
            }
            else if (answer is { Length: > 0 })
            {
                if (answer.Length > MaxComment)
                {
                    errors.Add($"item{item.Number}", t["Respond.TooLong", MaxComment]);
                }
                comments.Add(new SurveyComment { SurveyId = survey.Id, SchoolId = token.SchoolId, Item = (short)item.Number, Text = answer });
            }
        }
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Taken only if still unused: of two submissions of one link, exactly one changes the row.
        var taken = await db.Tokens.Where(x => x.Id == token.Id && !x.Used).ExecuteUpdateAsync(x => x.SetProperty(v => v.Used, true), ct);
        if (taken != 1)
        {
            return Outcome<bool>.Conflict(t["Respond.Used"]);
        }
        var response = new SurveyResponse { SurveyId = survey.Id, SchoolId = token.SchoolId, SubmittedOn = Today(), Values = new string(values) };
        db.Responses.Add(response);
        await db.SaveChangesAsync(ct);
        foreach (var comment in comments)
        {
            comment.ResponseId = response.Id;
        }
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    private async Task<(SurveyToken? Token, Survey? Survey)> FindAsync(string? link, CancellationToken ct)
    {
        if (SecretCodes.Normalise(link) is not { } code)
        {
            return (null, null);
        }
        var hash = SecretCodes.Hash(code);
        var token = await db.Tokens.AsNoTracking().FirstOrDefaultAsync(x => x.Hash == hash, ct);
        return token is null ? (null, null) : (token, await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == token.SurveyId, ct));
    }

    private DateOnly Today() => SurveyDays.Today(clock);
}
