using Qedu.Indicators.Definitions;
using Qedu.Kernel.Codes;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;

namespace Qedu.Indicators.Computation;

/// <summary>
/// The registry's facts per school, from three grouped queries (headcounts per class, teachers per school, seats):
/// students, classes and large classes by stage, class-size bands, teachers shared among a school's stages by enrolment,
/// 随迁子女 and 留守儿童, kindergarten children by category, rural schools, seats. The registry holds the present, so
/// these facts describe the registry as it is when the period is computed.
/// </summary>
internal sealed class RegistryFacts(IRegistryStatistics registry, IndicatorCatalog catalog) : IFactSource
{
    public const int LargeClass = 56;
    public const int VeryLargeClass = 66;

    public async Task AddFactsAsync(FactContext context, CancellationToken ct)
    {
        var headcounts = await registry.HeadcountsAsync(ct);
        var teachers = await registry.TeachersBySchoolAsync(ct);
        var seats = await registry.SeatsBySchoolAsync(ct);
        var facts = context.Facts;
        var studentsByStage = new Dictionary<(int School, Stage Stage), int>();

        foreach (var h in headcounts)
        {
            if (!context.Units.TryGetValue(h.SchoolId, out var school))
            {
                continue;
            }
            var stage = StageOfGrade(context.Codes, h.GradeCode) ?? context.StagesOf(school).FirstOrDefault(Stage.Other);
            var key = Key(stage);
            facts.Add(school.Id, "students", h.Students);
            facts.Add(school.Id, "migrant", h.Migrant);
            facts.Add(school.Id, "left-behind", h.LeftBehind);
            facts.Add(school.Id, "hardship", h.Hardship);
            if (key is not null)
            {
                facts.Add(school.Id, $"students.{key}", h.Students);
            }
            studentsByStage[(school.Id, stage)] = studentsByStage.GetValueOrDefault((school.Id, stage)) + h.Students;
            if (h.ClassId is not null && h.Students > 0 && key is not null)
            {
                facts.Add(school.Id, $"classed.{key}", h.Students);
                AddClass(facts, school.Id, key, stage, h.Students);
            }
        }

        foreach (var school in context.Units.Values.Where(u => u.Kind == OrgUnitKind.School))
        {
            var stages = context.StagesOf(school);
            facts.Add(school.Id, "schools", 1);
            foreach (var stage in stages)
            {
                if (Key(stage) is { } key)
                {
                    facts.Add(school.Id, $"schools.{key}", 1);
                }
            }
            if (context.Codes.IsUrban(school.UrbanRuralCode) is { } urban)
            {
                facts.Add(school.Id, urban ? "schools.urban" : "schools.rural", 1);
            }
            AddKindergarten(context, school, studentsByStage.GetValueOrDefault((school.Id, Stage.Preschool)));
            AddTeachers(facts, school, stages, teachers.GetValueOrDefault(school.Id), studentsByStage);
            if (seats.TryGetValue(school.Id, out var capacity))
            {
                facts.Add(school.Id, "seats", capacity);
                facts.Add(school.Id, "students.seated", context.Facts.Get(school.Id, "students") ?? 0);
            }
        }
    }

    private void AddClass(FactTable facts, int school, string key, Stage stage, int size)
    {
        facts.Add(school, "classes", 1);
        facts.Add(school, $"classes.{key}", 1);
        if (size >= LargeClass)
        {
            facts.Add(school, "classes.56plus", 1);
            facts.Add(school, $"classes.{key}.56plus", 1);
        }
        if (size >= VeryLargeClass)
        {
            facts.Add(school, "classes.66plus", 1);
            facts.Add(school, $"classes.{key}.66plus", 1);
        }
        if (stage is Stage.Primary or Stage.JuniorSecondary or Stage.SeniorSecondary)
        {
            foreach (var band in catalog.Bands)
            {
                if (band.Contains(size))
                {
                    facts.Add(school, "classes.band." + band.Code, 1);
                }
            }
        }
    }

    private static void AddKindergarten(FactContext context, OrgUnit school, int children)
    {
        var category = context.Codes.Find(CodeLists.KindergartenCategory, school.KindergartenCategoryCode, anyDate: true);
        if (category is null || children == 0)
        {
            return;
        }
        if (category.Attribute("inclusive") == "true")
        {
            context.Facts.Add(school.Id, "preschool.inclusive", children);
        }
        if (category.Attribute("public") == "true")
        {
            context.Facts.Add(school.Id, "preschool.public", children);
        }
    }

    /// <summary>
    /// A 九年一贯制 school's teachers are not recorded by stage; they are shared among its stages in proportion to
    /// enrolment (evenly when it has no students yet), so each stage's ratio stays comparable with single-stage schools.
    /// </summary>
    private static void AddTeachers(FactTable facts, OrgUnit school, IReadOnlyList<Stage> stages, int count, Dictionary<(int, Stage), int> students)
    {
        if (count == 0)
        {
            return;
        }
        facts.Add(school.Id, "teachers", count);
        var keyed = stages.Where(s => Key(s) is not null).ToList();
        if (keyed.Count == 0)
        {
            return;
        }
        var total = keyed.Sum(s => students.GetValueOrDefault((school.Id, s)));
        foreach (var stage in keyed)
        {
            var share = total == 0 ? 1m / keyed.Count : (decimal)students.GetValueOrDefault((school.Id, stage)) / total;
            facts.Add(school.Id, $"teachers.{Key(stage)}", count * share);
        }
    }

    /// <summary>The stage of a grade: the <c>grade</c> list's parent is the stage (K1 → Preschool).</summary>
    private static Stage? StageOfGrade(CodeBook codes, string? grade) =>
        codes.Find("grade", grade, anyDate: true)?.ParentCode is { } parent && Enum.TryParse<Stage>(parent, out var stage) ? stage : null;

    private static string? Key(Stage stage) => IndicatorCatalog.StageKeys.GetValueOrDefault(stage);
}
