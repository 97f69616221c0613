using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Health;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.Aid;

internal sealed record NewAidApplication(string? StudentNumber, string? Scheme);

internal sealed record AidReview(bool? Award, string? Note);

internal sealed record NewAidPayment(DateOnly? PaidOn, decimal? Amount, string? Method);

/// <summary>A school's coverage this school year: students of families in hardship (the registry), those awarded aid, applications waiting.</summary>
internal sealed record AidCoverage(string Code, string Name, int Hardship, int Awarded, int Waiting)
{
    public double? Rate => Hardship == 0 ? null : Math.Round(100.0 * Math.Min(Awarded, Hardship) / Hardship, 1);
}

/// <summary>An eligible student of the school with no application this year (named: the list a school works through).</summary>
internal sealed record EligibleStudent(long StudentId, string StudentNumber, string Name, string? ClassName, string GradeCode, string Basis, IReadOnlyList<string> Schemes);

/// <summary>An application as the lists show it, with what has been paid on it.</summary>
internal sealed record AidLine(
    long Id, string StudentNumber, string Name, string? ClassName, string GradeCode, string Scheme, string Basis, decimal Amount, AidState State, decimal Paid,
    string? ReviewNote);

/// <summary>Aid for the caller's scope: coverage by school; for one school, who is eligible without aid and the applications.</summary>
internal sealed record AidView(
    int Year, AidCoverage Total, IReadOnlyList<AidCoverage> Schools, string? SchoolCode, string? SchoolName, IReadOnlyList<EligibleStudent> Eligible,
    IReadOnlyList<AidLine> Applications, bool Reviews);

/// <summary>
/// Student aid (学生资助, 002-17 "建档立卡家庭经济困难学生资助全覆盖"): a school applies for its eligible students (the registry's
/// hardship and disability flags) under the schemes (rules), only the district awards or refuses, payments are recorded
/// against an award; coverage of the students of families in hardship by school, and the list of those still without aid.
/// </summary>
internal sealed class StudentAid(
    GrowthDb db, GrowthAccess access, AidRules rules, IStudentRoster roster, IRegistryStatistics registry, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<GrowthText> t)
{
    public static readonly string[] Methods = ["bank-card", "fee-waiver", "in-kind"];

    public AidRules Rules => rules;

    public async Task<AidView> ViewAsync(string? schoolCode, CancellationToken ct)
    {
        var year = HealthFile.SchoolYearOf(CityDate.Today(clock));
        var english = CodeBook.IsEnglish;
        var schools = await access.SchoolsAsync(Permissions.GrowthAid, ct);
        var ids = schools.Select(s => s.Id).ToHashSet();
        var hardship = (await registry.HeadcountsAsync(ct)).Where(h => ids.Contains(h.SchoolId)).GroupBy(h => h.SchoolId).ToDictionary(g => g.Key, g => g.Sum(h => h.Hardship));
        var idList = ids.ToList();
        var applications = await db.AidApplications.AsNoTracking().Where(a => a.SchoolYear == year && idList.Contains(a.OrgUnitId))
            .Select(a => new { a.OrgUnitId, a.StudentId, a.State, a.Basis }).ToListAsync(ct);
        var bySchool = applications.ToLookup(a => a.OrgUnitId);
        AidCoverage Coverage(string code, string name, IEnumerable<int> units)
        {
            var list = units.ToList();
            var rows = list.SelectMany(u => bySchool[u]).ToList();
            return new AidCoverage(code, name, list.Sum(u => hardship.GetValueOrDefault(u)),
                rows.Where(a => a.State == AidState.Awarded && a.Basis == AidRules.Hardship).Select(a => a.StudentId).Distinct().Count(),
                rows.Count(a => a.State == AidState.Applied));
        }
        var lines = schools.Where(s => hardship.GetValueOrDefault(s.Id) > 0 || bySchool[s.Id].Any()).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => Coverage(s.Code, s.DisplayName(english), [s.Id])).ToList();
        var school = schoolCode is { Length: > 0 } ? schools.FirstOrDefault(s => s.Code == schoolCode) : schools.Count == 1 ? schools[0] : null;
        IReadOnlyList<EligibleStudent> eligible = [];
        IReadOnlyList<AidLine> list = [];
        var reviews = !access.Caller.IsSystem && schools.Any(s => !access.Caller.RootsFor(Permissions.GrowthAid).Contains(s.Id));
        if (school is not null)
        {
            (eligible, list) = await SchoolAsync(school.Id, school.Code, year, ct);
        }
        return new AidView(year, Coverage("", "", ids), lines, school?.Code, school?.DisplayName(english), eligible, list, reviews);
    }

    /// <summary>One school's eligible students without an application this year, and its applications: children named, so the read is audited.</summary>
    private async Task<(IReadOnlyList<EligibleStudent>, IReadOnlyList<AidLine>)> SchoolAsync(int schoolId, string schoolCode, int year, CancellationToken ct)
    {
        var grades = rules.Schemes.SelectMany(s => s.Amounts.Keys).Distinct().ToList();
        var students = new List<RosterStudent>();
        foreach (var grade in grades)
        {
            students.AddRange((await roster.InGradeAsync(grade, ct)).Where(s => s.SchoolId == schoolId && (s.FinancialHardship || s.Disability)));
        }
        var applications = await db.AidApplications.AsNoTracking().Where(a => a.OrgUnitId == schoolId && a.SchoolYear == year).OrderBy(a => a.Id).ToListAsync(ct);
        var applied = applications.Select(a => a.StudentId).ToHashSet();
        var appIds = applications.Select(a => a.Id).ToList();
        var paid = (await db.AidPayments.AsNoTracking().Where(p => appIds.Contains(p.ApplicationId)).Select(p => new { p.ApplicationId, p.Amount }).ToListAsync(ct))
            .GroupBy(p => p.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var waiting = students.Where(s => !applied.Contains(s.StudentId)).ToList();
        var names = await roster.NamesAsync([.. waiting.Select(s => s.StudentId).Concat(applied)], ct);
        await audit.RecordAsync("growth.aid-read", "School", schoolCode, schoolId, $"{waiting.Count} eligible students, {applications.Count} applications, school year {year}", ct: ct);
        var eligible = waiting.OrderBy(s => s.GradeCode).ThenBy(s => s.ClassName).ThenBy(s => s.StudentNumber, StringComparer.Ordinal)
            .Select(s => new EligibleStudent(s.StudentId, s.StudentNumber, names.GetValueOrDefault(s.StudentId, "—"), s.ClassName, s.GradeCode!,
                s.FinancialHardship ? AidRules.Hardship : AidRules.Disability,
                [.. rules.Schemes.Where(x => x.Amounts.ContainsKey(s.GradeCode!)).Select(x => x.Code)]))
            .ToList();
        var lines = applications.ConvertAll(a => new AidLine(a.Id, a.StudentNumber, names.GetValueOrDefault(a.StudentId, "—"), a.ClassName, a.GradeCode, a.Scheme, a.Basis,
            a.Amount, a.State, paid.GetValueOrDefault(a.Id), a.ReviewNote));
        return (eligible, lines);
    }

    /// <summary>Applies for a student of a school the caller keeps aid for: eligible by the scheme's flags, in a grade it covers, once a year per scheme.</summary>
    public async Task<Outcome<long>> ApplyAsync(NewAidApplication body, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var number = body.StudentNumber?.Trim().ToUpperInvariant() ?? "";
        var scheme = rules.Find(body.Scheme);
        if (scheme is null)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("scheme", t["Aid.Scheme", string.Join(", ", rules.Schemes.Select(s => s.Code))]));
        }
        var student = number.Length is > 0 and <= 30 ? (await roster.EnrolledOnAsync([number], today, ct)).GetValueOrDefault(number) : null;
        if (student is null || !await access.MayAsync(Permissions.GrowthAid, student.SchoolId, ct))
        {
            return Outcome<long>.Invalid(new InputErrors().Add("studentNumber", t["Aid.Student", number]));
        }
        var basis = student.FinancialHardship && scheme.Eligible.Contains(AidRules.Hardship) ? AidRules.Hardship
            : student.Disability && scheme.Eligible.Contains(AidRules.Disability) ? AidRules.Disability : null;
        if (basis is null)
        {
            return Outcome<long>.Invalid(new InputErrors().Add("studentNumber", t["Aid.NotEligible", number]));
        }
        if (!scheme.Amounts.TryGetValue(student.GradeCode ?? "", out var amount))
        {
            return Outcome<long>.Invalid(new InputErrors().Add("scheme", t["Aid.Grade", student.GradeCode ?? "—"]));
        }
        var year = HealthFile.SchoolYearOf(today);
        if (await db.AidApplications.AnyAsync(a => a.StudentId == student.StudentId && a.SchoolYear == year && a.Scheme == scheme.Code, ct))
        {
            return Outcome<long>.Conflict("scheme", t["Aid.Twice"]);
        }
        var application = new AidApplication
        {
            OrgUnitId = student.SchoolId, StudentId = student.StudentId, StudentNumber = student.StudentNumber, ClassName = student.ClassName, GradeCode = student.GradeCode!,
            SchoolYear = year, Scheme = scheme.Code, Basis = basis, Amount = amount, State = AidState.Applied, AppliedAt = clock.GetUtcNow(), AppliedBy = access.ActorName,
        };
        db.AidApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<long>.Conflict("scheme", t["Aid.Twice"]);
        }
        return Outcome<long>.Ok(application.Id);
    }

    /// <summary>Awards or refuses an application: a bureau above the school only (a school does not award its own); a refusal says why.</summary>
    public async Task<Outcome<AidState>> ReviewAsync(long id, AidReview body, CancellationToken ct)
    {
        var application = await db.AidApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !await access.MayAsync(Permissions.GrowthAid, application.OrgUnitId, ct))
        {
            return Outcome<AidState>.NotFound(t["Aid.NoApplication"]);
        }
        if (!access.Caller.IsSystem && access.Caller.RootsFor(Permissions.GrowthAid).Contains(application.OrgUnitId))
        {
            return Outcome<AidState>.Forbidden(t["Aid.DistrictOnly"]);
        }
        var note = body.Note?.Trim();
        if (body.Award is not { } award || !award && note is not { Length: > 0 and <= 200 })
        {
            return Outcome<AidState>.Invalid(new InputErrors().Add(body.Award is null ? "award" : "note", t["Aid.Review"]));
        }
        if (application.State != AidState.Applied)
        {
            return Outcome<AidState>.Conflict(t["Aid.Reviewed"]);
        }
        application.State = award ? AidState.Awarded : AidState.Refused;
        application.ReviewNote = note is { Length: > 0 } ? note : null;
        application.ReviewedAt = clock.GetUtcNow();
        application.ReviewedBy = access.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<AidState>.Ok(application.State);
    }

    /// <summary>Records a payment on an awarded application: not in the future, and never more in all than the award.</summary>
    public async Task<Outcome<long>> PayAsync(long id, NewAidPayment body, CancellationToken ct)
    {
        var application = await db.AidApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !await access.MayAsync(Permissions.GrowthAid, application.OrgUnitId, ct))
        {
            return Outcome<long>.NotFound(t["Aid.NoApplication"]);
        }
        if (application.State != AidState.Awarded)
        {
            return Outcome<long>.Conflict(t["Aid.NotAwarded"]);
        }
        var errors = new InputErrors();
        var paid = (await db.AidPayments.AsNoTracking().Where(p => p.ApplicationId == id).Select(p => p.Amount).ToListAsync(ct)).Sum();
        if (body.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount || paid + amount > application.Amount)
        {
            errors.Add("amount", t["Aid.Amount", application.Amount - paid]);
        }
        if (body.PaidOn is not { } day || day > CityDate.Today(clock) || day < CityDate.Today(clock).AddYears(-1))
        {
            errors.Add("paidOn", t["Aid.PaidOn"]);
        }
        if (!Methods.Contains(body.Method))
        {
            errors.Add("method", t["Aid.Method", string.Join(", ", Methods)]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        // The award is taken from by one conditional update, in the payment's transaction: two payments at once cannot
        // both fit into what is left (the check above only spares the caller a round trip).
        var fen = (long)(body.Amount!.Value * 100);
        var award = (long)(application.Amount * 100);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.AidApplications.Where(a => a.Id == id && a.State == AidState.Awarded && a.PaidFen + fen <= award)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PaidFen, a => a.PaidFen + fen), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            var left = application.Amount - (await db.AidApplications.AsNoTracking().Where(a => a.Id == id).Select(a => a.PaidFen).SingleAsync(ct)) / 100m;
            return Outcome<long>.Invalid(new InputErrors().Add("amount", t["Aid.Amount", left]));
        }
        var payment = new AidPayment
        {
            ApplicationId = id, OrgUnitId = application.OrgUnitId, PaidOn = body.PaidOn!.Value, Amount = body.Amount!.Value, Method = body.Method!,
            RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.AidPayments.Add(payment);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<long>.Ok(payment.Id);
    }
}
