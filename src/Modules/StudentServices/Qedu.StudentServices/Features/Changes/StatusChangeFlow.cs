using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Catalogue;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>
/// A status change from the application to the registry: a guardian (of the student, in the registry) or the school
/// starts it; each unit on its route accepts, returns it for correction (补正: the clocks stop until the applicant
/// answers) or refuses; the last acceptance changes the registry in the same transaction as the step, so a student is
/// never half moved. A student has at most one open change (a unique index, also under a race).
/// </summary>
internal sealed partial class StatusChangeFlow(
    StudentServicesDb db, IStudentMoves registry, OrgTree tree, ICurrentAccess access, ParentAccounts parents, TimeProvider clock,
    IStringLocalizer<ServicesText> t, IServiceScopeFactory scopes, IHttpContextAccessor http, ServiceCatalogue catalogue, CodeBook codes, ChangeMaterials materials)
{
    /// <summary>Who writes what the procedure itself decides (a new change's route); the audit lines name the applicant.</summary>
    private static readonly AccessContext Procedure = AccessContext.System("status-changes");

    /// <summary>A class of this many active students is 大班额: a reviewer taking one more confirms it.</summary>
    public const int LargeClass = 56;

    /// <summary>The longest break (休学): a year from the day it is asked for.</summary>
    public const int MaxSuspensionDays = 365;

    private static readonly OrgUnitKind[] DistrictKinds = [OrgUnitKind.District, OrgUnitKind.City];

    private AccessContext Caller => access.Current;

    public async Task<Outcome<StatusChange>> StartAsync(StartChange input, CancellationToken ct = default)
    {
        if (input.Kind == ChangeKind.TransferIn)
        {
            return await StartIncomingAsync(input, ct);
        }
        var errors = new InputErrors();
        var (student, applicantName, parentId) = await ApplicantAsync(input.StudentId, ct);
        if (student is null)
        {
            return Outcome<StatusChange>.NotFound(t["Change.NoStudent"]);
        }
        var today = CityDate.Today(clock);
        var needed = input.Kind == ChangeKind.Resumption ? "02" : "01";
        if (student.StatusCode != needed)
        {
            errors.Add("studentId", t[input.Kind == ChangeKind.Resumption ? "Change.NotSuspended" : "Change.NotEnrolled", student.Name]);
        }
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 500)
        {
            errors.Add("reason", t["Change.Reason", 500]);
        }
        OrgUnit? target = null;
        if (input.Kind == ChangeKind.Transfer)
        {
            target = input.ToSchoolId is int to ? await tree.FindPastScopeAsync(to, ct) : null;
            if (target is null || target.Kind != OrgUnitKind.School || target.ClosedOn is not null)
            {
                errors.Add("toSchoolId", t["Change.ToSchool"]);
            }
            else if (target.Id == student.SchoolId)
            {
                errors.Add("toSchoolId", t["Change.SameSchool"]);
            }
        }
        var other = input.OtherSchool?.Trim();
        if (input.Kind == ChangeKind.TransferOut && (string.IsNullOrEmpty(other) || other.Length > 200))
        {
            errors.Add("otherSchool", t["Change.OtherSchool", 200]);
        }
        if (input.Kind == ChangeKind.Suspension && (input.SuspendedUntil is not { } until || until <= today || until > today.AddDays(MaxSuspensionDays)))
        {
            errors.Add("suspendedUntil", t["Change.SuspendedUntil", today.AddDays(MaxSuspensionDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        if (errors.Any)
        {
            return Outcome<StatusChange>.Invalid(errors);
        }
        // The limits are the catalogue's item in force for the kind: withdrawn, the change is not offered.
        if (await catalogue.ForChangeAsync(input.Kind, ct) is not { } item)
        {
            return Outcome<StatusChange>.Conflict("kind", t["Change.NotOffered", t[$"Kind.{input.Kind}"]]);
        }

        var fromDistrict = await DistrictOfAsync(student.SchoolId, ct);
        var toDistrict = target is null ? (int?)null : await DistrictOfAsync(target.Id, ct);
        var change = new StatusChange
        {
            Kind = input.Kind, StudentId = student.StudentId, StudentNumber = student.StudentNumber, StudentName = student.Name,
            StudentRevision = student.Revision, FromSchoolId = student.SchoolId, FromDistrictId = fromDistrict, ToSchoolId = target?.Id,
            ToDistrictId = toDistrict, OtherSchool = input.Kind == ChangeKind.TransferOut ? other : null, Reason = reason,
            SuspendedUntil = input.Kind == ChangeKind.Suspension ? input.SuspendedUntil : null,
            Applicant = parentId is null ? Applicant.School : Applicant.Guardian, ParentAccountId = parentId, ApplicantName = applicantName,
            StartedAt = clock.GetUtcNow(), StartedOn = today, LegalDays = item.Version.LegalDays, PromisedDays = item.Version.PromisedDays,
            ServiceCode = item.Code, ServiceVersion = item.Version.Version,
            Number = "XJ-" + Guid.NewGuid().ToString("N")[..12],
        };
        return await OpenAsync(change, null, ct);
    }

    /// <summary>
    /// A 转入: the receiving school (staff of a school in their scope; a guardian has no city record to ask with) registers
    /// the child coming from a school outside the city; the 学籍号 must not be in the registry yet.
    /// </summary>
    private async Task<Outcome<StatusChange>> StartIncomingAsync(StartChange input, CancellationToken ct)
    {
        var target = input.ToSchoolId is int to && Caller.ParentAccountId is null ? await tree.FindPastScopeAsync(to, ct) : null;
        if (target is null || target.Kind != OrgUnitKind.School
            || (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [target.Id], ct)).Count == 0)
        {
            return Outcome<StatusChange>.NotFound(t["Request.School"]);
        }
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        var child = input.Incoming ?? new IncomingInput(null, null, null, null, null, null, null);
        var number = child.StudentNumber?.Trim().ToUpperInvariant() ?? "";
        if (!StudentNumberPattern().IsMatch(number))
        {
            errors.Add("incoming.studentNumber", t["Incoming.Number"]);
        }
        else if (await registry.FindByNumberAsync(number, ct) is not null)
        {
            errors.Add("incoming.studentNumber", t["Incoming.Known", number]);
        }
        var name = child.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            errors.Add("incoming.name", t["Incoming.Name", 50]);
        }
        if (!codes.IsValid("gender", child.GenderCode))
        {
            errors.Add("incoming.genderCode", t["Incoming.Gender"]);
        }
        if (child.BirthDate is not { } born || born > today.AddYears(-3) || born < today.AddYears(-25))
        {
            errors.Add("incoming.birthDate", t["Incoming.BirthDate"]);
        }
        var guardian = child.GuardianName?.Trim() ?? "";
        if (guardian.Length is 0 or > 50)
        {
            errors.Add("incoming.guardianName", t["Incoming.GuardianName", 50]);
        }
        if (!codes.IsValid("guardian-relation", child.GuardianRelationCode))
        {
            errors.Add("incoming.guardianRelationCode", t["Incoming.Relation"]);
        }
        var phone = MobilePhone.Normalize(child.GuardianPhone);
        if (phone is null)
        {
            errors.Add("incoming.guardianPhone", t["Incoming.Phone"]);
        }
        var from = input.OtherSchool?.Trim();
        if (string.IsNullOrEmpty(from) || from.Length > 200)
        {
            errors.Add("otherSchool", t["Incoming.From", 200]);
        }
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 500)
        {
            errors.Add("reason", t["Change.Reason", 500]);
        }
        if (errors.Any)
        {
            return Outcome<StatusChange>.Invalid(errors);
        }
        if (await catalogue.ForChangeAsync(ChangeKind.TransferIn, ct) is not { } item)
        {
            return Outcome<StatusChange>.Conflict("kind", t["Change.NotOffered", t["Kind.TransferIn"]]);
        }
        var district = await DistrictOfAsync(target.Id, ct);
        // Counted at the school the child comes into: the city has no other school of theirs.
        var change = new StatusChange
        {
            Kind = ChangeKind.TransferIn, StudentNumber = number, StudentName = name, FromSchoolId = target.Id, FromDistrictId = district,
            ToSchoolId = target.Id, ToDistrictId = district, OtherSchool = from, Reason = reason, Applicant = Applicant.School,
            ApplicantName = Caller.ActorName ?? "", StartedAt = clock.GetUtcNow(), StartedOn = today, LegalDays = item.Version.LegalDays,
            PromisedDays = item.Version.PromisedDays, ServiceCode = item.Code, ServiceVersion = item.Version.Version,
            Number = "XJ-" + Guid.NewGuid().ToString("N")[..12],
        };
        var incoming = new IncomingChild
        {
            GenderCode = child.GenderCode!, BirthDate = child.BirthDate!.Value, GuardianName = guardian, GuardianRelationCode = child.GuardianRelationCode!,
            GuardianPhone = phone!,
        };
        return await OpenAsync(change, incoming, ct);
    }

    /// <summary>
    /// Writes a new change and its route. The route's steps belong to units the applicant does not act for (the receiving
    /// school, the districts; a guardian acts for none): the procedure writes them, as the system, and each line names the
    /// applicant.
    /// </summary>
    private async Task<Outcome<StatusChange>> OpenAsync(StatusChange change, IncomingChild? incoming, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(Procedure);
        var writer = scope.ServiceProvider.GetRequiredService<StudentServicesDb>();
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await using var tx = await writer.Database.BeginTransactionAsync(ct);
        AuditInterceptor.OnBehalfOf(change, Caller, address);
        writer.Changes.Add(change);
        try
        {
            await writer.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Outcome<StatusChange>.Conflict(incoming is null ? "studentId" : "incoming.studentNumber", t["Change.OneOpen", change.StudentName]);
        }
        change.Number = string.Create(CultureInfo.InvariantCulture, $"XJ{change.StartedOn.Year}-{change.Id:D6}");
        if (incoming is not null)
        {
            incoming.ChangeId = change.Id;
            AuditInterceptor.OnBehalfOf(incoming, Caller, address);
            writer.Incoming.Add(incoming);
        }
        var route = ChangeRoute.Of(change.Kind, change.FromSchoolId, change.FromDistrictId ?? change.FromSchoolId, change.ToSchoolId, change.ToDistrictId);
        change.StepCount = route.Count;
        var sequence = 0;
        foreach (var (role, unit) in route)
        {
            var step = new ChangeStep { ChangeId = change.Id, Sequence = ++sequence, Role = role, OrgUnitId = unit };
            AuditInterceptor.OnBehalfOf(step, Caller, address);
            writer.Steps.Add(step);
        }
        await writer.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<StatusChange>.Ok(change);
    }

    /// <summary>
    /// The student and who is asking: a signed-in guardian only for a child whose guardian's phone is theirs; staff only
    /// for a student of a school in their status-change scope. Null: no such student for this caller (read as absent).
    /// </summary>
    private async Task<(StudentStanding? Student, string ApplicantName, Guid? ParentId)> ApplicantAsync(long studentId, CancellationToken ct)
    {
        if (Caller.ParentAccountId is Guid parent)
        {
            return ((await ChildrenAsync(ct)).FirstOrDefault(c => c.StudentId == studentId), Caller.ActorName ?? "", parent);
        }
        var student = await registry.StandingAsync(studentId, ct);
        if (student is null || (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [student.SchoolId], ct)).Count == 0)
        {
            return (null, "", null);
        }
        return (student, Caller.ActorName ?? "", null);
    }

    /// <summary>The signed-in guardian's children in the registry (whose guardian has the phone they signed in with); none for staff.</summary>
    public async Task<IReadOnlyList<StudentStanding>> ChildrenAsync(CancellationToken ct = default)
    {
        if (Caller.ParentAccountId is not Guid parent || (await parents.FindAsync(parent, ct))?.Phone is not { } phone)
        {
            return [];
        }
        return await registry.ChildrenOfGuardianAsync(phone, ct);
    }

    /// <summary>The schools a student of <paramref name="fromSchoolId"/> may transfer to (open, in the city), and the bureaus they sit under.</summary>
    public async Task<(IReadOnlyList<OrgUnit> Bureaus, IReadOnlyList<OrgUnit> Schools)> TargetsAsync(int fromSchoolId, CancellationToken ct = default)
    {
        var units = await tree.OfKindPastScopeAsync([OrgUnitKind.District, OrgUnitKind.City, OrgUnitKind.School], ct);
        return (
            [.. units.Where(u => u.Kind != OrgUnitKind.School).OrderBy(u => u.Code)],
            [.. units.Where(u => u.Kind == OrgUnitKind.School && u.ClosedOn is null && u.Id != fromSchoolId).OrderBy(u => u.Code)]);
    }

    private async Task<int> DistrictOfAsync(int schoolId, CancellationToken ct) =>
        (await tree.NearestAboveAsync(schoolId, DistrictKinds, ct))?.Id ?? schoolId;

    /// <summary>The change, when the caller may see it: the guardian who asked, or staff of a unit on its route.</summary>
    public Task<StatusChange?> FindAsync(long id, CancellationToken ct = default)
    {
        var changes = db.Changes.AsNoTracking().Where(c => c.Id == id);
        return Caller.ParentAccountId is Guid parent
            ? changes.FirstOrDefaultAsync(c => c.ParentAccountId == parent, ct)
            // The steps are scoped: a change is seen by the units of its route (and those above them).
            : changes.FirstOrDefaultAsync(c => db.Steps.Any(s => s.ChangeId == c.Id), ct);
    }

    public async Task<Outcome<StatusChange>> DecideAsync(long id, DecideStep input, CancellationToken ct = default)
    {
        var change = await db.Changes.SingleOrDefaultAsync(c => c.Id == id && db.Steps.Any(s => s.ChangeId == c.Id), ct);
        if (change is null || Caller.ParentAccountId is not null)
        {
            return Outcome<StatusChange>.NotFound(t["Change.NotFound"]);
        }
        // A step returned for correction and answered decides again: the change's state says whose turn it is.
        var step = await db.Steps.SingleOrDefaultAsync(s => s.ChangeId == id && s.Sequence == change.CurrentStep, ct);
        if (change.State != ChangeState.UnderReview || step is null
            || (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [step.OrgUnitId], ct)).Count == 0)
        {
            return Outcome<StatusChange>.Conflict("decision", t["Step.NotYours"]);
        }
        var note = input.Note?.Trim();
        if (input.Decision is StepDecision.Returned or StepDecision.Refused && (string.IsNullOrEmpty(note) || note.Length > 500))
        {
            return Outcome<StatusChange>.Invalid(new InputErrors().Add("note", t[input.Decision == StepDecision.Returned ? "Step.Missing" : "Step.Why", 500]));
        }
        var today = CityDate.Today(clock);
        var now = clock.GetUtcNow();
        (step.Decision, step.Note, step.DecidedBy, step.DecidedAt) = (input.Decision, note, Caller.ActorName, now);
        change.Revision++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        switch (input.Decision)
        {
            case StepDecision.Returned:
                change.State = ChangeState.Returned;
                db.Pauses.Add(new ChangePause { ChangeId = id, From = today, Missing = note! });
                break;
            case StepDecision.Refused:
                (change.State, change.EndedAt) = (ChangeState.Refused, now);
                break;
            case StepDecision.Accepted:
                if (await PlaceAsync(change, step, input, ct) is { } refused)
                {
                    return refused;
                }
                // The route's length is the change's, not what the reviewer's scope shows of it.
                if (change.Kind == ChangeKind.Suspension && change.CurrentStep == change.StepCount && !await materials.AnyAsync(change.Id, ct))
                {
                    return Outcome<StatusChange>.Conflict("decision", t["Change.NoCertificate"]);
                }
                if (change.CurrentStep < change.StepCount)
                {
                    change.CurrentStep++;
                    break;
                }
                (change.State, change.EndedAt, change.EffectiveOn) = (ChangeState.Completed, now, today);
                if (await SaveAsync(ct) is { } busyBefore)
                {
                    return busyBefore;
                }
                try
                {
                    if (change.Kind == ChangeKind.TransferIn)
                    {
                        change.StudentId = await registry.ReceiveAsync(tx.GetDbTransaction(), await IncomingAsync(change, ct), change.ToSchoolId!.Value,
                            change.ToClassId, today, "status-change:" + change.Number, ct);
                    }
                    else
                    {
                        await registry.ApplyAsync(tx.GetDbTransaction(), MoveOf(change, today), "status-change:" + change.Number, ct);
                    }
                }
                catch (StudentMoveRefusedException)
                {
                    return Outcome<StatusChange>.Conflict("decision", t["Change.StudentChanged", change.StudentName]);
                }
                break;
            default:
                return Outcome<StatusChange>.Invalid(new InputErrors().Add("decision", t["Step.Decision"]));
        }
        if (await SaveAsync(ct) is { } busy)
        {
            return busy;
        }
        await tx.CommitAsync(ct);
        return Outcome<StatusChange>.Ok(change);
    }

    /// <summary>Saves; a change another reviewer or the applicant moved meanwhile is a conflict to reload, not an error.</summary>
    private async Task<Outcome<StatusChange>?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<StatusChange>.Conflict("revision", t["Change.Moved"]);
        }
    }

    /// <summary>
    /// The class a receiving school (or, for 复学, the school) places the student in: one of its classes; one at or
    /// over <see cref="LargeClass"/> only when the reviewer confirms it. Null when placed (or nothing to place).
    /// </summary>
    private async Task<Outcome<StatusChange>?> PlaceAsync(StatusChange change, ChangeStep step, DecideStep input, CancellationToken ct)
    {
        var places = (change.Kind is ChangeKind.Transfer or ChangeKind.TransferIn && step.Role == StepRole.ReceivingSchool)
            || (change.Kind == ChangeKind.Resumption && step.Role == StepRole.SendingSchool);
        if (!places || input.ClassId is not long classId)
        {
            return null;
        }
        var school = change.Kind is ChangeKind.Transfer or ChangeKind.TransferIn ? change.ToSchoolId!.Value : change.FromSchoolId;
        var chosen = (await registry.ClassesAsync(school, ct)).FirstOrDefault(c => c.ClassId == classId);
        if (chosen is null)
        {
            return Outcome<StatusChange>.Invalid(new InputErrors().Add("classId", t["Step.Class"]));
        }
        if (chosen.Students >= LargeClass && !input.ConfirmLargeClass)
        {
            return Outcome<StatusChange>.Conflict("confirmLargeClass", t["Step.LargeClass", chosen.Name, chosen.Students, LargeClass]);
        }
        change.ToClassId = classId;
        step.ConfirmedLargeClass = chosen.Students >= LargeClass;
        return null;
    }

    private static StudentMove MoveOf(StatusChange change, DateOnly today) => change.Kind switch
    {
        ChangeKind.Transfer => new(StudentMoveKind.Transfer, change.StudentId!.Value, change.StudentRevision, today, change.ToSchoolId, change.ToClassId),
        ChangeKind.TransferOut => new(StudentMoveKind.LeaveCity, change.StudentId!.Value, change.StudentRevision, today),
        ChangeKind.Suspension => new(StudentMoveKind.Suspend, change.StudentId!.Value, change.StudentRevision, today),
        ChangeKind.Resumption => new(StudentMoveKind.Resume, change.StudentId!.Value, change.StudentRevision, today, null, change.ToClassId),
        _ => throw new InvalidOperationException($"No registry move for {change.Kind}."),
    };

    /// <summary>The applicant answers a 补正: the change goes back to the step that returned it, and the clocks run again.</summary>
    public async Task<Outcome<StatusChange>> ResubmitAsync(long id, string? answer, CancellationToken ct = default)
    {
        var change = await db.Changes.SingleOrDefaultAsync(c => c.Id == id, ct);
        var mayAnswer = change is not null && (Caller.ParentAccountId is Guid parent
            ? change.ParentAccountId == parent
            : change.Applicant == Applicant.School
              && (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [change.FromSchoolId], ct)).Count > 0);
        if (change is null || !mayAnswer)
        {
            return Outcome<StatusChange>.NotFound(t["Change.NotFound"]);
        }
        if (change.State != ChangeState.Returned)
        {
            return Outcome<StatusChange>.Conflict("state", t["Change.NotReturned"]);
        }
        var text = answer?.Trim() ?? "";
        if (text.Length > 500)
        {
            return Outcome<StatusChange>.Invalid(new InputErrors().Add("answer", t["Change.Answer", 500]));
        }
        var pause = await db.Pauses.Where(p => p.ChangeId == id && p.To == null).SingleAsync(ct);
        (pause.To, pause.Answer) = (CityDate.Today(clock), text.Length == 0 ? null : text);
        // Back to the step that returned it, which decides again (its row keeps the return until then).
        change.State = ChangeState.UnderReview;
        change.Revision++;
        if (await SaveAsync(ct) is { } busy)
        {
            return busy;
        }
        return Outcome<StatusChange>.Ok(change);
    }

    /// <summary>The child a 转入 brings, as the registry takes them.</summary>
    private async Task<IncomingStudent> IncomingAsync(StatusChange change, CancellationToken ct)
    {
        var child = await db.Incoming.AsNoTracking().SingleAsync(i => i.ChangeId == change.Id, ct);
        return new IncomingStudent(change.StudentNumber, change.StudentName, child.GenderCode, child.BirthDate, child.GuardianName,
            child.GuardianRelationCode, child.GuardianPhone);
    }

    // The national 学籍号: G and a resident ID (or L and 18 characters for a child without one), as the national system issues them.
    [GeneratedRegex("^[GLJ][0-9A-Z]{17,18}$")]
    private static partial Regex StudentNumberPattern();
}
