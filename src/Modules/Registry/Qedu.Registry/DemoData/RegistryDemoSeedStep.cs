using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.DemoData;

/// <summary>
/// The registry's part of the demo city: for every demo school a profile, its campus, staff, classes, students
/// with guardians and enrolments, and equipment. People are written in batches of schools through the bulk writer, so memory stays
/// flat and the city scale loads in minutes.
/// </summary>
internal sealed class RegistryDemoSeedStep(RegistryDb db, OrgTree tree, CodeBook codes, RegistryBulkWriter bulk) : IDemoSeedStep
{
    /// <summary>The school year the demo city is in (autumn 2026), fixed so a seed always gives the same people.</summary>
    public const int DemoSchoolYear = 2026;

    public int Order => 10;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        var ids = (await tree.OfKindPastScopeAsync([OrgUnitKind.School], ct)).ToDictionary(o => o.Code, o => o.Id);
        var schools = context.Orgs.Where(o => o.Kind == OrgUnitKind.School && ids.ContainsKey(o.Code)).ToList();
        var generator = new RegistryDemoGenerator(context.Scale, DemoSchoolYear);
        var totals = new Totals();
        foreach (var batch in schools.Chunk(context.Scale == DemoScale.Small ? 50 : 20))
        {
            await SeedSchoolsAsync(batch, ids, generator, context.Seed, totals, ct);
            context.Progress?.Report(
                $"registry: {totals.Schools}/{schools.Count} schools, {totals.Students:N0} students, {totals.Staff:N0} staff");
        }
    }

    private sealed class Totals
    {
        public int Schools;
        public int Students;
        public int Staff;
        public int Profiles;

        /// <summary>Whether the demo parent has been made a guardian yet (of the first ninth-grader seeded).</summary>
        public bool DemoParent;
    }

    private async Task SeedSchoolsAsync(
        DemoOrg[] batch, Dictionary<string, int> ids, RegistryDemoGenerator generator, int seed, Totals totals, CancellationToken ct)
    {
        var generated = new List<(DemoSchoolData Data, Random Random)>(batch.Length);
        foreach (var school in batch)
        {
            // A random source per school, stable across processes (string.GetHashCode is not), so one school's data
            // does not depend on how many schools came before it.
            var random = new Random(unchecked(seed * 1_000_003 + (int)(long.Parse(school.Code, CultureInfo.InvariantCulture) % 1_000_000_007)));
            var data = generator.Generate(school, ids[school.Code], codes.StagesOf(school.SchoolTypeCode), random);
            generated.Add((data, random));
        }

        // Each school's profile, its seats from the pupils generated for it (see RegistryDemoGenerator.Seats).
        foreach (var (school, (data, _)) in batch.Zip(generated))
        {
            db.SchoolProfiles.Add(new SchoolProfile
            {
                OrgUnitId = ids[school.Code],
                Address = school.Address,
                Latitude = school.Latitude,
                Longitude = school.Longitude,
                CapacitySeats = RegistryDemoGenerator.Seats(school, data.Classes.Sum(c => c.Students.Count)),
                Phone = $"0532-8{(totals.Profiles++ % 9000000) + 1000000}",
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear(); // the profiles are not needed again; people go through the bulk writer, untracked

        // Staff and campuses first: classes point at their head teacher and campus. The bulk writer assigns ids.
        await bulk.InsertAsync(generated.SelectMany(g => g.Data.Campuses).ToList(), ct);
        await bulk.InsertAsync(generated.SelectMany(g => g.Data.Staff).ToList(), ct);
        await bulk.InsertAsync(generated.SelectMany(g => g.Data.Assets).ToList(), ct);

        foreach (var (data, _) in generated)
        {
            var teachers = data.Staff.Where(s => s.PostCode == "1").ToList();
            for (var i = 0; i < data.Classes.Count; i++)
            {
                var schoolClass = data.Classes[i].Class;
                schoolClass.HeadTeacherId = teachers.Count == 0 ? null : teachers[i % teachers.Count].Id;
                schoolClass.CampusId = data.Campuses[0].Id;
            }
        }
        await bulk.InsertAsync(generated.SelectMany(g => g.Data.Classes.Select(c => c.Class)).ToList(), ct);

        // Each class is also taught by the teachers before and after its head teacher in the list (任课), so a teacher
        // heads one class and teaches in its neighbours: the demo teacher sees more than one class, never the school.
        var teaching = new List<TeachingAssignment>();
        foreach (var (data, _) in generated)
        {
            var teachers = data.Staff.Where(s => s.PostCode == "1").ToList();
            var n = teachers.Count;
            for (var i = 0; i < data.Classes.Count && n >= 3; i++)
            {
                foreach (var teacher in new[] { teachers[(i + n - 1) % n], teachers[(i + 1) % n] })
                {
                    teaching.Add(new TeachingAssignment
                    {
                        OrgUnitId = teacher.OrgUnitId, ClassId = data.Classes[i].Class.Id, StaffId = teacher.Id,
                        Subject = teacher.Subjects?.Split('|')[0] ?? "语文",
                    });
                }
            }
        }
        await bulk.InsertAsync(teaching, ct);

        foreach (var (schoolClass, students) in generated.SelectMany(g => g.Data.Classes))
        {
            foreach (var student in students)
            {
                student.ClassId = schoolClass.Id;
            }
        }
        await bulk.InsertAsync(generated.SelectMany(g => g.Data.Classes.SelectMany(c => c.Students)).ToList(), ct);

        var guardians = new List<Guardian>();
        var enrolments = new List<Enrolment>();
        foreach (var (data, random) in generated)
        {
            foreach (var (schoolClass, students) in data.Classes)
            {
                foreach (var student in students)
                {
                    guardians.AddRange(generator.GuardiansOf(student, random));
                    enrolments.Add(RegistryDemoGenerator.EnrolmentOf(student, schoolClass));
                }
            }
            totals.Schools++;
            totals.Students += data.Classes.Sum(c => c.Students.Count);
            totals.Staff += data.Staff.Count;
        }
        // The demo parent (DemoAccounts.ParentPhone) is a guardian of one ninth-grader, so the parent's pages (status
        // changes, exam results) have a child to show on first start.
        // (Classes are value tuples: "none found" is a default tuple, so look for the student itself.)
        var ninth = totals.DemoParent ? null
            : generated.SelectMany(g => g.Data.Classes).Where(c => c.Class.GradeCode == "J3").SelectMany(c => c.Students).FirstOrDefault();
        if (ninth is not null)
        {
            guardians.First(g => g.StudentId == ninth.Id).Phone = DemoAccounts.ParentPhone;
            totals.DemoParent = true;
        }
        await bulk.InsertAsync(guardians, ct);
        await bulk.InsertAsync(enrolments, ct);
    }
}
