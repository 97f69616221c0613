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
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.Mental;

/// <summary>A screening result to record: the student by 学籍号, the instrument (rules' code), the score, the risk item, the day.</summary>
internal sealed record NewScreening(string? StudentNumber, string? Instrument, double? Score, bool? RiskItem, DateOnly? ScreenedOn);

/// <summary>What a screening came to: its level and the case it opened or raised (none below the rules' level).</summary>
internal sealed record ScreeningRecorded(long Id, MentalLevel Level, long? CaseId);

/// <summary>A step of a case: the stage it moves to, the day, a note, where referred (转介), the next follow-up (not for a close).</summary>
internal sealed record NewCaseEntry(CaseStage? Stage, DateOnly? On, string? Note, string? ReferredTo, DateOnly? NextFollowUpOn);

/// <summary>Why a counsellor opens a case: the reason goes to the audit log before anything of the child is shown.</summary>
internal sealed record OpenCase(string? Reason);

/// <summary>A case as the counsellor's list shows it: no name, no number — the class, the level, the stage, the dates.</summary>
internal sealed record CaseRow(long Id, string SchoolName, string? ClassName, string GradeCode, MentalLevel Level, CaseStage Stage, DateOnly OpenedOn,
    DateOnly? NextFollowUpOn, bool Overdue);

internal sealed record ScreeningLine(DateOnly On, string Instrument, double Score, bool RiskItem, MentalLevel Level);

internal sealed record CaseEntryView(CaseStage Stage, DateOnly On, string Note, string? ReferredTo, string RecordedBy);

/// <summary>An opened case: the child, their screenings, every step with its note.</summary>
internal sealed record CaseView(
    long Id, string StudentNumber, string Name, string SchoolName, string? ClassName, string GradeCode, MentalLevel Level, CaseStage Stage,
    DateOnly OpenedOn, DateOnly? NextFollowUpOn, bool Overdue, IReadOnlyList<ScreeningLine> Screenings, IReadOnlyList<CaseEntryView> Entries);

/// <summary>A school's (or the whole scope's) counts: students screened this school year and at each level, open cases, follow-ups overdue.</summary>
internal sealed record MentalCounts(string Code, string Name, int Screened, int Watch, int Concern, int Crisis, int OpenCases, int Overdue);

/// <summary>The mental-health figures of the caller's scope by school; <see cref="Counsellor"/>: the caller keeps cases.</summary>
internal sealed record MentalView(int Year, MentalCounts Total, IReadOnlyList<MentalCounts> Schools, bool Counsellor);

/// <summary>
/// Mental-health screening and follow-up (筛查、识别、干预、跟踪): counsellors (<c>growth.mental</c>) record results, a result
/// at the rules' level opens a case with its first follow-up due on the working-day calendar, and a case is opened with a
/// reason (audited) before the child is named. Everyone with <c>growth.read</c> sees counts by school, never a child.
/// </summary>
internal sealed class MentalCare(
    GrowthDb db, GrowthAccess access, MentalRules rules, IStudentRoster roster, WorkingCalendar calendar, FieldEncryption encryption, AuditTrail audit,
    OrgTree tree, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    public const int MinReason = 4;

    public MentalRules Rules => rules;

    public async Task<Outcome<ScreeningRecorded>> RecordAsync(NewScreening body, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var errors = new InputErrors();
        var number = body.StudentNumber?.Trim().ToUpperInvariant() ?? "";
        var instrument = rules.Find(body.Instrument);
        var day = body.ScreenedOn ?? today;
        if (number.Length is 0 or > 30)
        {
            errors.Add("studentNumber", t["Mental.Student.Required"]);
        }
        if (instrument is null)
        {
            errors.Add("instrument", t["Mental.Instrument", string.Join(", ", rules.Instruments.Select(i => i.Code))]);
        }
        else if (body.Score is not { } score || score < instrument.Min || score > instrument.Max)
        {
            errors.Add("score", t["Mental.Score", instrument.Min, instrument.Max]);
        }
        if (day > today || day < today.AddYears(-1))
        {
            errors.Add("screenedOn", t["Mental.Day"]);
        }
        if (errors.Any)
        {
            return Outcome<ScreeningRecorded>.Invalid(errors);
        }
        var student = (await roster.EnrolledOnAsync([number], day, ct)).GetValueOrDefault(number);
        if (student is null || !await access.MayAsync(Permissions.GrowthMental, student.SchoolId, ct))
        {
            return Outcome<ScreeningRecorded>.Invalid(errors.Add("studentNumber", t["Mental.Student.NotFound", number, HealthFile.Day(day)]));
        }
        if (!instrument!.Grades.Contains(student.GradeCode ?? ""))
        {
            return Outcome<ScreeningRecorded>.Invalid(errors.Add("instrument", t["Mental.Grade", instrument.Code, student.GradeCode ?? "—"]));
        }
        var level = MentalRules.LevelOf(instrument, body.Score!.Value, body.RiskItem == true);
        var now = clock.GetUtcNow();
        var screening = new MentalScreening
        {
            OrgUnitId = student.SchoolId, StudentId = student.StudentId, StudentNumber = student.StudentNumber, ClassName = student.ClassName,
            GradeCode = student.GradeCode!, SchoolYear = HealthFile.SchoolYearOf(day), ScreenedOn = day, Instrument = instrument.Code, Score = body.Score.Value,
            RiskItem = body.RiskItem == true && instrument.RiskItem, Level = level, RecordedAt = now, RecordedBy = access.ActorName,
        };
        db.MentalScreenings.Add(screening);
        MentalCase? opened = null;
        if (level >= rules.CaseFrom)
        {
            var due = (await calendar.CurrentAsync(ct)).AddWorkingDays(day, rules.FollowUpWorkingDays[level]);
            opened = await db.MentalCases.SingleOrDefaultAsync(c => c.StudentId == student.StudentId && c.Open, ct);
            if (opened is null)
            {
                opened = new MentalCase
                {
                    OrgUnitId = student.SchoolId, StudentId = student.StudentId, StudentNumber = student.StudentNumber, ClassName = student.ClassName,
                    GradeCode = student.GradeCode!, Level = level, Stage = CaseStage.Identified, OpenedOn = day, NextFollowUpOn = due, Open = true, RecordedAt = now,
                    RecordedBy = access.ActorName,
                };
                db.MentalCases.Add(opened);
            }
            else
            {
                // A new result on an open case: the higher level stands, and the sooner follow-up.
                opened.Level = (MentalLevel)Math.Max((int)opened.Level, (int)level);
                opened.NextFollowUpOn = opened.NextFollowUpOn is { } next && next < due ? next : due;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another screening of this student opened a case meanwhile (one open case per student): nothing was written.
            return Outcome<ScreeningRecorded>.Conflict(t["Mental.Changed"]);
        }
        return Outcome<ScreeningRecorded>.Ok(new ScreeningRecorded(screening.Id, level, opened?.Id));
    }

    /// <summary>The open cases of the schools where the caller keeps cases, overdue first, then by level: no child named.</summary>
    public async Task<IReadOnlyList<CaseRow>> CasesAsync(CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var schools = (await access.SchoolsAsync(Permissions.GrowthMental, ct)).ToDictionary(s => s.Id, s => s.DisplayName(CodeBook.IsEnglish));
        var ids = schools.Keys.ToList();
        var cases = await db.MentalCases.AsNoTracking().Where(c => c.Open && ids.Contains(c.OrgUnitId)).ToListAsync(ct);
        return [.. cases.Select(c => new CaseRow(c.Id, schools[c.OrgUnitId], c.ClassName, c.GradeCode, c.Level, c.Stage, c.OpenedOn, c.NextFollowUpOn,
                c.NextFollowUpOn < today))
            .OrderByDescending(c => c.Overdue).ThenByDescending(c => c.Level).ThenBy(c => c.NextFollowUpOn).ThenBy(c => c.Id)];
    }

    /// <summary>
    /// A case with the child named, their screenings and every step's note: for a counsellor of the child's school, with a
    /// reason of at least <see cref="MinReason"/> characters, recorded in the audit log before anything is returned.
    /// </summary>
    public async Task<Outcome<CaseView>> OpenAsync(long caseId, string? reason, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct);
        if (found is null)
        {
            return Outcome<CaseView>.NotFound(t["Mental.NoCase"]);
        }
        var why = reason?.Trim() ?? "";
        if (why.Length is < MinReason or > 200)
        {
            return Outcome<CaseView>.Invalid(new InputErrors().Add("reason", t["Mental.Reason", MinReason]));
        }
        await audit.RecordAsync("growth.mental-case.read", "MentalCase", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), found.OrgUnitId,
            $"reason={why}", ct: ct);
        var name = (await roster.NamesAsync([found.StudentId], ct)).GetValueOrDefault(found.StudentId, "—");
        var screenings = await db.MentalScreenings.AsNoTracking().Where(s => s.StudentId == found.StudentId).OrderByDescending(s => s.ScreenedOn)
            .Select(s => new ScreeningLine(s.ScreenedOn, s.Instrument, s.Score, s.RiskItem, s.Level)).ToListAsync(ct);
        var entries = (await db.MentalCaseEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.On).ThenBy(e => e.Id).ToListAsync(ct))
            .ConvertAll(e => new CaseEntryView(e.Stage, e.On, encryption.Decrypt(e.Note), e.ReferredTo, e.RecordedBy));
        var school = (await tree.NamesOfAsync([found.OrgUnitId], ct)).GetValueOrDefault(found.OrgUnitId, "");
        return Outcome<CaseView>.Ok(new CaseView(found.Id, found.StudentNumber, name, school, found.ClassName, found.GradeCode, found.Level, found.Stage,
            found.OpenedOn, found.NextFollowUpOn, found.NextFollowUpOn < CityDate.Today(clock), screenings, entries));
    }

    /// <summary>Records a step of an open case: the stage it moves to, the note (encrypted), where referred, the next follow-up; a close ends the case.</summary>
    public async Task<Outcome<long>> AddEntryAsync(long caseId, NewCaseEntry body, CancellationToken ct)
    {
        var found = await FindAsync(caseId, ct, tracked: true);
        if (found is null || !found.Open)
        {
            return Outcome<long>.NotFound(t["Mental.NoCase"]);
        }
        var today = CityDate.Today(clock);
        var errors = new InputErrors();
        var day = body.On ?? today;
        var note = body.Note?.Trim() ?? "";
        var referred = body.ReferredTo?.Trim();
        if (body.Stage is not { } stage || stage == CaseStage.Identified || !Enum.IsDefined(stage))
        {
            errors.Add("stage", t["Mental.Error.Stage"]);
            stage = CaseStage.FollowUp;
        }
        if (day > today || day < found.OpenedOn)
        {
            errors.Add("on", t["Mental.EntryDay"]);
        }
        if (note.Length is 0 or > 2000)
        {
            errors.Add("note", t["Mental.Note"]);
        }
        if (stage == CaseStage.Referred && referred is not { Length: > 0 and <= 100 })
        {
            errors.Add("referredTo", t["Mental.ReferredTo"]);
        }
        if (stage != CaseStage.Closed && (body.NextFollowUpOn is not { } next || next < day || next > day.AddDays(180)))
        {
            errors.Add("nextFollowUpOn", t["Mental.Error.Next"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var entry = new MentalCaseEntry
        {
            OrgUnitId = found.OrgUnitId, CaseId = found.Id, Stage = stage, On = day, Note = encryption.Encrypt(note),
            ReferredTo = stage == CaseStage.Referred ? referred : null, RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.MentalCaseEntries.Add(entry);
        found.Stage = stage;
        found.NextFollowUpOn = stage == CaseStage.Closed ? null : body.NextFollowUpOn;
        if (stage == CaseStage.Closed)
        {
            found.Open = false;
            found.ClosedOn = day;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(entry.Id);
    }

    /// <summary>Counts by school of the caller's <c>growth.read</c> scope, for a school year: never a child.</summary>
    public async Task<MentalView> FiguresAsync(int? year, CancellationToken ct)
    {
        var today = CityDate.Today(clock);
        var y = year ?? HealthFile.SchoolYearOf(today);
        var schools = await access.SchoolsAsync(Permissions.GrowthRead, ct);
        var ids = schools.Select(s => s.Id).ToList();
        // Each student once, at the highest level of their screenings this year.
        var students = await db.MentalScreenings.AsNoTracking().Where(s => s.SchoolYear == y && ids.Contains(s.OrgUnitId))
            .GroupBy(s => new { s.OrgUnitId, s.StudentId }).Select(g => new { g.Key.OrgUnitId, Level = g.Max(s => s.Level) }).ToListAsync(ct);
        var cases = await db.MentalCases.AsNoTracking().Where(c => c.Open && ids.Contains(c.OrgUnitId))
            .Select(c => new { c.OrgUnitId, c.NextFollowUpOn }).ToListAsync(ct);
        var byStudent = students.ToLookup(s => s.OrgUnitId);
        var byCase = cases.ToLookup(c => c.OrgUnitId);
        MentalCounts Count(string code, string name, IEnumerable<int> units)
        {
            var list = units.ToList();
            var screened = list.SelectMany(u => byStudent[u]).ToList();
            var open = list.SelectMany(u => byCase[u]).ToList();
            return new MentalCounts(code, name, screened.Count, screened.Count(s => s.Level == MentalLevel.Watch), screened.Count(s => s.Level == MentalLevel.Concern),
                screened.Count(s => s.Level == MentalLevel.Crisis), open.Count, open.Count(c => c.NextFollowUpOn < today));
        }
        var rows = schools.Where(s => byStudent[s.Id].Any() || byCase[s.Id].Any()).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => Count(s.Code, s.DisplayName(CodeBook.IsEnglish), [s.Id])).ToList();
        var counsellor = (await access.SchoolsAsync(Permissions.GrowthMental, ct)).Count > 0;
        return new MentalView(y, Count("", "", ids), rows, counsellor);
    }

    /// <summary>Whether the caller keeps this case (a counsellor of its school), open or closed: nothing of the child read.</summary>
    public async Task<bool> KeepsAsync(long caseId, CancellationToken ct) => await FindAsync(caseId, ct) is not null;

    /// <summary>A case of a school where the caller keeps cases (through the scope filter as well), or null.</summary>
    private async Task<MentalCase?> FindAsync(long caseId, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.MentalCases : db.MentalCases.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        return found is not null && await access.MayAsync(Permissions.GrowthMental, found.OrgUnitId, ct) ? found : null;
    }
}
