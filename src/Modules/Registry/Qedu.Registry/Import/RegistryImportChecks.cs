using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Kernel.Files;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

/// <summary>
/// Pass 1 of <see cref="RegistryImporter"/>: every row of every file checked (fields, the school and the caller's scope,
/// duplicates in the import and in the database, references to classes and head teachers in the database or earlier in
/// the import), keeping only the keys it needs; the database is asked in batches.
/// </summary>
internal sealed class RegistryImportChecks(RegistryImportRun run)
{
    private readonly RegistryImportReader _reader = new(run);

    private RegistryDb Db => run.Db;

    /// <summary>Schools (all of them: a code outside the caller's scope is "out of scope", not "unknown"), the caller's writable ones, existing profiles.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        run.Schools = (await run.Tree.OfKindPastScopeAsync([OrgUnitKind.School], ct))
            .ToDictionary(o => o.Code, o => new ImportSchool(o.Id, o.Code, o.Name), StringComparer.Ordinal);
        var caller = run.Access.Current;
        if (!caller.IsSystem)
        {
            var roots = caller.RootsFor(Permissions.RegistryWrite).ToList();
            run.Writable = (await run.Tree.SubtreeIdsAsync(roots, ct)).ToHashSet();
        }
        var kinds = run.Sources.Select(s => s.Kind).ToHashSet();
        if (kinds.Contains(RecordKind.Schools))
        {
            run.DbProfiles = (await Db.SchoolProfiles.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Select(p => p.OrgUnitId).ToListAsync(ct)).ToHashSet();
        }
        // An empty table cannot hold a duplicate: skip the per-batch look-ups (a first bulk load is the common case).
        run.NoStudents = kinds.Contains(RecordKind.Students) && !await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AnyAsync(ct);
        run.NoStaff = kinds.Contains(RecordKind.Staff) && !await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(ct);
    }

    /// <summary>Maps the file's columns to fields (by Chinese or English header); null when the header itself is wrong.</summary>
    public async Task ValidateAsync(int file, CancellationToken ct)
    {
        var source = run.Sources[file];
        var definition = RecordDefinitions.For(source.Kind);
        var sinceFlush = 0;
        await foreach (var (record, row, columns, errors) in _reader.RowsAsync(file, firstPass: true).WithCancellation(ct))
        {
            run.Rows[file]++;
            foreach (var e in errors)
            {
                run.Error(file, row, e.Field is null ? null : columns[e.Field.Index], e.Field, e.Value, e.Message);
            }
            if (record is null)
            {
                continue;
            }
            if (!run.Schools.TryGetValue(record.SchoolCode, out var school))
            {
                run.Error(file, row, columns[definition.School.Index], definition.School, record.SchoolCode, run.Context.Message("Record.SchoolUnknown", record.SchoolCode));
                continue;
            }
            if (run.Writable is not null && !run.Writable.Contains(school.Id))
            {
                run.Error(file, row, columns[definition.School.Index], definition.School, record.SchoolCode, run.Context.Message("Record.SchoolOutOfScope", record.SchoolCode));
                continue;
            }
            await CheckAsync(file, row, columns, record, school, ct);
            if (++sinceFlush >= run.Options.BatchSize)
            {
                await FlushAsync(columns, ct);
                sinceFlush = 0;
            }
        }
        await FlushAsync(RecordDefinitions.For(source.Kind).Fields.Select(f => f.Header(run.Context.English)).ToArray(), ct);
        run.Report(ImportPhase.Validate, source.FileName, run.Rows[file], run.Rows[file], (file + 1.0) / run.Sources.Count * (run.DryRun ? 1 : 0.5));
    }

    private static long Location(int file, int row) => ((long)file << 32) | (uint)row;

    private void Duplicate(int file, int row, string[] columns, RecordField field, string value, long first) =>
        run.Error(file, row, columns[field.Index], field, value, run.Context.Message("Record.DuplicateInFile",
            field.Header(run.Context.English), value, run.Sources[(int)(first >> 32)].FileName, (int)(first & 0xFFFFFFFF)));

    private void Exists(int file, int row, string? column, RecordField field, string value) =>
        run.Error(file, row, column, field, value, run.Context.Message("Record.DuplicateInDatabase", field.Header(run.Context.English), value));

    /// <summary>The checks that need more than the row: duplicates and references.</summary>
    private async Task CheckAsync(int file, int row, string[] columns, SchoolRecord record, ImportSchool school, CancellationToken ct)
    {
        var at = Location(file, row);
        switch (record)
        {
            case SchoolProfileRecord:
            {
                var field = RecordDefinitions.Schools.School;
                if (!run.Profiles.TryAdd(school.Id, at))
                {
                    Duplicate(file, row, columns, field, record.SchoolCode, run.Profiles[school.Id]);
                }
                else if (run.DbProfiles.Contains(school.Id))
                {
                    Exists(file, row, columns[field.Index], field, record.SchoolCode);
                }
                break;
            }
            case StaffRecord staff:
            {
                var field = RecordDefinitions.Staff.StaffNumber;
                if (!run.StaffNumbers.TryAdd(staff.StaffNumber, at, out var first))
                {
                    Duplicate(file, row, columns, field, staff.StaffNumber, first);
                    break;
                }
                run.Staff[(school.Id, staff.StaffNumber)] = 0;
                if (!run.NoStaff)
                {
                    run.PendingStaff.Add(new PendingKey(staff.StaffNumber, file, row, field));
                }
                break;
            }
            case ClassRecord schoolClass:
            {
                var definition = RecordDefinitions.Classes;
                if (run.Classes.TryGetValue((school.Id, schoolClass.Code), out var earlier))
                {
                    Duplicate(file, row, columns, definition.Code, schoolClass.Code, earlier.Location);
                    break;
                }
                if ((await DbClassesAsync(school.Id, ct)).ContainsKey(schoolClass.Code))
                {
                    Exists(file, row, columns[definition.Code.Index], definition.Code, schoolClass.Code);
                    break;
                }
                run.Classes[(school.Id, schoolClass.Code)] = new ImportedClass(at, schoolClass.EntryYear);
                if (schoolClass.HeadTeacherNumber is { } teacher
                    && !run.Staff.ContainsKey((school.Id, teacher)) && !(await DbStaffAsync(school.Id, ct)).ContainsKey(teacher))
                {
                    run.Error(file, row, columns[definition.HeadTeacher.Index], definition.HeadTeacher, teacher,
                        run.Context.Message("Record.StaffUnknown", teacher, school.Code));
                }
                break;
            }
            case TeachingRecord teaching:
            {
                var definition = RecordDefinitions.Teaching;
                var key = (school.Id, teaching.ClassCode, teaching.StaffNumber, teaching.Subject);
                if (!run.Teaching.TryAdd(key, at))
                {
                    Duplicate(file, row, columns, definition.Subject, teaching.Subject, run.Teaching[key]);
                    break;
                }
                var dbClasses = await DbClassesAsync(school.Id, ct);
                var dbStaff = await DbStaffAsync(school.Id, ct);
                var classKnown = run.Classes.ContainsKey((school.Id, teaching.ClassCode)) || dbClasses.ContainsKey(teaching.ClassCode);
                var staffKnown = run.Staff.ContainsKey((school.Id, teaching.StaffNumber)) || dbStaff.ContainsKey(teaching.StaffNumber);
                if (!classKnown)
                {
                    run.Error(file, row, columns[definition.Class.Index], definition.Class, teaching.ClassCode,
                        run.Context.Message("Record.ClassUnknown", teaching.ClassCode, school.Code));
                }
                if (!staffKnown)
                {
                    run.Error(file, row, columns[definition.Staff.Index], definition.Staff, teaching.StaffNumber,
                        run.Context.Message("Record.StaffUnknown", teaching.StaffNumber, school.Code));
                }
                if (classKnown && staffKnown && dbClasses.TryGetValue(teaching.ClassCode, out var storedClass)
                    && dbStaff.TryGetValue(teaching.StaffNumber, out var storedStaff)
                    && (await DbTeachingAsync(school.Id, ct)).Contains((storedClass.Id, storedStaff, teaching.Subject)))
                {
                    Exists(file, row, columns[definition.Subject.Index], definition.Subject, teaching.Subject);
                }
                break;
            }
            case AssetRecord asset:
            {
                var field = RecordDefinitions.Assets.AssetNumber;
                if (!run.Assets.TryAdd((school.Id, asset.AssetNumber), at))
                {
                    Duplicate(file, row, columns, field, asset.AssetNumber, run.Assets[(school.Id, asset.AssetNumber)]);
                }
                else if ((await DbAssetsAsync(school.Id, ct)).Contains(asset.AssetNumber))
                {
                    Exists(file, row, columns[field.Index], field, asset.AssetNumber);
                }
                break;
            }
            case StudentRecord student:
            {
                var definition = RecordDefinitions.Students;
                if (!run.StudentNumbers.TryAdd(student.StudentNumber, at, out var first))
                {
                    Duplicate(file, row, columns, definition.StudentNumber, student.StudentNumber, first);
                }
                else if (!run.NoStudents)
                {
                    run.PendingNumbers.Add(new PendingKey(student.StudentNumber, file, row, definition.StudentNumber));
                }
                if (student.ResidentId is { } id)
                {
                    if (!run.ResidentIds.TryAdd(id, at, out first))
                    {
                        Duplicate(file, row, columns, definition.ResidentId, id, first);
                    }
                    else if (!run.NoStudents)
                    {
                        run.PendingIds.Add(new PendingKey(id, file, row, definition.ResidentId));
                    }
                }
                if (student.ClassCode is { } code
                    && !run.Classes.ContainsKey((school.Id, code)) && !(await DbClassesAsync(school.Id, ct)).ContainsKey(code))
                {
                    run.Error(file, row, columns[definition.Class.Index], definition.Class, code, run.Context.Message("Record.ClassUnknown", code, school.Code));
                }
                break;
            }
        }
    }

    /// <summary>Looks up, in one query per key, whether the batch's city-unique keys already exist.</summary>
    private async Task FlushAsync(string[] columns, CancellationToken ct)
    {
        if (run.PendingNumbers.Count > 0)
        {
            var values = run.PendingNumbers.Select(p => p.Value).ToList();
            var found = (await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
                .Where(s => values.Contains(s.StudentNumber)).Select(s => s.StudentNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            Report(run.PendingNumbers, found, columns);
        }
        if (run.PendingIds.Count > 0)
        {
            // Encrypted at rest: matched by blind index, then named by the ID the file gave (ADR 11).
            var byIndex = run.PendingIds.Select(p => p.Value).Distinct(StringComparer.Ordinal)
                .ToDictionary(v => Db.FieldEncryption.Index(v)!, StringComparer.Ordinal);
            var indexes = byIndex.Keys.ToList();
            var found = (await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking()
                .Where(s => indexes.Contains(s.ResidentIdIndex!)).Select(s => s.ResidentIdIndex!).ToListAsync(ct))
                .Select(i => byIndex[i]).ToHashSet(StringComparer.Ordinal);
            Report(run.PendingIds, found, columns);
        }
        if (run.PendingStaff.Count > 0)
        {
            var values = run.PendingStaff.Select(p => p.Value).ToList();
            var found = (await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
                .Where(s => values.Contains(s.StaffNumber)).Select(s => s.StaffNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            Report(run.PendingStaff, found, columns);
        }
    }

    private void Report(List<PendingKey> pending, HashSet<string> found, string[] columns)
    {
        foreach (var p in pending.Where(p => found.Contains(p.Value)))
        {
            Exists(p.File, p.Row, columns[p.Field.Index], p.Field, p.Value);
        }
        pending.Clear();
    }

    private async Task<Dictionary<string, (long Id, int EntryYear)>> DbClassesAsync(int school, CancellationToken ct)
    {
        if (!run.DbClasses.TryGetValue(school, out var classes))
        {
            run.DbClasses[school] = classes = await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => c.OrgUnitId == school)
                .ToDictionaryAsync(c => c.Code, c => (c.Id, c.EntryYear), StringComparer.Ordinal, ct);
        }
        return classes;
    }

    private async Task<Dictionary<string, long>> DbStaffAsync(int school, CancellationToken ct)
    {
        if (!run.DbStaff.TryGetValue(school, out var staff))
        {
            run.DbStaff[school] = staff = await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => s.OrgUnitId == school)
                .ToDictionaryAsync(s => s.StaffNumber, s => s.Id, StringComparer.Ordinal, ct);
        }
        return staff;
    }

    private async Task<HashSet<(long Class, long Staff, string Subject)>> DbTeachingAsync(int school, CancellationToken ct)
    {
        if (!run.DbTeaching.TryGetValue(school, out var teaching))
        {
            run.DbTeaching[school] = teaching = (await Db.TeachingAssignments.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(a => a.OrgUnitId == school)
                .Select(a => new { a.ClassId, a.StaffId, a.Subject }).ToListAsync(ct)).Select(a => (a.ClassId, a.StaffId, a.Subject)).ToHashSet();
        }
        return teaching;
    }

    private async Task<HashSet<string>> DbAssetsAsync(int school, CancellationToken ct)
    {
        if (!run.DbAssets.TryGetValue(school, out var assets))
        {
            run.DbAssets[school] = assets = (await Db.Assets.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(a => a.OrgUnitId == school)
                .Select(a => a.AssetNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }
        return assets;
    }
}
