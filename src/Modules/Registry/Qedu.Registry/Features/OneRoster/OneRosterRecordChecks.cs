using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>
/// The second half of the check pass: each person and class of the bundle read as a registry record by
/// <see cref="RecordDefinitions"/> (so the same field checks apply as in a file import), matched with what Qedu has, and
/// planned for the write.
/// </summary>
internal sealed class OneRosterRecordChecks(OneRosterImportRun run)
{
    private static string Message(string key, params object?[] args) => OneRosterImportRun.Message(key, args);

    /// <summary>Where a value came from, for the report.</summary>
    private sealed record Source(BundleRow Row, string Column);

    private RegistryDb Db => run.Db;

    /// <summary>Staff first (classes name their head teacher), then classes, then students (who name their class).</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        await StaffAsync(ct);
        Classes();
        await StudentsAsync(ct);
    }

    private sealed class Cells(IRecordDefinition definition)
    {
        public string?[] Values { get; } = new string?[definition.Fields.Count];
        public Source?[] Sources { get; } = new Source?[definition.Fields.Count];

        /// <summary>Sets the field from a bundle cell, unless the cell is empty (an empty OneRoster cell never erases a stored value).</summary>
        public void Set(RecordField field, BundleRow row, string column, string? value = null)
        {
            value ??= row[column];
            if (value.Length > 0)
            {
                Values[field.Index] = value;
                Sources[field.Index] = new Source(row, column);
            }
        }

        /// <summary>
        /// Fields Qedu has and OneRoster has not, from <c>metadata.qedu.&lt;key&gt;</c> columns. Never personal data
        /// (resident IDs…), never the fields the standard columns carry.
        /// </summary>
        public void Metadata(BundleRow row, HashSet<RecordField> standard)
        {
            foreach (var field in definition.Fields.Where(f => f.Personal == PersonalKind.None && !f.Informational && !standard.Contains(f)))
            {
                var column = OneRosterImport.MetadataPrefix + field.Key;
                if (row.Table.Has(column))
                {
                    Set(field, row, column);
                }
            }
        }
    }

    private T? ReadRecord<T>(RecordDefinition<T> definition, Cells cells, BundleRow fallback)
        where T : SchoolRecord
    {
        var reader = new FieldReader(run.Context);
        reader.Start(cells.Values);
        var record = definition.Read(reader);
        foreach (var error in reader.Errors)
        {
            var source = error.Field is { } f ? cells.Sources[f.Index] : null;
            var row = source?.Row ?? fallback;
            run.Error(row.Table.Name, row.Number, source?.Column ?? error.Field?.Header(run.Context.English), error.Field?.Key, error.Value, error.Message);
        }
        return record;
    }

    /// <summary>Name as Chinese writes it (family name first), or given then family name for names in Latin letters.</summary>
    private static string Name(BundleRow row)
    {
        var (given, family) = (row["givenName"], row["familyName"]);
        return given.Any(c => c >= '\u2E80') || family.Any(c => c >= '\u2E80') ? family + given : $"{given} {family}".Trim();
    }

    private const string NameColumn = "familyName,givenName";

    /// <summary>demographics.csv sex to GB/T 2261.1; null when it says nothing (then a stored gender stands).</summary>
    private string? Gender(User user)
    {
        var row = user.Demographics;
        var sex = row?["sex"].ToLowerInvariant() ?? "";
        switch (sex)
        {
            case "male":
                return "1";
            case "female":
                return "2";
            case "" or "unspecified" or "other":
                return null;
            default:
                run.Error(row!, "sex", row!["sex"], Message("Demographics.Sex", row["sex"]));
                return null;
        }
    }

    /// <summary>Each staff user as a staff record, over the stored one when the 教职工号 is known.</summary>
    private async Task StaffAsync(CancellationToken ct)
    {
        var users = run.Users.Values.Where(u => u.Kind == UserKind.Staff && u.School is not null && u.Number is not null).ToList();
        var numbers = users.Select(u => u.Number!).Distinct().ToList();
        // Head teachers the bundle names by a stored class are looked up too (a class's teacher must be staff somewhere).
        run.DbStaff = (await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => numbers.Contains(s.StaffNumber)).ToListAsync(ct))
            .ToDictionary(s => s.StaffNumber, StringComparer.Ordinal);
        var writable = await WritableAsync(run.DbStaff.Values.Select(s => s.OrgUnitId), ct);
        var schoolCodes = await SchoolCodesAsync(run.DbStaff.Values.Select(s => s.OrgUnitId), ct);
        var definition = RecordDefinitions.Staff;
        var standard = new HashSet<RecordField> { definition.School, definition.StaffNumber, definition.Name, definition.Gender, definition.BirthDate, definition.Phone };
        var seen = new Dictionary<string, User>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var number = user.Number!;
            if (seen.TryGetValue(number, out var first))
            {
                run.Error(user.Row, user.NumberColumn, number, Message("Duplicate.Key", definition.StaffNumber.Header(run.Context.English), number, "users.csv", first.Row.Number));
                continue;
            }
            seen[number] = user;
            var stored = run.DbStaff.GetValueOrDefault(number);
            if (stored is not null && !writable.Contains(stored.OrgUnitId))
            {
                run.Error(user.Row, user.NumberColumn, number, Message("Existing.OutOfScope", definition.StaffNumber.Header(run.Context.English), number));
                continue;
            }
            var cells = new Cells(definition);
            if (stored is not null)
            {
                definition.Write(StaffKind.ToRecord(stored, schoolCodes[stored.OrgUnitId]), cells.Values);
            }
            cells.Metadata(user.Row, standard);
            cells.Set(definition.School, user.Row, "primaryOrgSourcedId", user.School!.Code);
            cells.Set(definition.StaffNumber, user.Row, user.NumberColumn, number);
            cells.Set(definition.Name, user.Row, NameColumn, Name(user.Row));
            cells.Set(definition.Phone, user.Row, "phone");
            if (user.Demographics is { } demographics)
            {
                cells.Set(definition.Gender, demographics, "sex", Gender(user) ?? (stored is null ? "9" : ""));
                cells.Set(definition.BirthDate, demographics, "birthDate");
            }
            // The post: the stored one while it still reads as this role, else the role's usual post.
            var role = ExportRole(user.Role);
            var metadataPost = user.Row.Table.Has(OneRosterImport.MetadataPrefix + definition.Post.Key) && user.Row[OneRosterImport.MetadataPrefix + definition.Post.Key].Length > 0;
            if (!metadataPost && (stored is null || ExportRole(stored.PostCode switch { "1" => "teacher", "2" => "siteAdministrator", _ => "aide" }) != role))
            {
                cells.Set(definition.Post, user.RoleRow ?? user.Row, "role", role switch { "teacher" => "1", "siteAdministrator" => "2", _ => "3" });
            }
            if (cells.Values[definition.Employment.Index] is null)
            {
                // 用人形式 has no OneRoster column and no default: a missing one is reported against the extension column that carries it.
                cells.Sources[definition.Employment.Index] = new Source(user.Row, OneRosterImport.MetadataPrefix + definition.Employment.Key);
            }
            if (cells.Values[definition.Phone.Index] is { } phone && phone.Contains('*', StringComparison.Ordinal))
            {
                run.Error(user.Row, "phone", phone, Message("User.Masked", phone));
                continue;
            }
            if (ReadRecord(definition, cells, user.Row) is { } record)
            {
                run.Staff.Add(new StaffPlan(record, user.School.Id, stored));
            }
        }
    }

    /// <summary>The role as Qedu's export writes it (teacher, siteAdministrator or aide).</summary>
    private static string ExportRole(string role) => role.ToLowerInvariant() switch
    {
        "teacher" => "teacher",
        "administrator" or "siteadministrator" or "principal" => "siteAdministrator",
        _ => "aide",
    };

    /// <summary>Each class as a class record, over the stored one when the school has the code already.</summary>
    private void Classes()
    {
        var definition = RecordDefinitions.Classes;
        var standard = new HashSet<RecordField> { definition.School, definition.Code, definition.Name, definition.Grade, definition.HeadTeacher };
        var staffByUser = run.Staff.ToDictionary(s => s.Record.StaffNumber, StringComparer.Ordinal);
        foreach (var plan in run.Classes.Values.Where(p => run.ClassCodes.GetValueOrDefault((p.School.Id, p.Code)) == p))
        {
            var row = plan.Row;
            var cells = new Cells(definition);
            if (plan.Existing is { } stored)
            {
                var teacher = stored.Entity.HeadTeacherId is long t ? run.StoredTeachers.GetValueOrDefault(t) : null;
                definition.Write(ClassKind.ToRecord(stored.Entity, plan.School.Code, teacher), cells.Values);
                // A head teacher the bundle does not name stays only if the bundle has no say (no enrollments file).
                if (run.Table("enrollments.csv") is not null)
                {
                    cells.Values[definition.HeadTeacher.Index] = null;
                }
            }
            cells.Metadata(row, standard);
            cells.Set(definition.School, row, "schoolSourcedId", plan.School.Code);
            cells.Set(definition.Code, row, row["classCode"].Length > 0 ? "classCode" : "sourcedId", plan.Code);
            cells.Set(definition.Name, row, "title");
            var grades = row["grades"];
            if (grades.Contains(',', StringComparison.Ordinal))
            {
                run.Error(row, "grades", grades, Message("Class.Grades", grades));
                continue;
            }
            var grade = Grades.GetValueOrDefault(grades, grades);
            cells.Set(definition.Grade, row, "grades", grade);
            if (cells.Values[definition.EntryYear.Index] is null && Grades.ContainsValue(grade))
            {
                // The autumn this cohort started its stage: K1, P1, J1 and S1 start one.
                cells.Set(definition.EntryYear, row, "grades", (run.SchoolYear - (grade[1] - '1')).ToString(CultureInfo.InvariantCulture));
            }
            if (plan.HeadTeacher is { } head)
            {
                if (head.Number is null || !staffByUser.TryGetValue(head.Number, out var staff))
                {
                    continue; // the teacher's own row is already reported
                }
                if (staff.School != plan.School.Id)
                {
                    run.Error(row, "sourcedId", row["sourcedId"], Message("Class.TeacherSchool", head.Id, plan.School.Code));
                    continue;
                }
                cells.Set(definition.HeadTeacher, head.Row, "sourcedId", head.Number);
            }
            plan.Record = ReadRecord(definition, cells, row);
        }
    }

    /// <summary>CEDS grade levels (the binding's vocabulary) to Qedu's grade codes.</summary>
    private static readonly Dictionary<string, string> Grades =
        OneRosterCsv.CedsGrades.ToDictionary(g => g.Value, g => g.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Each student as a student record with their class and guardians, over the stored one when the 学籍号 is known.</summary>
    private async Task StudentsAsync(CancellationToken ct)
    {
        var users = run.Users.Values.Where(u => u.Kind == UserKind.Student && u.School is not null && u.Number is not null).ToList();
        var numbers = users.Select(u => u.Number!).Distinct().ToList();
        var stored = (await Db.Students.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking().Where(s => numbers.Contains(s.StudentNumber)).ToListAsync(ct))
            .ToDictionary(s => s.StudentNumber, StringComparer.Ordinal);
        var ids = stored.Values.Select(s => s.Id).ToList();
        var guardians = (await Db.Guardians.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking().Where(g => ids.Contains(g.StudentId)).OrderBy(g => g.Id).ToListAsync(ct))
            .ToLookup(g => g.StudentId);
        var open = (await Db.Enrolments.IgnoreQueryFilters([ScopeFilter.Name, RegistryDb.OwnClassesFilter]).AsNoTracking().Where(e => ids.Contains(e.StudentId) && e.To == null).ToListAsync(ct))
            .GroupBy(e => e.StudentId).ToDictionary(g => g.Key, g => g.First());
        var classIds = stored.Values.Select(s => s.ClassId).OfType<long>().Distinct().ToList();
        var classCodes = await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => classIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var writable = await WritableAsync(stored.Values.Select(s => s.OrgUnitId), ct);
        var schoolCodes = await SchoolCodesAsync(stored.Values.Select(s => s.OrgUnitId), ct);
        var speaksOfGuardians = run.Users.Values.Any(u => u.Kind == UserKind.Guardian);
        var definition = RecordDefinitions.Students;
        var standard = new HashSet<RecordField>
        {
            definition.School, definition.StudentNumber, definition.Name, definition.Gender, definition.BirthDate, definition.Class, definition.EnrolledOn,
        };
        foreach (var g in definition.Guardians)
        {
            standard.UnionWith([g.Name, g.Relation, g.Phone, g.ResidentId]);
        }
        var seen = new Dictionary<string, User>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var number = user.Number!;
            if (seen.TryGetValue(number, out var first))
            {
                run.Error(user.Row, user.NumberColumn, number, Message("Duplicate.Key", definition.StudentNumber.Header(run.Context.English), number, "users.csv", first.Row.Number));
                continue;
            }
            seen[number] = user;
            var existing = stored.GetValueOrDefault(number);
            if (existing is not null && !writable.Contains(existing.OrgUnitId))
            {
                run.Error(user.Row, user.NumberColumn, number, Message("Existing.OutOfScope", definition.StudentNumber.Header(run.Context.English), number));
                continue;
            }
            var cells = new Cells(definition);
            var storedGuardians = existing is null ? [] : guardians[existing.Id].ToList();
            if (existing is not null)
            {
                var classCode = existing.ClassId is long c ? classCodes.GetValueOrDefault(c) : null;
                definition.Write(StudentKind.ToRecord(existing, schoolCodes[existing.OrgUnitId], classCode, open.GetValueOrDefault(existing.Id), storedGuardians),
                    cells.Values);
                if (run.Table("enrollments.csv") is not null || existing.OrgUnitId != user.School!.Id)
                {
                    // The bundle says where the student is (no enrolment, no class); a class of another school cannot stay.
                    cells.Values[definition.Class.Index] = null;
                }
            }
            cells.Metadata(user.Row, standard);
            cells.Set(definition.School, user.Row, "primaryOrgSourcedId", user.School!.Code);
            cells.Set(definition.StudentNumber, user.Row, user.NumberColumn, number);
            cells.Set(definition.Name, user.Row, NameColumn, Name(user.Row));
            if (user.Demographics is { } demographics)
            {
                cells.Set(definition.Gender, demographics, "sex", Gender(user) ?? (existing is null ? "9" : ""));
                cells.Set(definition.BirthDate, demographics, "birthDate");
            }
            if (user.Class is { } plan)
            {
                cells.Set(definition.Class, user.Enrollment!, "classSourcedId", plan.Code);
                cells.Set(definition.EnrolledOn, user.Enrollment!, "beginDate");
            }
            if (speaksOfGuardians && !Guardians(user, cells, storedGuardians))
            {
                continue;
            }
            if (ReadRecord(definition, cells, user.Row) is { } record)
            {
                run.Students.Add(new StudentPlan(record, user.School.Id, existing, speaksOfGuardians));
            }
        }
    }

    /// <summary>
    /// The student's linked guardians into the record's guardian fields, stored ones first in their stored order (the
    /// update pairs them by position), each keeping what OneRoster cannot carry (relation, resident ID) when its name matches.
    /// </summary>
    private bool Guardians(User student, Cells cells, List<Guardian> stored)
    {
        var definition = RecordDefinitions.Students;
        for (var i = 0; i < definition.Guardians.Count; i++)
        {
            var g = definition.Guardians[i];
            cells.Values[g.Name.Index] = cells.Values[g.Relation.Index] = cells.Values[g.Phone.Index] = cells.Values[g.ResidentId.Index] = null;
        }
        if (student.Links.Count > StudentDefinition.MaxGuardians)
        {
            var extra = student.Links[StudentDefinition.MaxGuardians];
            run.Error(extra.Row, "agentSourcedIds", student.Id, Message("Guardian.TooMany", student.Id, StudentDefinition.MaxGuardians));
            return false;
        }
        var ordered = student.Links
            .Select(u => (User: u, Stored: stored.FirstOrDefault(s => s.Name == Name(u.Row))))
            .OrderBy(x => x.Stored is null ? int.MaxValue : stored.IndexOf(x.Stored))
            .ToList();
        var ok = true;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (user, match) = ordered[i];
            var fields = definition.Guardians[i];
            cells.Set(fields.Name, user.Row, NameColumn, Name(user.Row));
            var phoneColumn = user.Row["phone"].Length > 0 ? "phone" : "sms";
            if (user.Row[phoneColumn].Contains('*', StringComparison.Ordinal))
            {
                run.Error(user.Row, phoneColumn, user.Row[phoneColumn], Message("User.Masked", user.Row[phoneColumn]));
                ok = false;
            }
            cells.Set(fields.Phone, user.Row, phoneColumn);
            if (match is not null)
            {
                cells.Values[fields.Relation.Index] = match.RelationCode;
                cells.Values[fields.ResidentId.Index] = match.ResidentId;
                cells.Values[fields.Phone.Index] ??= match.Phone;
            }
            var relation = OneRosterImport.MetadataPrefix + "relation";
            if (user.Row[relation].Length > 0)
            {
                cells.Set(fields.Relation, user.Row, relation);
            }
            else if (match is null)
            {
                // 其他亲属 for a relative, else 其他监护人: OneRoster does not say father or mother.
                cells.Set(fields.Relation, user.RoleRow ?? user.Row, "role", user.Role.Equals("relative", StringComparison.OrdinalIgnoreCase) ? "40" : "90");
            }
        }
        return ok;
    }

    private async Task<IReadOnlySet<int>> WritableAsync(IEnumerable<int> orgUnits, CancellationToken ct) =>
        await run.Tree.WithinScopeAsync(run.Access.Current, Permissions.RegistryWrite, orgUnits.Distinct().ToList(), ct);

    private async Task<Dictionary<int, string>> SchoolCodesAsync(IEnumerable<int> orgUnits, CancellationToken ct)
    {
        return (await run.Tree.CodesOfAsync(orgUnits, ct)).ToDictionary();
    }
}
