using Qedu.Indicators.Domain;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Indicators.Data;
using Qedu.Indicators.Computation;
using Qedu.Indicators.Definitions;
using Qedu.Indicators.Features.Forms.Definitions;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Indicators.Features.Forms;

/// <summary>What sending a round did: the round, and how many units it reached.</summary>
internal sealed record RoundSent(long Id, int Units);

/// <summary>
/// The collection workflow: a bureau sends a form for a period to the units of its level below it (one return each);
/// each unit saves drafts and submits; the bureau above approves or sends back with a comment, and a returned return
/// is corrected and submitted again. Every use case checks that the thing exists for the caller (404), then who the
/// caller is to it (403), then its state (409) and the input (400, per field), and writes in one transaction, so a
/// refusal writes nothing.
/// </summary>
internal sealed class FormCommands(
    IndicatorsDb db, OrgTree tree, FormAccess access, FormCatalog catalog, CodeBook codes, TimeProvider clock, IStringLocalizer<FormsText> t,
    IndicatorComputation computation, IndicatorCatalog indicators)
{
    public const int MaxComment = 1000;

    /// <summary>Sends a round: one return per open unit of the form's level under the bureau that meets the form's condition.</summary>
    public async Task<Outcome<RoundSent>> SendAsync(RoundInput? input, CancellationToken ct = default)
    {
        input ??= new RoundInput();
        var errors = new InputErrors();
        var form = catalog.Find(input.Form?.Trim());
        if (string.IsNullOrWhiteSpace(input.Form))
        {
            errors.Add("form", t["Field.Required"]);
        }
        else if (form is null)
        {
            errors.Add("form", string.Format(t["Round.UnknownForm"], input.Form.Trim()));
        }
        var period = input.Period?.Trim();
        if (string.IsNullOrEmpty(period))
        {
            errors.Add("period", t["Field.Required"]);
        }
        else if (!IndicatorComputation.IsPeriod(period))
        {
            errors.Add("period", string.Format(t["Round.BadPeriod"], period));
        }
        var today = FormDates.Today(clock);
        if (input.Deadline is not { } deadline)
        {
            errors.Add("deadline", t["Field.Required"]);
        }
        else if (deadline < today)
        {
            errors.Add("deadline", t["Field.DatePast"]);
        }
        var bureau = await BureauAsync(input.Org, errors, ct);
        if (errors.Any)
        {
            return Outcome<RoundSent>.Invalid(errors);
        }

        var units = await TargetsAsync(form!, bureau!, today, ct);
        if (units.Count == 0)
        {
            return Outcome<RoundSent>.Invalid(new InputErrors().Add("form", string.Format(t["Round.NoUnits"], t[$"Level.{form!.Level}"])));
        }
        var already = await AlreadySentAsync(form!.Code, period!, units, ct);
        if (already > 0)
        {
            return Outcome<RoundSent>.Conflict("period", string.Format(t["Round.AlreadySent"], already));
        }

        var round = new FormRound
        {
            FormCode = form.Code, Period = period!, Deadline = input.Deadline!.Value, OrgUnitId = bureau!.Id,
            SentAt = clock.GetUtcNow(), SentBy = access.Caller.ActorName ?? "",
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.FormRounds.Add(round);
            await db.SaveChangesAsync(ct);
            db.FormReturns.AddRange(units.Select(u => new FormReturn
            {
                RoundId = round.Id, OrgUnitId = u.Id, FormCode = form.Code, Period = period!, State = ReturnState.Draft,
            }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another round of the same form and period reached one of these units in the meantime (the unique index).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await AlreadySentAsync(form.Code, period!, units, ct) is > 0 and var raced)
            {
                return Outcome<RoundSent>.Conflict("period", string.Format(t["Round.AlreadySent"], raced));
            }
            throw;
        }
        return Outcome<RoundSent>.Ok(new RoundSent(round.Id, units.Count));
    }

    /// <summary>The unit saves its answers as a draft (<paramref name="submit"/> false) or hands them in.</summary>
    public async Task<Outcome<bool>> SaveAsync(long returnId, ReturnInput? input, bool submit, CancellationToken ct = default)
    {
        var context = await access.LoadReturnAsync(returnId, tracked: true, ct);
        if (context is null)
        {
            return Outcome<bool>.NotFound(t["Return.NotFound"]);
        }
        if (!context.CanFill)
        {
            return Outcome<bool>.Forbidden(t["Return.NotYours"]);
        }
        var row = context.Return;
        if (row.State is ReturnState.Submitted or ReturnState.Approved)
        {
            return Outcome<bool>.Conflict("state", t[row.State == ReturnState.Submitted ? "Return.AwaitingReview" : "Return.IsApproved"]);
        }
        var form = context.Form;
        var errors = new InputErrors();
        var stored = await db.FormValues.Where(v => v.ReturnId == returnId).ToListAsync(ct);
        // A submit without answers hands in what was saved; any other call replaces the answers.
        var answers = input?.Values is { } values
            ? Parse(form, values, errors)
            : stored.Where(v => form.Field(v.FieldCode) is not null).ToDictionary(v => v.FieldCode, v => new Answer(v.Number, v.Text), StringComparer.Ordinal);
        if (submit)
        {
            foreach (var field in form.Fields.Where(f => f.Required && !answers.ContainsKey(f.Code)))
            {
                errors.Add(Key(field.Code), string.Format(t["Value.Required"], Label(field)));
            }
        }
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }

        foreach (var value in stored)
        {
            if (answers.TryGetValue(value.FieldCode, out var answer))
            {
                value.Number = answer.Number;
                value.Text = answer.Text;
            }
            else
            {
                db.FormValues.Remove(value);
            }
        }
        db.FormValues.AddRange(answers.Where(a => stored.All(v => v.FieldCode != a.Key)).Select(a => new FormReturnValue
        {
            ReturnId = returnId, OrgUnitId = row.OrgUnitId, FieldCode = a.Key, Number = a.Value.Number, Text = a.Value.Text,
        }));
        var now = clock.GetUtcNow();
        var by = access.Caller.ActorName ?? "";
        row.SavedAt = now;
        row.SavedBy = by;
        if (submit)
        {
            row.State = ReturnState.Submitted;
            if (row.FirstSubmittedAt is null)
            {
                row.FirstSubmittedAt = now;
                row.Late = FormDates.IsLate(now, context.Round.Deadline);
            }
            row.SubmittedAt = now;
            row.SubmittedBy = by;
        }
        return await SaveRevisionAsync(row, ct);
    }

    /// <summary>The bureau above approves a submitted return (its figures then feed the indicators) or sends it back with the reason.</summary>
    public async Task<Outcome<bool>> ReviewAsync(long returnId, bool approve, ReviewInput? input, CancellationToken ct = default)
    {
        var context = await access.LoadReturnAsync(returnId, tracked: true, ct);
        if (context is null)
        {
            return Outcome<bool>.NotFound(t["Return.NotFound"]);
        }
        if (!context.CanReview)
        {
            return Outcome<bool>.Forbidden(t["Review.NotAbove"]);
        }
        var row = context.Return;
        if (row.State != ReturnState.Submitted)
        {
            return Outcome<bool>.Conflict("state", t["Review.NotSubmitted"]);
        }
        var comment = input?.Comment?.Trim();
        var errors = new InputErrors();
        if (string.IsNullOrEmpty(comment) && !approve)
        {
            errors.Add("comment", t["Review.CommentRequired"]);
        }
        else if (comment?.Length > MaxComment)
        {
            errors.Add("comment", string.Format(t["Field.TooLong"], MaxComment));
        }
        if (errors.Any)
        {
            return Outcome<bool>.Invalid(errors);
        }
        row.State = approve ? ReturnState.Approved : ReturnState.Returned;
        row.ReviewedAt = clock.GetUtcNow();
        row.ReviewedBy = access.Caller.ActorName ?? "";
        row.ReviewComment = string.IsNullOrEmpty(comment) ? null : comment;
        var saved = await SaveRevisionAsync(row, ct);
        if (saved.IsOk && approve)
        {
            await RefreshIndicatorsAsync(context.Round, ct);
        }
        return saved;
    }

    /// <summary>
    /// An approved return changes its form's figures: the indicators computed from that form are recomputed for the
    /// round's period at once (only those: a few grouped queries and a small replace), so the dashboards show it.
    /// </summary>
    private async Task RefreshIndicatorsAsync(FormRound round, CancellationToken ct)
    {
        var prefix = $"form.{round.FormCode}.";
        var affected = indicators.Indicators
            .Where(i => i.FormCode == round.FormCode
                || i.Numerator.StartsWith(prefix, StringComparison.Ordinal)
                || (i.Denominator?.StartsWith(prefix, StringComparison.Ordinal) ?? false))
            .Select(i => i.Code)
            .ToHashSet(StringComparer.Ordinal);
        if (affected.Count > 0 && IndicatorComputation.IsPeriod(round.Period))
        {
            await computation.ComputeAsync(round.Period, store: true, ct, affected);
        }
    }

    private async Task<Outcome<bool>> SaveRevisionAsync(FormReturn row, CancellationToken ct)
    {
        row.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Conflict("state", t["Return.Changed"]);
        }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>One answer as stored: a number (yes = 1, no = 0) or a text.</summary>
    internal sealed record Answer(decimal? Number, string? Text);

    /// <summary>The answers that are given (a blank is no answer), each checked against its field; problems go to "values.&lt;field&gt;".</summary>
    internal Dictionary<string, Answer> Parse(FormDefinition form, IReadOnlyDictionary<string, string?> values, InputErrors errors)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var (code, raw) in values)
        {
            var field = form.Field(code);
            if (field is null)
            {
                errors.Add(Key(code), t["Value.UnknownField"]);
                continue;
            }
            var text = raw?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            if (Problem(field, text) is { } problem)
            {
                errors.Add(Key(code), problem);
                continue;
            }
            answers[code] = field.Type == FieldType.Text ? new Answer(null, text) : new Answer(Number(field, text), null);
        }
        return answers;
    }

    private static readonly string[] Yes = ["true", "yes", "y", "1", "是"];
    private static readonly string[] No = ["false", "no", "n", "0", "否"];

    /// <summary>What is wrong with the answer, or null.</summary>
    private string? Problem(FormField field, string text)
    {
        var label = Label(field);
        switch (field.Type)
        {
            case FieldType.Text:
                return text.Length > field.MaxLength ? string.Format(t["Value.TooLong"], label, field.MaxLength) : null;
            case FieldType.YesNo:
                return Number(field, text) is null ? string.Format(t["Value.YesNo"], label) : null;
            default:
                if (Number(field, text) is not { } number)
                {
                    return field.Type == FieldType.Integer
                        ? string.Format(t["Value.Integer"], label)
                        : string.Format(t["Value.Number"], label, FormCatalog.MaxDecimals);
                }
                if (field.Min is { } min && number < min)
                {
                    return string.Format(t["Value.Min"], label, Plain(min));
                }
                if (field.Max is { } max && number > max)
                {
                    return string.Format(t["Value.Max"], label, Plain(max));
                }
                return null;
        }
    }

    /// <summary>The answer as a number when it is one of the field's kind (integer, four decimals, yes/no), else null.</summary>
    private static decimal? Number(FormField field, string text)
    {
        if (field.Type == FieldType.YesNo)
        {
            return Yes.Contains(text, StringComparer.OrdinalIgnoreCase) ? 1 : No.Contains(text, StringComparer.OrdinalIgnoreCase) ? 0 : null;
        }
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) >= 100_000_000_000_000m)
        {
            return null;
        }
        var decimals = field.Type == FieldType.Integer ? 0 : FormCatalog.MaxDecimals;
        return decimal.Round(value, decimals) == value ? value : null;
    }

    private static string Plain(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Label(FormField field) => field.Label.ToString();

    public static string Key(string fieldCode) => "values." + fieldCode;

    /// <summary>The sending bureau: the one named, or the caller's only bureau with indicators.manage.</summary>
    private async Task<OrgUnit?> BureauAsync(string? code, InputErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            var mine = await access.SendingBureausAsync(ct);
            if (mine.Count != 1)
            {
                errors.Add("org", t[mine.Count == 0 ? "Round.NoBureau" : "Round.ChooseBureau"]);
                return null;
            }
            return mine[0];
        }
        code = code.Trim();
        var bureau = await tree.FindPastScopeAsync(code, ct);
        // The same answer for a unit out of reach as for one that does not exist: a refusal names nothing outside the scope.
        if (bureau is null || !await access.ManagesAsync(bureau.Id, ct))
        {
            errors.Add("org", string.Format(t["Round.OutOfScope"], code));
            return null;
        }
        if (!bureau.IsBureau)
        {
            errors.Add("org", string.Format(t["Round.NotBureau"], code));
            return null;
        }
        return bureau;
    }

    /// <summary>
    /// The open units of the form's level under the bureau that meet its condition, by code; for a form of the bureau's
    /// own level, the bureau itself (its own return, such as the city's 市本级 funds).
    /// </summary>
    private async Task<List<OrgUnit>> TargetsAsync(FormDefinition form, OrgUnit bureau, DateOnly today, CancellationToken ct)
    {
        var units = form.IsOwnReturn && bureau.Kind == form.Level ? [bureau] : await tree.BelowPastScopeAsync(bureau.Id, form.Level, ct);
        return [.. units.Where(u => (u.ClosedOn is null || u.ClosedOn > today) && (form.Condition?.Includes(u, codes) ?? true))];
    }

    /// <summary>How many of the units already have a return of this form for this period (from any round).</summary>
    private async Task<int> AlreadySentAsync(string formCode, string period, List<OrgUnit> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var count = 0;
        foreach (var chunk in ids.Chunk(2000))
        {
            count += await db.FormReturns.IgnoreQueryFilters([ScopeFilter.Name]).CountAsync(r => r.FormCode == formCode && r.Period == period && chunk.Contains(r.OrgUnitId), ct);
        }
        return count;
    }
}
