namespace Qedu.Architecture.Tests;

/// <summary>A place allowed to read past a query filter: how many reads it has, and why that is safe.</summary>
public sealed record ScopeEscape(int Count, string Reason);

/// <summary>
/// Every place in src that reads past a query filter (<c>IgnoreQueryFilters([...])</c>), keyed by type and member as
/// <see cref="ScopeEscapeScanner"/> finds them, each with a one-line reason. <see cref="KernelSurfaceTests"/> holds
/// it both ways: a read that is not here fails, and so does an entry whose read has gone. Org units read past the
/// scope belong in OrgTree; a new entry elsewhere needs a reason a reviewer can check.
/// </summary>
public static class ScopeEscapes
{
    public static readonly IReadOnlyDictionary<string, ScopeEscape> Allowed = new Dictionary<string, ScopeEscape>(StringComparer.Ordinal)
    {
        // The kernel: org units by code or id (OrgTree is where modules ask for them) and the caller's own scope.
        ["OrgTree.UnitsOfAsync"] = new(1, "codes and names that label rows the caller may already see; a unit's name reveals nothing further"),
        ["OrgTree.FindPastScopeAsync"] = new(2, "a code or id the caller then checks against its own grants (out of scope reads as unknown), or a label"),
        ["OrgTree.OfKindPastScopeAsync"] = new(1, "importers and whole-city computations: a code outside the scope must read 'out of scope', not 'unknown'"),
        ["OrgTree.IdsOfCodesPastScopeAsync"] = new(1, "the mirror matches another instance's codes, as the system"),
        ["OrgTree.ChildrenPastScopeAsync"] = new(1, "the members of a unit group assigned to a task, shown by name"),
        ["OrgTree.BelowPastScopeAsync"] = new(1, "the subtree of a unit the caller has been checked to manage"),
        ["OrgTree.FindUnderPastScopeAsync"] = new(1, "a code within the subtree of a unit the caller has been checked to manage"),
        ["OrgTree.NearestAboveAsync"] = new(1, "the bureau over a unit the caller sees; naming it reveals nothing further"),
        ["OrgTree.NearestAboveOfKindAsync"] = new(1, "ids only, for whole-tree figures that group schools by their district"),
        ["AccessResolver.ResolveAsync"] = new(2, "builds the caller's scope from its own grants: there is no scope yet to filter by"),
        ["DemoSeeder.HasDataAsync"] = new(1, "whether the database is empty, asked by the seeder as the system"),

        // Organisation, the kernel's own UI.
        ["AuditLogQuery.ScopedAsync"] = new(1, "whether the caller's own audit.read roots are city-level (then it sees entries without a unit)"),
        ["PrivilegedRoles.HoldersAsync"] = new(1, "code and name of each grant's unit; the rows are restricted to the caller's roots in the same query"),

        // Teachers: a certificate number is unique in the city; a studio belongs to its host's school but is part of each member's record.
        ["RecordWrites.AddCertificateAsync"] = new(1, "whether a certificate number is taken anywhere in the city: a yes or no, no row returned"),
        ["TeacherProfiles.FindAsync"] = new(2, "the studios a teacher the caller may read hosts or belongs to (name, level, host), and their member counts: no member named"),

        // Facilities: a zone code is the city's (the health authorities' births file names zones by code alone).
        ["FacilityZones.SaveAsync"] = new(1, "whether a zone code is taken by another district: the row found is only compared by district, never returned"),

        // Family: a guardian enrols their own child (the registry's guardian match) in the after-school care of the child's school.
        ["ParentCare.ChildrenAsync"] = new(2, "the care offers of the signed-in guardian's own children's schools and those children's own enrolments"),
        ["ParentCare.EnrolAsync"] = new(2, "the child's own enrolment row in the offer, and the offer's place count taken by one conditional update"),
        ["ParentCare.WithdrawAsync"] = new(2, "the child's own enrolment ended, and the offer's place given back"),
        ["ParentCare.CheckAsync"] = new(1, "the offer named, only when it is the guardian's own child's school's"),
        // Family: a parent takes a seat at a parent-course session put on by their own children's school or the bureaus above it,
        // and reads their children's school's and class's parent committees (the registry's guardian match).
        ["ParentCourses.ListAsync"] = new(2, "the sessions and materials of the organisers over the signed-in parent's own children's schools"),
        ["ParentCourses.RegisterAsync"] = new(1, "the session's seat count taken by one conditional update, once the session is found to be the parent's children's"),
        ["ParentCourses.CancelAsync"] = new(1, "the session's seat given back, once the parent's own seat is ended"),
        ["ParentCourses.CheckAsync"] = new(1, "the session named, only when its organiser is over one of the parent's children's schools"),
        ["ParentCourses.OpenMaterialAsync"] = new(1, "the session named, only when its organiser is over one of the parent's children's schools"),
        ["CourseFiles.OpenAsync"] = new(1, "a material of a session the parent was found to be in the audience of (staff read it in scope)"),
        ["CommitteeLines.OfSchoolAsync"] = new(3, "for a parent: the committees, serving members (no numbers) and minutes of their own child's school and class; staff read them in scope"),
        // Family: the credit bank is the city's; a learner (public sign-in) and a transcript check (anonymous) hold no grant.
        ["CreditRecords.AccreditAsync"] = new(1, "whether a provider code is taken anywhere in the city: a yes or no, no row returned"),
        ["TranscriptLines.ReadAsync"] = new(2, "one learner's outcomes and their providers' names, for the learner matched by their signed-in number, or for the transcript whose code was given"),
        // Resources: a published item is read by its reach (a district's schools, the whole city), past the contributor's unit.
        ["ResourcesAccess.Published"] = new(1, "published items by their reach: the city's reach to all, a district's to its schools, a school's to itself (checked against the caller's grants)"),
        ["ResourceLines.OfAsync"] = new(1, "the count and sum of stars of items the caller was allowed to see, from raters anywhere: figures, no rater"),
        ["ResourceLibrary.DetailAsync"] = new(1, "the caller's own rating (by its account id) of an item it may see"),
        ["ResourceLibrary.RateAsync"] = new(1, "the caller's own rating (by its account id), to replace it"),
        ["ResourceLibrary.CountAsync"] = new(2, "adds one to the download or open counter of an item the caller was just allowed to open"),
        ["SyncClassrooms.ListAsync"] = new(3, "the pairings whose urban school is in the caller's scope, and the timetable and sessions of pairings already allowed"),

        // Growth: a guardian at the venue checks in their own child (the registry's guardian match), whoever recorded the child's other days.
        ["HealthTally.BySchoolAsync"] = new(2, "fitness and vision counts by the schools the caller's growth.read grants reach (checked by the caller), or every school for the system's recomputation: counts, no child"),
        ["SocialClassrooms.ChildrenAsync"] = new(1, "the practice days of the signed-in guardian's own children (ids from the registry's guardian match): venue names and days"),
        ["SocialClassrooms.CheckInAsync"] = new(3, "whether the guardian's own child's school booked the session, whether the child is checked in already, and the child's days this year"),
        ["GrowthRecords.ChildrenAsync"] = new(2, "the 十个一 progress of the signed-in guardian's own children (ids from the registry's guardian match): items and counts"),
        ["GrowthRecords.RecordOfAsync"] = new(5, "one student's whole record (entries, evidence, fitness, practice days, confirmed terms), which follows the child from school to school; the caller was checked first (the registry's scope and own-classes rule, or the guardian's match)"),
        ["GrowthRetention.RunAsync"] = new(20, "the retention pass deletes, as the system, every school's rows past the rules' periods; it reads only the ids, review times and file hashes of returned evidence"),
        ["GrowthRecords.ConfirmedAsync"] = new(1, "whether a student's term is confirmed, for a student the caller was already allowed (a term closed at a former school stays closed)"),

        // Admissions: what a season publishes is public (parents, who hold no grant, choose from it); nothing in it names a child.
        ["SeasonRules.PublishedAsync"] = new(1, "the seasons open to the public, read by parents to apply: window, ages, schools, rules"),
        ["AdmissionsRetention.RunAsync"] = new(3, "the system deletes what seasons past their retention no longer need, in every unit"),
        ["SeasonAllocation.RunAsync"] = new(2, "the season's bureau (its admissions.manage checked first) counts and places every application of its season, whichever unit reviewed it"),
        ["AdmissionsStatistics.FiguresAsync"] = new(2, "whole-city season and application counts for the indicator computation: figures, not children"),
        ["SeasonDraw.EnsureCommitmentAsync"] = new(1, "whether a season has its draw commitment yet, before the system gives it one; a family, the public or the bureau may be first to ask"),
        ["PublicDraws.FindAsync"] = new(2, "a season's public draw (no sign-in): its id by code, and the run its draw made, whose audit record holds only digests"),
        ["SeasonRules.FindAsync"] = new(1, "one season's public facts (window, ages, schools, categories), as the parent's pages and the officers' show them"),
        ["ApplicationStatuses.ChangedSince"] = new(1, "the ids of applications changed in the last seconds anywhere, so this node forgets the statuses it kept of them; ids only, nothing shown"),
        ["SeasonRules.SnapshotAsync"] = new(1, "one season's revision and window, to tell whether the copy in memory that applications are checked against is current"),

        // Registry: uniqueness across the city, matching stored rows in imports, whole-city statistics. Reads of
        // students, guardians and enrolments name the teachers' own-classes filter too: a duplicate or a count must
        // see every row, not only a teacher's classes.
        ["OneRosterChecks.LoadClassesAsync"] = new(2, "the stored classes of the bundle's schools and their head teachers, to match rows; writes are checked against the write scope"),
        ["OneRosterRecordChecks.StaffAsync"] = new(1, "staff numbers are unique across the city: a row matches or is refused, naming nothing outside the scope"),
        ["OneRosterRecordChecks.StudentsAsync"] = new(4, "student numbers are unique across the city: stored students (all classes), their guardians, open enrolments and class codes, to match"),
        ["AssetWrites.ReadAsync"] = new(1, "an asset number is unique within the school, whoever may read the clashing row"),
        ["ClassWrites.ReadAsync"] = new(2, "a class code is unique within the school; the head teacher is looked up by number in the same school"),
        ["ClassWrites.StudentsInAsync"] = new(1, "every student of the class (all classes' filter too): each would be left pointing at nothing"),
        ["StaffWrites.ReadAsync"] = new(1, "staff numbers and resident IDs are unique across the city; the refusal names nothing else"),
        ["StaffWrites.HeadOfAsync"] = new(1, "the codes of the classes this person heads, named when a delete is refused"),
        ["StudentIntake.EnrolAsync"] = new(1, "an admitted child already in the registry anywhere in the city (by 学籍号 or resident ID) is not created twice; only its id goes back"),
        ["FamilyRecords.ChildrenOfGuardianAsync"] = new(2, "a parent (who holds no grant) pre-fills an admission form from the registry's children whose guardian has the phone the parent signed in with; audited"),
        ["StudentMoves.Students"] = new(1, "a status change runs between units (a receiving school reads the student it is asked to take); the change's own rules decide who sees it, and moves are written through the registry's commands"),
        ["StudentMoves.StandingOf"] = new(1, "the student's class name and grade beside their standing, for the same status change"),
        ["StudentMoves.ChildrenOfGuardianAsync"] = new(1, "a parent (who holds no grant) applies for a status change of a child whose guardian has the phone the parent signed in with; audited"),
        ["StudentRoster.ChildrenOfGuardianAsync"] = new(2, "a parent (who holds no grant) sees the exam results of the children whose guardian has the phone the parent signed in with; ids and names only, audited"),
        ["StudentMoves.ClassesAsync"] = new(1, "the receiving school's classes and their sizes (counts), to place a transferred student and warn of a class at 56"),
        ["ChangeViews.ViewAsync"] = new(1, "the whole route of a status change the caller may see (checked before), as the guardian sees it: which units decided what"),
        ["ServiceRatings.OfChangeAsync"] = new(1, "the answer to a poor rating of a change the caller may see (checked before): the guardian who rated reads the district's answer"),
        ["TrainingTally.StandingsAsync"] = new(1, "a district's or the city's training hours by the schools of the teachers the registry's scope returned: the same rows the scope allows, without its per-row subquery over the tree"),
        ["StudentServicesStatistics.DropoutsAsync"] = new(1, "dropout counts per school for the indicators' recomputation (counts only, never a child); the indicators filter what each reader sees"),
        ["ScoreReports.ForGuardianAsync"] = new(1, "a parent's own children's entries in released exams, the children found by the registry from the phone the parent signed in with"),
        ["ScoreReports.BuildAsync"] = new(2, "the scores of candidates already checked (the guardian's children, the caller's class) and the exam's whole-exam quartiles, which name no one, for the position band"),
        ["ExamStatistics.LatestCityExamAsync"] = new(1, "exam counts per school for the indicators' recomputation (counts only, never a child); the indicators filter what each reader sees"),
        ["StudentWrites.ReadAsync"] = new(1, "student numbers and resident IDs are unique across the city (all classes); the refusal names nothing else"),
        ["RegistryStatistics.HeadcountsAsync"] = new(2, "whole-city headcounts for the indicator computation: figures, not people"),
        ["RegistryStatistics.TeachersBySchoolAsync"] = new(1, "whole-city teacher counts for the indicator computation"),
        ["RegistryStatistics.SeatsBySchoolAsync"] = new(1, "whole-city seat counts for the indicator computation"),
        ["RegistryImportChecks.LoadAsync"] = new(3, "existing school profiles and whether the tables are empty, across the city"),
        ["RegistryImportChecks.FlushAsync"] = new(3, "duplicate student numbers, resident IDs and staff numbers are checked across the city"),
        ["RegistryImportChecks.DbClassesAsync"] = new(1, "a school's stored classes to match rows against; writes are checked against the write scope"),
        ["RegistryImportChecks.DbStaffAsync"] = new(1, "a school's stored staff to match rows against; writes are checked against the write scope"),
        ["RegistryImportChecks.DbTeachingAsync"] = new(1, "a school's stored teaching assignments to match rows against"),
        ["RegistryImportChecks.DbAssetsAsync"] = new(1, "a school's stored assets to match rows against"),

        // Plans: a task lives on its bureau's plan, above the units it names; TaskAccess decides who sees a task.
        ["TaskAccess.LoadAsync"] = new(3, "the task and its plan, read so that TaskAccess itself can decide whether the caller may see it"),
        ["TaskAccess.UnitsAsync"] = new(1, "the units of tasks the caller may see"),
        ["PlanQueries.SummariesAsync"] = new(1, "the units of tasks the caller may see"),
        ["PlanQueries.TaskAsync"] = new(3, "section, targets and milestones of a task TaskAccess let the caller see"),
        ["StatusBoard.FactsAsync"] = new(2, "due dates and report dates make a task's status, whoever reported"),
        ["SupervisionCommands.ReportAsync"] = new(2, "the milestones and targets of a task the caller has been allowed to report on"),
        ["SupervisionQueries.UnitLinesAsync"] = new(3, "the tasks that name the caller's unit live on plans above its scope"),
        ["SupervisionQueries.RemindersAsync"] = new(1, "notices of the tasks above, restricted to the caller's unit in the query"),
        ["RectificationService.OpenOfSourcesAsync"] = new(1, "the open rectifications of source records the calling module has already let the caller see (a plan's tasks, which a unit named on them sees past its scope), optionally of one responsible unit"),
        ["RectificationService.CityCountsAsync"] = new(1, "counts per responsible unit for the indicators' city-wide facts (no rows, no findings)"),
        ["SupervisionQueries.LinesAsync"] = new(2, "milestones and report dates of tasks already restricted to what the caller may see"),

        // Indicators: a round is sent from a bureau above the units that answer it; computations cover the city.
        ["FormAccess.LoadReturnAsync"] = new(1, "the round of a return the caller sees, sent from a bureau above"),
        ["FormAccess.LoadRoundAsync"] = new(1, "read so that FormAccess itself can decide: the sender's scope, or a unit with a return in it"),
        ["FormCommands.AlreadySentAsync"] = new(1, "returns of units under a bureau the caller has been checked to manage"),
        ["FormFacts.AddFactsAsync"] = new(3, "approved returns and the units asked, for the whole-city computation: figures, not people"),
        ["FormQueries.LinesAsync"] = new(1, "the rounds of returns the caller sees, sent from bureaus above"),
        ["SnapshotWriter.ReplaceAsync"] = new(1, "a recomputation replaces the period's snapshots (all, or one form's indicators after an approval)"),
    };
}
