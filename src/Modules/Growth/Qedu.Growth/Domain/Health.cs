using System.Text.Json.Serialization;
using Qedu.Kernel.Access;

namespace Qedu.Growth.Domain;

// Health (体质健康, 视力筛查): one fitness result and one vision screening per student and school year, kept at the school
// the student was enrolled in when tested. Rows name a registry student id with no foreign key across modules.

/// <summary>The standard's grade of a total score (等级): 优秀 90+, 良好 80+, 及格 60+, 不及格 below (the rules' thresholds).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FitnessLevel>))]
internal enum FitnessLevel
{
    Fail = 0,
    Pass = 1,
    Good = 2,
    Excellent = 3,
}

/// <summary>
/// A student's physical-fitness test (国家学生体质健康标准) in a school year: the measurements as the file gave them and
/// the scores the rules' edition gave them when imported (kept, so a later edition does not rewrite a past year).
/// A student exempt on medical grounds (免测) has no measurements and is left out of every rate.
/// </summary>
internal sealed class FitnessResult : IOrgScoped
{
    public long Id { get; set; }

    /// <summary>The school the student was enrolled in on the test day.</summary>
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public long? ClassId { get; set; }
    public string? ClassName { get; set; }
    public required string GradeCode { get; set; }

    /// <summary>The registry's gender code (1 男, 2 女): the tables differ by sex.</summary>
    public required string GenderCode { get; set; }

    /// <summary>The school year by the year it began (2026 = 2026–2027学年).</summary>
    public int SchoolYear { get; set; }
    public DateOnly TestedOn { get; set; }
    public bool Exempt { get; set; }

    public double? HeightCm { get; set; }
    public double? WeightKg { get; set; }

    /// <summary>The item results by the rules' item code (vitalCapacity, sprint50, ...), as JSON: the file's values, in the rules' units.</summary>
    public required string Measurements { get; set; }

    /// <summary>标准分: the weighted sum of the item scores (0–100).</summary>
    public double Score { get; set; }

    /// <summary>附加分: the bonus for results beyond the top of the table (0–20).</summary>
    public double Bonus { get; set; }

    /// <summary>学年总分 = 标准分 + 附加分.</summary>
    public double Total { get; set; }
    public FitnessLevel Level { get; set; }

    /// <summary>The rules' edition that scored it.</summary>
    public required string Edition { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// A student's vision screening (视力筛查) in a school year: uncorrected distance acuity of each eye on the five-point
/// scale (4.0–5.3), the spherical equivalent of a non-cycloplegic autorefraction where taken, glasses worn; and whether
/// the screening rule (the rules' edition) found 视力不良 and 筛查性近视.
/// </summary>
internal sealed class VisionResult : IOrgScoped
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long StudentId { get; set; }
    public required string StudentNumber { get; set; }
    public long? ClassId { get; set; }
    public string? ClassName { get; set; }
    public required string GradeCode { get; set; }
    public int SchoolYear { get; set; }
    public DateOnly ScreenedOn { get; set; }
    public double LeftAcuity { get; set; }
    public double RightAcuity { get; set; }
    public double? LeftSphericalEquivalent { get; set; }
    public double? RightSphericalEquivalent { get; set; }
    public bool Glasses { get; set; }
    public bool PoorVision { get; set; }
    public bool Myopic { get; set; }
    public required string Edition { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
