using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Family.Credits;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.CreditProviders;

internal sealed record ProviderInput(string? Code, string? Name, string? Kind, string? Unit, DateOnly? AccreditedUntil);

internal sealed record OutcomeInput(
    string? Provider, string? Phone, string? Name, string? Kind, string? Code, string? Title, decimal? Hours, decimal? Score, DateOnly? AchievedOn);

internal sealed record ProviderLine(string Code, string Name, string Kind, string Unit, DateOnly AccreditedOn, DateOnly AccreditedUntil, bool Accredited, int Outcomes);

internal sealed record OutcomeLine(long Id, string Provider, string Learner, string Phone, string Kind, string Code, string Title, decimal? Hours, DateOnly AchievedOn, decimal Credits);

internal sealed record CreditBankView(
    IReadOnlyList<ProviderLine> Providers, IReadOnlyList<OutcomeLine> Recent, IReadOnlyList<CertificateRule> Certificates, IReadOnlyList<AwardRule> Awards,
    string RulesEdition, bool MayAccredit);

/// <summary>
/// The credit bank as the bureau and the providers keep it (学分银行): the bureau accredits providers under a unit of its
/// scope (credits.manage); a provider's staff record its learners' outcomes (credits.record over the provider's unit),
/// each worth credits by the rules (<see cref="CreditRules"/>), fixed when recorded. A learner is found, or opened, by
/// their mobile number; a name that differs from the account's is refused rather than overwritten.
/// </summary>
internal sealed class CreditRecords(FamilyDb db, FamilyAccess access, OrgTree tree, CreditRules rules, TimeProvider clock, IStringLocalizer<FamilyText> t)
{
    public async Task<CreditBankView> ViewAsync(CancellationToken ct = default)
    {
        var today = CityDate.Today(clock);
        var providers = await db.CreditProviders.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var ids = providers.Select(p => p.Id).ToList();
        var counts = await db.CreditOutcomes.AsNoTracking().Where(o => ids.Contains(o.ProviderId)).GroupBy(o => o.ProviderId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var units = await tree.NamesOfAsync(providers.Select(p => p.OrgUnitId).Distinct(), ct);
        var recent = await (from o in db.CreditOutcomes.AsNoTracking()
                            join l in db.CreditLearners.AsNoTracking() on o.LearnerId equals l.Id
                            orderby o.RecordedAt descending, o.Id descending
                            select new { o, l.Name, l.Phone }).Take(50).ToListAsync(ct);
        var byId = providers.ToDictionary(p => p.Id, p => p.Name);
        return new CreditBankView(
            [.. providers.Select(p => new ProviderLine(p.Code, p.Name, p.Kind, units.GetValueOrDefault(p.OrgUnitId, ""), p.AccreditedOn, p.AccreditedUntil,
                today <= p.AccreditedUntil, counts.GetValueOrDefault(p.Id)))],
            [.. recent.Select(r => new OutcomeLine(r.o.Id, byId.GetValueOrDefault(r.o.ProviderId, ""), r.Name, MobilePhone.Mask(r.Phone), r.o.Kind.ToString(), r.o.Code,
                r.o.Title, r.o.Hours, r.o.AchievedOn, r.o.Credits))],
            rules.Certificates, rules.Awards, rules.Edition, access.Caller.Has(Permissions.CreditsManage));
    }

    public async Task<Outcome<string>> AccreditAsync(ProviderInput input, CancellationToken ct = default)
    {
        var unit = string.IsNullOrWhiteSpace(input.Unit) ? null : await tree.FindAsync(input.Unit.Trim(), ct);
        if (unit is null || !await access.MayAsync(Permissions.CreditsManage, unit.Id, ct))
        {
            return Outcome<string>.NotFound(t["Credits.UnitNotFound"]);
        }
        var errors = new InputErrors();
        var code = errors.Text("code", input.Code?.ToUpperInvariant(), 20, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 20));
        var name = errors.Text("name", input.Name, 100, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 100));
        var kind = errors.Text("kind", input.Kind, 40, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 40));
        var today = CityDate.Today(clock);
        if (input.AccreditedUntil is not { } until || until <= today || until > today.AddYears(5))
        {
            errors.Add("accreditedUntil", t["Credits.AccreditedUntil"]);
        }
        if (errors.Any)
        {
            return Outcome<string>.Invalid(errors);
        }
        // Provider codes are the city's: a code taken anywhere is refused (a yes or no, no row returned).
        if (await db.CreditProviders.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(p => p.Code == code, ct))
        {
            return Outcome<string>.Conflict("code", t["Credits.CodeTaken"]);
        }
        db.CreditProviders.Add(new CreditProvider
        {
            OrgUnitId = unit.Id, Code = code!, Name = name!, Kind = kind!, AccreditedOn = today, AccreditedUntil = input.AccreditedUntil!.Value, AccreditedBy = access.ActorName,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(code!);
    }

    /// <summary>Records an outcome for a learner of an accredited provider in the caller's scope; returns the credits it is worth.</summary>
    public async Task<Outcome<decimal>> RecordAsync(OutcomeInput input, CancellationToken ct = default)
    {
        var code = input.Provider?.Trim().ToUpperInvariant();
        var provider = code is null ? null : await db.CreditProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        if (provider is null || !await access.MayAsync(Permissions.CreditsRecord, provider.OrgUnitId, ct))
        {
            return Outcome<decimal>.NotFound(t["Credits.ProviderNotFound"]);
        }
        var today = CityDate.Today(clock);
        if (today > provider.AccreditedUntil)
        {
            return Outcome<decimal>.Conflict("provider", string.Format(CultureInfo.CurrentCulture, t["Credits.AccreditationLapsed"], provider.AccreditedUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var errors = new InputErrors();
        var phone = MobilePhone.Normalize(input.Phone);
        if (phone is null || !MobilePhone.IsValid(phone))
        {
            errors.Add("phone", t["Credits.Phone"]);
        }
        var name = errors.Text("name", input.Name, 50, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 50));
        var title = errors.Text("title", input.Title, 200, t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 200));
        if (!Enum.TryParse<LearningKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", t["Credits.Kind"]);
        }
        // Course and certificate codes are upper case, award levels lower case (as the rules write them), whatever was typed.
        var outcomeCode = errors.Text("code", kind == LearningKind.Award ? input.Code?.ToLowerInvariant() : input.Code?.ToUpperInvariant(), 40,
            t["Field.Required"], string.Format(CultureInfo.CurrentCulture, t["Field.TooLong"], 40));
        if (input.AchievedOn is not { } on)
        {
            errors.Add("achievedOn", t["Field.Required"]);
        }
        else if (on > today)
        {
            errors.Add("achievedOn", t["Field.DateFuture"]);
        }
        if (input.Hours is { } h && h is <= 0 or > 2000)
        {
            errors.Add("hours", string.Format(CultureInfo.CurrentCulture, t["Field.Range"], 1, 2000));
        }
        if (input.Score is { } s && s is < 0 or > 100)
        {
            errors.Add("score", string.Format(CultureInfo.CurrentCulture, t["Field.Range"], 0, 100));
        }
        var credits = errors.Any ? null : rules.Credits(kind, outcomeCode!, input.Hours, input.Score);
        if (!errors.Any && credits is null)
        {
            errors.Add(kind == LearningKind.Course ? "hours" : "code", t[$"Credits.Unknown.{kind}"]);
        }
        if (errors.Any)
        {
            return Outcome<decimal>.Invalid(errors);
        }
        var learner = await db.CreditLearners.SingleOrDefaultAsync(l => l.Phone == phone, ct);
        if (learner is not null && learner.Name != name)
        {
            return Outcome<decimal>.Invalid(new InputErrors().Add("name", t["Credits.NameDiffers"]));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (learner is null)
        {
            learner = new CreditLearner { Phone = phone!, Name = name!, CreatedAt = clock.GetUtcNow() };
            db.CreditLearners.Add(learner);
            await db.SaveChangesAsync(ct);
        }
        db.CreditOutcomes.Add(new CreditOutcome
        {
            OrgUnitId = provider.OrgUnitId, ProviderId = provider.Id, LearnerId = learner.Id, Kind = kind, Code = outcomeCode!, Title = title!,
            Hours = kind == LearningKind.Course ? input.Hours : null, Score = input.Score, AchievedOn = input.AchievedOn!.Value, Credits = credits!.Value,
            EquivalenceGroup = rules.GroupOf(kind, outcomeCode!), RulesEdition = rules.Edition, RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<decimal>.Ok(credits.Value);
    }
}
