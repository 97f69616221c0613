using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Records;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>
/// The first half of the check pass: how the bundle's files hang together. Each org a school of Qedu within the caller's
/// write scope, the school year, each user's role, school and number, each class row, and the enrolments linking them.
/// </summary>
internal sealed partial class OneRosterChecks(OneRosterImportRun run)
{
    private static string Message(string key, params object?[] args) => OneRosterImportRun.Message(key, args);

    private RegistryDb Db => run.Db;

    /// <summary>Checks orgs, sessions, users and roles, classes and enrolments, in that order (each needs the ones before).</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        await OrgsAsync(ct);
        run.SchoolYear = SchoolYear();
        Users();
        var classRows = run.Index("classes.csv");
        await LoadClassesAsync(ct);
        foreach (var row in classRows.Values)
        {
            ClassRow(row);
        }
        Enrollments();
    }

    /// <summary>Schools of orgs.csv: each must already be a school in Qedu (by 学校标识码) and within the caller's write scope.</summary>
    private async Task OrgsAsync(CancellationToken ct)
    {
        var schools = (await run.Tree.OfKindPastScopeAsync([OrgUnitKind.School], ct))
            .ToDictionary(o => o.Code, o => new School(o.Id, o.Code), StringComparer.Ordinal);
        var rows = run.Index("orgs.csv");
        var found = new List<(BundleRow Row, string Column, School School)>();
        foreach (var (id, row) in rows)
        {
            if (!row["type"].Equals("school", StringComparison.OrdinalIgnoreCase))
            {
                run.Orgs[id] = null;
                continue;
            }
            var column = row["identifier"].Length > 0 ? "identifier" : "sourcedId";
            var code = row[column];
            if (!schools.TryGetValue(code, out var school))
            {
                run.Error(row, column, code, Message("Org.UnknownSchool", code));
                run.Orgs[id] = null;
                continue;
            }
            found.Add((row, column, school));
            run.Orgs[id] = school;
        }
        var writable = await run.Tree.WithinScopeAsync(run.Access.Current, Permissions.RegistryWrite,
            found.Select(f => f.School.Id).ToList(), ct);
        foreach (var (row, column, school) in found.Where(f => !writable.Contains(f.School.Id)))
        {
            run.Error(row, column, school.Code, run.Context.Message("Record.SchoolOutOfScope", school.Code));
            run.Orgs[row["sourcedId"]] = null;
        }
    }

    /// <summary>The autumn the bundle's school year starts: its schoolYear session holding today (or the latest one), else the current one.</summary>
    private int SchoolYear()
    {
        var today = run.Context.Today;
        var years = new List<(DateOnly Start, DateOnly? End)>();
        foreach (var row in run.Rows("academicSessions.csv").Where(r => r["type"].Equals("schoolYear", StringComparison.OrdinalIgnoreCase)))
        {
            if (!DateOnly.TryParseExact(row["startDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                run.Error(row, "startDate", row["startDate"], run.Context.Message("Record.Date", row["startDate"]));
                continue;
            }
            DateOnly? end = DateOnly.TryParseExact(row["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? e : null;
            years.Add((start, end));
        }
        var current = years.Where(y => y.Start <= today && (y.End is null || today <= y.End)).Select(y => (DateOnly?)y.Start).FirstOrDefault()
            ?? years.Select(y => (DateOnly?)y.Start).Max();
        return current?.Year ?? (today.Month >= 8 ? today.Year : today.Year - 1);
    }

    private School? SchoolOf(BundleRow row, string column)
    {
        var id = row[column];
        if (!run.Orgs.TryGetValue(id, out var school))
        {
            run.Error(row, column, id, Message("Ref.Unknown", column, id, "orgs.csv"));
            return null;
        }
        if (school is null && run.Table("orgs.csv")!.Rows.First(r => r["sourcedId"] == id)["type"] is var type
            && !type.Equals("school", StringComparison.OrdinalIgnoreCase))
        {
            run.Error(row, column, id, Message("Ref.NotSchool", id));
        }
        // A school that was refused in orgs.csv is already reported there.
        return school;
    }

    /// <summary>Each user with its role (roles.csv, or a 1.1-style role column), school, and number.</summary>
    private void Users()
    {
        foreach (var (id, row) in run.Index("users.csv"))
        {
            run.Users[id] = new User(row, id);
        }
        var usersTable = run.Table("users.csv")!;
        if (usersTable.Has("role"))
        {
            foreach (var user in run.Users.Values)
            {
                user.Role = user.Row["role"];
            }
        }
        // A user's primary role decides (roleType primary, else the first row); primary roles must agree on the kind.
        foreach (var group in run.Rows("roles.csv").GroupBy(r => r["userSourcedId"]))
        {
            if (!run.Users.TryGetValue(group.Key, out var user))
            {
                foreach (var row in group)
                {
                    run.Error(row, "userSourcedId", group.Key, Message("Ref.Unknown", "userSourcedId", group.Key, "users.csv"));
                }
                continue;
            }
            var primaries = group.Where(r => !r["roleType"].Equals("secondary", StringComparison.OrdinalIgnoreCase)).ToList();
            var chosen = primaries.FirstOrDefault() ?? group.First();
            if (primaries.FirstOrDefault(r => Classify(r["role"]).Kind != Classify(chosen["role"]).Kind) is { } conflict)
            {
                run.Error(conflict, "role", conflict["role"], Message("User.RoleConflict", group.Key, chosen["role"], conflict["role"]));
            }
            user.RoleRow = chosen;
            user.Role = chosen["role"];
        }
        foreach (var row in run.Rows("demographics.csv"))
        {
            if (run.Users.TryGetValue(row["sourcedId"], out var user))
            {
                user.Demographics = row;
            }
            else
            {
                run.Error(row, "sourcedId", row["sourcedId"], Message("Ref.Unknown", "sourcedId", row["sourcedId"], "users.csv"));
            }
        }
        foreach (var user in run.Users.Values)
        {
            if (user.Role.Length == 0)
            {
                run.Error(user.Row, "sourcedId", user.Id, Message("User.NoRole", user.Id));
                continue;
            }
            var (kind, known) = Classify(user.Role);
            if (!known)
            {
                run.Error(user.RoleRow ?? user.Row, "role", user.Role, Message("User.UnknownRole", user.Role));
                continue;
            }
            user.Kind = kind;
            if (kind is UserKind.Student or UserKind.Staff)
            {
                var column = user.Row["primaryOrgSourcedId"].Length > 0 || user.RoleRow is null ? "primaryOrgSourcedId" : "orgSourcedId";
                var row = column == "orgSourcedId" ? user.RoleRow! : user.Row;
                if (row[column].Length == 0)
                {
                    run.Error(user.Row, "primaryOrgSourcedId", null, Message("User.NoSchool", user.Id));
                }
                else
                {
                    user.School = SchoolOf(row, column);
                }
                user.Number = Number(user);
            }
        }
        // Guardians and their students, linked from either side.
        foreach (var user in run.Users.Values.Where(u => u.Kind is UserKind.Student or UserKind.Guardian))
        {
            foreach (var agent in user.Row["agentSourcedIds"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!run.Users.TryGetValue(agent, out var other))
                {
                    run.Error(user.Row, "agentSourcedIds", agent, Message("Ref.Unknown", "agentSourcedIds", agent, "users.csv"));
                    continue;
                }
                var (student, guardian) = user.Kind == UserKind.Student ? (user, other) : (other, user);
                if (student.Kind != UserKind.Student || guardian.Kind != UserKind.Guardian)
                {
                    // Links between students and other kinds of user (a teacher as an agent) carry nothing Qedu keeps.
                    if (user.Kind == UserKind.Guardian && other.Kind is UserKind.Staff or UserKind.Guardian)
                    {
                        run.Error(user.Row, "agentSourcedIds", agent, Message("Guardian.NotStudent", agent));
                    }
                    continue;
                }
                if (!student.Links.Contains(guardian))
                {
                    student.Links.Add(guardian);
                }
            }
        }
    }

    /// <summary>The OneRoster 1.2 role vocabulary: what Qedu keeps each as, and whether the value is known at all.</summary>
    private static (UserKind Kind, bool Known) Classify(string role) => role.ToLowerInvariant() switch
    {
        "student" => (UserKind.Student, true),
        "guardian" or "parent" or "relative" => (UserKind.Guardian, true),
        "teacher" or "administrator" or "siteadministrator" or "principal" or "aide" or "counselor" or "proctor" => (UserKind.Staff, true),
        // Accounts above the school (a district's or the system's) are not school staff: Qedu keeps no record of them.
        "districtadministrator" or "systemadministrator" or "student.aide" => (UserKind.Skipped, true),
        _ => (UserKind.Skipped, false),
    };

    /// <summary>
    /// 学籍号 or 教职工号: from userIds ({studentNumber:…} / {staffNumber:…}, as Qedu's export writes), else identifier,
    /// else username. A masked value (an export without pii.view) cannot identify anyone and is refused.
    /// </summary>
    private string? Number(User user)
    {
        var type = user.Kind == UserKind.Student ? "studentNumber" : "staffNumber";
        var (value, column) = UserId(user.Row["userIds"], type) is { } fromIds ? (fromIds, "userIds")
            : user.Row["identifier"].Length > 0 ? (user.Row["identifier"], "identifier")
            : (user.Row["username"], "username");
        if (value.Length == 0)
        {
            var field = user.Kind == UserKind.Student ? RecordDefinitions.Students.StudentNumber : RecordDefinitions.Staff.StaffNumber;
            run.Error(user.Row, "identifier", null, Message("User.NoNumber", user.Id, field.Header(run.Context.English)));
            return null;
        }
        if (value.Contains('*', StringComparison.Ordinal))
        {
            run.Error(user.Row, column, value, Message("User.Masked", value));
            return null;
        }
        user.NumberColumn = column;
        return value;
    }

    private static string? UserId(string userIds, string type)
    {
        foreach (Match m in UserIdPattern().Matches(userIds))
        {
            if (m.Groups[1].Value.Trim().Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                return m.Groups[2].Value.Trim();
            }
        }
        return null;
    }

    [GeneratedRegex(@"\{([^:{}]+):([^{}]*)\}")]
    private static partial Regex UserIdPattern();

    private async Task LoadClassesAsync(CancellationToken ct)
    {
        var schoolIds = run.Orgs.Values.OfType<School>().Select(s => s.Id).Distinct().ToList();
        var stored = await Db.Classes.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(c => schoolIds.Contains(c.OrgUnitId)).ToListAsync(ct);
        run.StoredClasses = stored.ToDictionary(c => (c.OrgUnitId, c.Code), c => new ExistingClass(c.Id, c.EntryYear, c));
        var teachers = stored.Select(c => c.HeadTeacherId).OfType<long>().Distinct().ToList();
        run.StoredTeachers = await Db.Staff.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().Where(s => teachers.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.StaffNumber, ct);
    }

    /// <summary>A class row: its school, its code (classCode, else sourcedId), and whether Qedu has it already.</summary>
    private void ClassRow(BundleRow row)
    {
        var school = SchoolOf(row, "schoolSourcedId");
        if (school is null)
        {
            return;
        }
        var plan = new ClassPlan(row, school) { Code = row["classCode"].Length > 0 ? row["classCode"] : row["sourcedId"] };
        run.Classes[row["sourcedId"]] = plan;
        if (run.ClassCodes.TryGetValue((school.Id, plan.Code), out var first))
        {
            run.Error(row, "classCode", plan.Code, Message("Duplicate.Key", RecordDefinitions.Classes.Code.Header(run.Context.English), plan.Code,
                "classes.csv", first.Row.Number));
            return;
        }
        run.ClassCodes[(school.Id, plan.Code)] = plan;
        plan.Existing = run.StoredClasses.GetValueOrDefault((school.Id, plan.Code));
    }

    /// <summary>Teachers marked primary are head teachers; a student's one open enrolment is their class.</summary>
    private void Enrollments()
    {
        var today = run.Context.Today;
        foreach (var row in run.Rows("enrollments.csv"))
        {
            var role = row["role"].ToLowerInvariant();
            if (role is not ("student" or "teacher"))
            {
                continue; // administrators and proctors of a class: Qedu keeps no such link
            }
            if (DateOnly.TryParseExact(row["endDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && end < today)
            {
                continue; // a closed enrolment: history Qedu does not rewrite from a bundle
            }
            var classId = row["classSourcedId"];
            var userId = row["userSourcedId"];
            var known = true;
            if (!run.Classes.TryGetValue(classId, out var plan))
            {
                if (run.Table("classes.csv")?.Rows.Any(r => r["sourcedId"] == classId) != true)
                {
                    run.Error(row, "classSourcedId", classId, Message("Ref.Unknown", "classSourcedId", classId, "classes.csv"));
                }
                known = false;
            }
            if (!run.Users.TryGetValue(userId, out var user))
            {
                run.Error(row, "userSourcedId", userId, Message("Ref.Unknown", "userSourcedId", userId, "users.csv"));
                continue;
            }
            var expected = role == "student" ? UserKind.Student : UserKind.Staff;
            if (user.Kind != expected)
            {
                if (user.Role.Length > 0 && Classify(user.Role).Known)
                {
                    run.Error(row, "role", row["role"], Message("Enrollment.Role", row["role"], userId, user.Role));
                }
                continue;
            }
            if (!known || plan is null)
            {
                continue;
            }
            if (role == "teacher")
            {
                if (!row["primary"].Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // subject teachers: Qedu records only the head teacher (班主任)
                }
                if (plan.HeadTeacher is not null && plan.HeadTeacher != user)
                {
                    run.Error(row, "userSourcedId", userId, Message("Class.HeadTeachers", plan.Code));
                    continue;
                }
                plan.HeadTeacher = user;
                continue;
            }
            if (user.Class is not null && user.Class != plan)
            {
                run.Error(row, "classSourcedId", classId, Message("Enrollment.Classes", userId));
                continue;
            }
            if (user.School is not null && plan.School.Id != user.School.Id)
            {
                run.Error(row, "classSourcedId", classId, Message("Enrollment.ClassSchool", plan.Code, plan.School.Code, user.School.Code));
                continue;
            }
            user.Class = plan;
            user.Enrollment = row;
        }
    }

    /// <summary>A record's text cells (one per field) with where each came from.</summary>
}
