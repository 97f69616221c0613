using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Growth.Data;
using Qedu.Growth.Domain;
using Qedu.Growth.Resources;
using Qedu.Growth.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;

namespace Qedu.Growth.Features.Records;

/// <summary>An entry or a piece of evidence as sent: the area (or the 十个一 item, which names its area), a quantity for counted items, what, when.</summary>
internal sealed record NewRecordEntry(GrowthArea? Area, string? Item, int? Quantity, string? Title, string? Detail, DateOnly? OccurredOn);

/// <summary>The school's decision on a guardian's evidence: accept, or return with a note saying why.</summary>
internal sealed record EvidenceReview(bool? Accept, string? Note);

/// <summary>Confirms a class's records for a term; comments (评语) by student id, optional.</summary>
internal sealed record ConfirmTerm(int? Year, int? Term, IReadOnlyDictionary<long, string>? Comments);

/// <summary>A class the caller keeps records for, with this term's progress.</summary>
internal sealed record RecordClass(long ClassId, string SchoolName, string Name, string GradeCode, int Students, int Entries, int Pending, int Confirmed);

/// <summary>A student of a class with this term's progress: entries, evidence waiting, 十个一 items done, confirmed.</summary>
internal sealed record RecordPupil(long StudentId, string StudentNumber, string Name, int Entries, int Pending, int ItemsDone, bool Confirmed);

/// <summary>A class's page: its students and whether the term may be confirmed (no evidence waiting).</summary>
internal sealed record ClassRecords(long ClassId, string SchoolName, string ClassName, int Year, int Term, IReadOnlyList<RecordPupil> Pupils, bool MayConfirm);

/// <summary>One line of a record: a teacher's entry, accepted evidence, or what Qedu adds itself (the fitness result, practice days).</summary>
public sealed record RecordLine(
    string Kind, long? Id, GrowthArea Area, string? Item, int? Quantity, string Title, string? Detail, DateOnly On, int Year, int Term, string By,
    bool HasFile);

/// <summary>A guardian's evidence as the school reviews it or the guardian follows it.</summary>
public sealed record EvidenceLine(
    long Id, GrowthArea Area, string? Item, int? Quantity, string Title, string? Detail, DateOnly On, EvidenceState State, string? Note, bool HasFile);

/// <summary>A 十个一 item's progress: the sum or the number of entries against the target.</summary>
public sealed record ItemProgress(string Code, string Name, GrowthArea Area, int Done, int Target, string Unit, bool Complete);

/// <summary>A term's confirmation as the record shows it.</summary>
public sealed record TermLine(int Year, int Term, string? Comment, DateOnly ConfirmedOn);

/// <summary>
/// A student's growth record: the student, every line by area, the 十个一 items' progress, the evidence waiting (or, for
/// the guardian, all of theirs) and the confirmed terms.
/// </summary>
public sealed record StudentRecord(
    long StudentId, string StudentNumber, string Name, string SchoolName, string? ClassName, int Year, int Term, IReadOnlyList<RecordLine> Lines,
    IReadOnlyList<ItemProgress> Items, IReadOnlyList<EvidenceLine> Evidence, IReadOnlyList<TermLine> Terms, bool TermConfirmed);

/// <summary>A guardian's child with the record's summary.</summary>
internal sealed record ChildRecordSummary(long StudentId, string Name, string SchoolName, int ItemsDone, int Items, int Pending);

/// <summary>An evidence file to send back: its bytes, type and name.</summary>
internal sealed record EvidenceFile(Stream Content, string MediaType, string FileName);

/// <summary>
/// The growth record (成长档案): teachers add entries for the students of their own classes (the registry decides which,
/// by its own-classes rule) and a school administrator for any class of the school; guardians send evidence, which the
/// school accepts or returns; the school confirms each term (<c>growth.record-confirm</c>), after which the term is
/// closed. Every read of a named child's record by staff is an audit line (<c>growth.record-read</c>); a guardian reads
/// only their own children's. docs/growth.md, "Growth record".
/// </summary>
internal sealed class GrowthRecords(
    GrowthDb db, GrowthAccess access, RecordRules rules, PracticeRules practice, IStudentRoster roster, IStudentMoves students, ParentAccounts parents,
    IFileStore files, AuditTrail audit, OrgTree tree, TimeProvider clock, IStringLocalizer<GrowthText> t)
{
    public const string ReadAction = "growth.record-read";
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxQuantity = 1000;

    public RecordRules Rules => rules;

    private (int Year, int Term) Now => rules.TermOf(CityDate.Today(clock));

    // ---- staff ----

    /// <summary>The classes the caller keeps records for (a teacher: its own; a school administrator: the school's), with this term's progress.</summary>
    public async Task<IReadOnlyList<RecordClass>> ClassesAsync(CancellationToken ct)
    {
        var schools = await access.SchoolsAsync(Permissions.GrowthRecord, ct);
        var classes = await roster.ClassesAsync([.. schools.Select(s => s.Id)], ct);
        var ids = classes.Select(c => (long?)c.ClassId).ToList();
        var (year, term) = Now;
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.ClassId) && e.SchoolYear == year && e.Term == term)
            .GroupBy(e => e.ClassId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var pending = await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ClassId) && e.State == EvidenceState.Pending)
            .GroupBy(e => e.ClassId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var confirmed = await db.Confirmations.AsNoTracking().Where(c => ids.Contains(c.ClassId) && c.SchoolYear == year && c.Term == term)
            .GroupBy(c => c.ClassId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var names = schools.ToDictionary(s => s.Id, s => s.Name);
        return [.. classes.Select(c => new RecordClass(c.ClassId, names[c.SchoolId], c.Name, c.GradeCode, c.Students, entries.GetValueOrDefault(c.ClassId),
            pending.GetValueOrDefault(c.ClassId), confirmed.GetValueOrDefault(c.ClassId)))];
    }

    /// <summary>A class's students with this term's progress (named: audited); null when the class is not one the caller keeps.</summary>
    public async Task<ClassRecords?> ClassAsync(long classId, CancellationToken ct)
    {
        var pupils = await roster.InClassAsync(classId, ct);
        if (pupils.Count == 0 || !await access.MayAsync(Permissions.GrowthRecord, pupils[0].SchoolId, ct))
        {
            return null;
        }
        var ids = pupils.Select(p => p.StudentId).ToList();
        var (year, term) = Now;
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.StudentId)).Select(e => new { e.StudentId, e.SchoolYear, e.Term, e.ItemCode, e.Quantity }).ToListAsync(ct);
        var evidence = await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.StudentId) && e.State != EvidenceState.Returned)
            .Select(e => new { e.StudentId, e.State, e.ItemCode, e.Quantity }).ToListAsync(ct);
        var confirmed = await db.Confirmations.AsNoTracking().Where(c => ids.Contains(c.StudentId) && c.SchoolYear == year && c.Term == term)
            .Select(c => c.StudentId).ToListAsync(ct);
        await audit.RecordAsync(ReadAction, "SchoolClass", classId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            details: $"class list of growth records, {year}-{term}; students={pupils.Count}", ct: ct);
        var school = (await tree.NamesOfAsync([pupils[0].SchoolId], ct)).GetValueOrDefault(pupils[0].SchoolId, "");
        var rows = pupils.Select(p =>
        {
            var counted = entries.Where(e => e.StudentId == p.StudentId).Select(e => (e.ItemCode, e.Quantity))
                .Concat(evidence.Where(e => e.StudentId == p.StudentId && e.State == EvidenceState.Accepted).Select(e => (e.ItemCode, e.Quantity)));
            return new RecordPupil(p.StudentId, p.StudentNumber, p.Name, entries.Count(e => e.StudentId == p.StudentId && e.SchoolYear == year && e.Term == term),
                evidence.Count(e => e.StudentId == p.StudentId && e.State == EvidenceState.Pending), Progress(counted).Count(i => i.Complete), confirmed.Contains(p.StudentId));
        }).ToList();
        return new ClassRecords(classId, school, pupils[0].ClassName ?? "", year, term, rows, rows.All(r => r.Pending == 0));
    }

    /// <summary>A student's whole record for staff who keep it (audited before it is returned); null when not the caller's to read.</summary>
    public async Task<StudentRecord?> StudentAsync(long studentId, CancellationToken ct)
    {
        var pupil = await KeptPupilAsync(studentId, ct);
        if (pupil is null)
        {
            return null;
        }
        await audit.RecordAsync(ReadAction, "Student", studentId.ToString(System.Globalization.CultureInfo.InvariantCulture), details: "growth record", ct: ct);
        return await RecordOfAsync(pupil.StudentId, pupil.StudentNumber, pupil.Name, pupil.SchoolId, pupil.ClassName, parent: null, ct);
    }

    /// <summary>A teacher's (or the school's) entry in a student's record; refused in a confirmed term.</summary>
    public async Task<Outcome<long>> AddEntryAsync(long studentId, NewRecordEntry body, CancellationToken ct)
    {
        var pupil = await KeptPupilAsync(studentId, ct);
        if (pupil is null)
        {
            return Outcome<long>.NotFound(t["Record.NotFound"]);
        }
        var (errors, area, item, day) = Check(body);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var (year, term) = rules.TermOf(day);
        if (await ConfirmedAsync(studentId, year, term, ct))
        {
            return Outcome<long>.Conflict(t["Record.TermConfirmed", RecordRules.TermName(year, term, CodeBook.IsEnglish)]);
        }
        var entry = new GrowthEntry
        {
            OrgUnitId = pupil.SchoolId, StudentId = studentId, StudentNumber = pupil.StudentNumber, ClassId = pupil.ClassId, SchoolYear = year, Term = term,
            Area = area, ItemCode = item?.Code, Quantity = item?.Kind == ItemRule.Count ? body.Quantity : null, Title = body.Title!.Trim(),
            Detail = Clean(body.Detail), OccurredOn = day, RecordedBy = access.ActorName, RecordedAt = clock.GetUtcNow(),
        };
        db.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(entry.Id);
    }

    /// <summary>Removes an entry of an open term (a mistake); only its author or a school administrator (who confirms terms).</summary>
    public async Task<Outcome<long>> RemoveEntryAsync(long entryId, CancellationToken ct)
    {
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null || await KeptPupilAsync(entry.StudentId, ct) is null)
        {
            return Outcome<long>.NotFound(t["Record.EntryNotFound"]);
        }
        if (entry.RecordedBy != access.ActorName && !await access.MayAsync(Permissions.GrowthRecordConfirm, entry.OrgUnitId, ct))
        {
            return Outcome<long>.Forbidden(t["Record.NotYourEntry"]);
        }
        if (await ConfirmedAsync(entry.StudentId, entry.SchoolYear, entry.Term, ct))
        {
            return Outcome<long>.Conflict(t["Record.TermConfirmed", RecordRules.TermName(entry.SchoolYear, entry.Term, CodeBook.IsEnglish)]);
        }
        db.Entries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(entry.StudentId);
    }

    /// <summary>Accepts a guardian's evidence into the record, or returns it with a note. Only evidence still waiting.</summary>
    public async Task<Outcome<EvidenceState>> ReviewAsync(long evidenceId, EvidenceReview body, CancellationToken ct)
    {
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence is null || await KeptPupilAsync(evidence.StudentId, ct) is null)
        {
            return Outcome<EvidenceState>.NotFound(t["Record.EvidenceNotFound"]);
        }
        var errors = new InputErrors();
        var note = Clean(body.Note);
        if (body.Accept is null)
        {
            errors.Add("accept", t["Record.Review.Accept"]);
        }
        else if (body.Accept == false && note is null)
        {
            errors.Add("note", t["Record.Review.Note"]);
        }
        else if (note?.Length > 300)
        {
            errors.Add("note", t["Record.Review.NoteLength", 300]);
        }
        if (errors.Any)
        {
            return Outcome<EvidenceState>.Invalid(errors);
        }
        var state = body.Accept == true ? EvidenceState.Accepted : EvidenceState.Returned;
        // One decision: the row changes only while it is still waiting, so two reviewers cannot both decide.
        var changed = await db.Evidence.Where(e => e.Id == evidenceId && e.State == EvidenceState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.State, state).SetProperty(e => e.ReviewNote, note).SetProperty(e => e.ReviewedBy, access.ActorName)
            .SetProperty(e => e.ReviewedAt, clock.GetUtcNow()), ct);
        return changed == 1 ? Outcome<EvidenceState>.Ok(state) : Outcome<EvidenceState>.Conflict(t["Record.Review.Decided"]);
    }

    /// <summary>
    /// Confirms the term for every enrolled student of a class not yet confirmed, with the comments given. Refused while
    /// evidence waits for review, or for a term not yet begun. Returns how many were confirmed now.
    /// </summary>
    public async Task<Outcome<int>> ConfirmAsync(long classId, ConfirmTerm body, CancellationToken ct)
    {
        var pupils = await roster.InClassAsync(classId, ct);
        if (pupils.Count == 0 || !await access.MayAsync(Permissions.GrowthRecordConfirm, pupils[0].SchoolId, ct))
        {
            return Outcome<int>.NotFound(t["Record.ClassNotFound"]);
        }
        var now = Now;
        var year = body.Year ?? now.Year;
        var term = body.Term ?? now.Term;
        var errors = new InputErrors();
        if (term is not (1 or 2))
        {
            errors.Add("term", t["Record.Confirm.Term"]);
        }
        else if ((year, term).CompareTo(now) > 0 || year < now.Year - 6)
        {
            errors.Add("year", t["Record.Confirm.NotBegun"]);
        }
        var ids = pupils.Select(p => p.StudentId).ToList();
        foreach (var (id, comment) in body.Comments ?? new Dictionary<long, string>())
        {
            if (!ids.Contains(id))
            {
                errors.Add($"comments.{id}", t["Record.Confirm.NotInClass"]);
            }
            else if (comment?.Trim().Length > 500)
            {
                errors.Add($"comments.{id}", t["Record.Confirm.CommentLength", 500]);
            }
        }
        if (errors.Any)
        {
            return Outcome<int>.Invalid(errors);
        }
        var waiting = await db.Evidence.CountAsync(e => ids.Contains(e.StudentId) && e.State == EvidenceState.Pending && e.SchoolYear == year && e.Term == term, ct);
        if (waiting > 0)
        {
            return Outcome<int>.Conflict(t["Record.Confirm.Waiting", waiting]);
        }
        var done = await db.Confirmations.Where(c => ids.Contains(c.StudentId) && c.SchoolYear == year && c.Term == term).Select(c => c.StudentId).ToListAsync(ct);
        var at = clock.GetUtcNow();
        var added = 0;
        foreach (var pupil in pupils.Where(p => !done.Contains(p.StudentId)))
        {
            db.Confirmations.Add(new TermConfirmation
            {
                OrgUnitId = pupil.SchoolId, StudentId = pupil.StudentId, ClassId = classId, SchoolYear = year, Term = term,
                Comment = Clean(body.Comments?.GetValueOrDefault(pupil.StudentId)), ConfirmedBy = access.ActorName, ConfirmedAt = at,
            });
            added++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another confirmation of the same class ran meanwhile (the unique index on student and term): it stands.
            db.ChangeTracker.Clear();
            return Outcome<int>.Conflict(t["Record.Confirm.Concurrent"]);
        }
        return Outcome<int>.Ok(added);
    }

    /// <summary>An evidence file: for the guardian who sent it, or staff who keep the student's record (audited).</summary>
    public async Task<EvidenceFile?> OpenFileAsync(long evidenceId, CancellationToken ct)
    {
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence?.FileHash is null)
        {
            return null;
        }
        if (access.Caller.ParentAccountId is Guid parent)
        {
            if (evidence.ParentAccountId != parent)
            {
                return null;
            }
        }
        else if (await KeptPupilAsync(evidence.StudentId, ct) is null)
        {
            return null;
        }
        else
        {
            await audit.RecordAsync(ReadAction, "GrowthEvidence", evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture), details: "evidence file", ct: ct);
        }
        var stream = await files.OpenAsync(evidence.FileHash, ct);
        return stream is null ? null : new EvidenceFile(stream, evidence.MediaType!, evidence.FileName ?? "evidence");
    }

    // ---- guardians ----

    /// <summary>The signed-in guardian's children with their records' summaries.</summary>
    public async Task<IReadOnlyList<ChildRecordSummary>> ChildrenAsync(CancellationToken ct)
    {
        var children = await ChildrenOfParentAsync(ct);
        var ids = children.Select(c => c.StudentId).ToList();
        var entries = await db.Entries.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(e => ids.Contains(e.StudentId))
            .Select(e => new { e.StudentId, e.ItemCode, e.Quantity }).ToListAsync(ct);
        var evidence = await db.Evidence.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(e => ids.Contains(e.StudentId) && e.State != EvidenceState.Returned)
            .Select(e => new { e.StudentId, e.State, e.ItemCode, e.Quantity }).ToListAsync(ct);
        var schools = await tree.NamesOfAsync(children.Select(c => c.SchoolId).Distinct(), ct);
        return [.. children.Select(c => new ChildRecordSummary(c.StudentId, c.Name, schools.GetValueOrDefault(c.SchoolId, ""),
            Progress(entries.Where(e => e.StudentId == c.StudentId).Select(e => (e.ItemCode, e.Quantity))
                .Concat(evidence.Where(e => e.StudentId == c.StudentId && e.State == EvidenceState.Accepted).Select(e => (e.ItemCode, e.Quantity)))).Count(i => i.Complete),
            rules.Items.Length, evidence.Count(e => e.StudentId == c.StudentId && e.State == EvidenceState.Pending)))];
    }

    /// <summary>A guardian's own child's record, with all the evidence the guardian sent; null for a child not theirs.</summary>
    public async Task<StudentRecord?> ChildAsync(long studentId, CancellationToken ct)
    {
        var child = (await ChildrenOfParentAsync(ct)).FirstOrDefault(c => c.StudentId == studentId);
        return child is null ? null
            : await RecordOfAsync(child.StudentId, child.StudentNumber, child.Name, child.SchoolId, child.ClassName, access.Caller.ParentAccountId, ct);
    }

    /// <summary>A guardian sends evidence for their child (with an optional file); it waits for the school's review.</summary>
    public async Task<Outcome<long>> SendEvidenceAsync(long studentId, NewRecordEntry body, string? fileName, long length, Stream? content, CancellationToken ct)
    {
        var child = (await ChildrenOfParentAsync(ct)).FirstOrDefault(c => c.StudentId == studentId);
        if (child is null)
        {
            return Outcome<long>.NotFound(t["Record.NotFound"]);
        }
        var (errors, area, item, day) = Check(body);
        FileCheck check = default;
        if (content is not null && length > 0)
        {
            check = FileKinds.Check(await FileKinds.ReadHeadAsync(content, ct), length, FileKinds.ScansAndPictures, MaxFileBytes, fileName);
            if (!check.IsAccepted)
            {
                errors.Add("file", t[$"Record.File.{check.Problem}", MaxFileBytes / 1024 / 1024]);
            }
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var (year, term) = rules.TermOf(day);
        if (await ConfirmedAsync(studentId, year, term, ct))
        {
            return Outcome<long>.Conflict(t["Record.TermConfirmed", RecordRules.TermName(year, term, CodeBook.IsEnglish)]);
        }
        StoredFile? stored = null;
        if (check.Kind is not null)
        {
            content!.Position = 0;
            stored = await files.PutAsync(content, ct);
        }
        var evidence = new GrowthEvidence
        {
            OrgUnitId = child.SchoolId, ParentAccountId = access.Caller.ParentAccountId!.Value, StudentId = studentId, StudentNumber = child.StudentNumber,
            ClassId = child.ClassId, SchoolYear = year, Term = term, Area = area, ItemCode = item?.Code, Quantity = item?.Kind == ItemRule.Count ? body.Quantity : null,
            Title = body.Title!.Trim(), Detail = Clean(body.Detail), OccurredOn = day, FileHash = stored?.Hash, FileName = stored is null ? null : FileKinds.CleanName(fileName),
            MediaType = check.Kind?.MediaType, State = EvidenceState.Pending, SentAt = clock.GetUtcNow(),
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(evidence.Id);
    }

    // ---- shared ----

    /// <summary>The record of one student: entries, accepted evidence, the fitness results and practice days Qedu holds, items, terms.</summary>
    private async Task<StudentRecord> RecordOfAsync(long studentId, string number, string name, int schoolId, string? className, Guid? parent, CancellationToken ct)
    {
        var (year, term) = Now;
        var entries = await db.Entries.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(e => e.StudentId == studentId).ToListAsync(ct);
        var evidence = await db.Evidence.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(e => e.StudentId == studentId && (e.State == EvidenceState.Accepted || (parent == null ? e.State == EvidenceState.Pending : e.ParentAccountId == parent)))
            .ToListAsync(ct);
        var fitness = await db.Fitness.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(f => f.StudentId == studentId)
            .Select(f => new { f.SchoolYear, f.TestedOn, f.Total, f.Level, f.Exempt }).ToListAsync(ct);
        var days = await db.CheckIns.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => c.StudentId == studentId)
            .Select(c => new { c.SchoolYear, c.Day }).Distinct().ToListAsync(ct);
        var terms = await db.Confirmations.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => c.StudentId == studentId)
            .OrderBy(c => c.SchoolYear).ThenBy(c => c.Term).Select(c => new { c.SchoolYear, c.Term, c.Comment, c.ConfirmedAt }).ToListAsync(ct);
        var english = CodeBook.IsEnglish;
        var lines = entries.Select(e => new RecordLine("entry", e.Id, e.Area, e.ItemCode, e.Quantity, e.Title, e.Detail, e.OccurredOn, e.SchoolYear, e.Term, e.RecordedBy, false))
            .Concat(evidence.Where(e => e.State == EvidenceState.Accepted).Select(e => new RecordLine("evidence", e.Id, e.Area, e.ItemCode, e.Quantity, e.Title, e.Detail,
                e.OccurredOn, e.SchoolYear, e.Term, t["Record.ByGuardian"], e.FileHash is not null)))
            .Concat(fitness.Select(f => new RecordLine("fitness", null, GrowthArea.Health, null, null,
                f.Exempt ? t["Record.Fitness.Exempt"] : t["Record.Fitness", f.Total.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), t[$"Level.{f.Level}"]],
                null, f.TestedOn, f.SchoolYear, rules.TermOf(f.TestedOn).Term, t["Record.ByQedu"], false)))
            .Concat(days.GroupBy(d => d.SchoolYear).Select(g => new RecordLine("practice", null, GrowthArea.Practice, null, g.Count(),
                t["Record.PracticeDays", g.Count(), practice.DaysPerYear], null, g.Max(d => d.Day), g.Key, rules.TermOf(g.Max(d => d.Day)).Term, t["Record.ByQedu"], false)))
            .OrderByDescending(l => l.On).ToList();
        var counted = entries.Select(e => (e.ItemCode, e.Quantity)).Concat(evidence.Where(e => e.State == EvidenceState.Accepted).Select(e => (e.ItemCode, e.Quantity)));
        var school = (await tree.NamesOfAsync([schoolId], ct)).GetValueOrDefault(schoolId, "");
        return new StudentRecord(studentId, number, name, school, className, year, term, lines, Progress(counted),
            [.. evidence.Where(e => e.State != EvidenceState.Accepted || parent is not null).OrderByDescending(e => e.SentAt)
                .Select(e => new EvidenceLine(e.Id, e.Area, e.ItemCode, e.Quantity, e.Title, e.Detail, e.OccurredOn, e.State, e.ReviewNote, e.FileHash is not null))],
            [.. terms.Select(c => new TermLine(c.SchoolYear, c.Term, c.Comment, DateOnly.FromDateTime(c.ConfirmedAt.ToOffset(CityDate.Offset).DateTime)))],
            terms.Any(c => c.SchoolYear == year && c.Term == term));
    }

    /// <summary>Each 十个一 item's progress from the (item, quantity) pairs of the entries that count.</summary>
    private List<ItemProgress> Progress(IEnumerable<(string? Item, int? Quantity)> counted)
    {
        var english = CodeBook.IsEnglish;
        var byItem = counted.Where(c => c.Item is not null).GroupBy(c => c.Item!).ToDictionary(g => g.Key, g => g.ToList());
        return [.. rules.Items.Select(i =>
        {
            var mine = byItem.GetValueOrDefault(i.Code) ?? [];
            var done = i.Kind == ItemRule.Count ? mine.Sum(m => m.Quantity ?? 0) : mine.Count;
            return new ItemProgress(i.Code, i.Name(english), i.Area, done, i.Target, i.Unit(english), done >= i.Target);
        })];
    }

    private (InputErrors Errors, GrowthArea Area, TenItem? Item, DateOnly Day) Check(NewRecordEntry body)
    {
        var errors = new InputErrors();
        var today = CityDate.Today(clock);
        TenItem? item = null;
        if (!string.IsNullOrWhiteSpace(body.Item))
        {
            item = rules.Item(body.Item.Trim());
            if (item is null)
            {
                errors.Add("item", t["Record.Item", string.Join(", ", rules.Items.Select(i => i.Code))]);
            }
        }
        var area = item?.Area ?? body.Area ?? 0;
        if (item is not null && body.Area is { } given && given != item.Area)
        {
            errors.Add("area", t["Record.AreaOfItem", rules.Area(item.Area).Zh]);
        }
        else if (!Enum.IsDefined(area))
        {
            errors.Add("area", t["Record.Area"]);
        }
        if (item?.Kind == ItemRule.Count && body.Quantity is not (> 0 and <= MaxQuantity))
        {
            errors.Add("quantity", t["Record.Quantity", item.Unit(CodeBook.IsEnglish), MaxQuantity]);
        }
        var title = body.Title?.Trim() ?? "";
        if (title.Length is 0 or > 100)
        {
            errors.Add("title", t["Record.TitleRequired", 100]);
        }
        if (body.Detail?.Trim().Length > 1000)
        {
            errors.Add("detail", t["Record.Detail", 1000]);
        }
        var day = body.OccurredOn ?? today;
        if (day > today)
        {
            errors.Add("occurredOn", t["Record.Future"]);
        }
        return (errors, area, item, day);
    }

    /// <summary>The student when the caller keeps records for them: the registry shows them to the caller (scope, own classes) and the caller holds <c>growth.record</c> at their school.</summary>
    private async Task<RosterPupil?> KeptPupilAsync(long studentId, CancellationToken ct) =>
        await roster.PupilAsync(studentId, ct) is { } pupil && await access.MayAsync(Permissions.GrowthRecord, pupil.SchoolId, ct) ? pupil : null;

    private Task<bool> ConfirmedAsync(long studentId, int year, int term, CancellationToken ct) =>
        db.Confirmations.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(c => c.StudentId == studentId && c.SchoolYear == year && c.Term == term, ct);

    private async Task<IReadOnlyList<StudentStanding>> ChildrenOfParentAsync(CancellationToken ct) =>
        access.Caller.ParentAccountId is Guid parent && (await parents.FindAsync(parent, ct))?.Phone is { } phone
            ? await students.ChildrenOfGuardianAsync(phone, ct)
            : [];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
