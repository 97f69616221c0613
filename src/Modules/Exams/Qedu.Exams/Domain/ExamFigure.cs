using Qedu.Kernel.Access;

namespace Qedu.Exams.Domain;

/// <summary>The level a figure describes: the drill-down goes city → district → school → class.</summary>
internal enum FigureLevel
{
    City = 1,
    District = 2,
    School = 3,
    Class = 4,
}

/// <summary>
/// The statistics of one unit (a class, a school, a district, the city) in one subject or the total (<see cref="Subject"/>
/// 0), computed once when the scores arrive (and again when the thresholds change), so every page reads them ready.
/// Scoped by the unit (a class's row by its school), so each level sees its own rows and those below.
/// </summary>
[ScopedWrite(Permissions.ExamsManage)]
internal sealed class ExamFigure : IOrgScoped
{
    public const short Total = 0;

    public long Id { get; set; }
    public int ExamId { get; set; }
    public FigureLevel Level { get; set; }

    /// <summary>The unit; for a class, its school.</summary>
    public int OrgUnitId { get; set; }
    public long? ClassId { get; set; }
    public string? ClassName { get; set; }

    /// <summary>The unit of the level above (a class's school, a school's district, a district's exam owner), for the drill-down.</summary>
    public int? AboveUnitId { get; set; }

    /// <summary>The subject's <see cref="ExamSubject.Number"/>, or <see cref="Total"/>.</summary>
    public short Subject { get; set; }
    public int Sat { get; set; }
    public int Absent { get; set; }
    public double? Mean { get; set; }
    public double? StandardDeviation { get; set; }
    public double? Min { get; set; }
    public double? Q1 { get; set; }
    public double? Median { get; set; }
    public double? Q3 { get; set; }
    public double? Max { get; set; }
    public double PassRate { get; set; }
    public double ExcellentRate { get; set; }

    /// <summary>Students in each tenth of full marks, lowest first, comma-separated.</summary>
    public required string Bands { get; set; }

    /// <summary>The mean of the level above (the school's for a class, …, none for the city) and this mean's gap to it.</summary>
    public double? AboveMean { get; set; }
    public double? Gap { get; set; }

    /// <summary>For the total: the share of the unit's students in the city's lowest 30 % (后30%).</summary>
    public double? Bottom30Share { get; set; }
}

/// <summary>
/// One question (题) of a subject in an exam, over everyone who sat the subject: its full marks, how many answered, its
/// difficulty (mean score ÷ full marks) and its upper–lower 27 % discrimination against the subject's score. Computed
/// from the item file when it arrives (the file is the record of the item scores; a new file replaces the subject's rows).
/// </summary>
internal sealed class ExamItem
{
    public long Id { get; set; }
    public int ExamId { get; set; }
    public short Subject { get; set; }

    /// <summary>The items' order within the subject, as they first appear in the file.</summary>
    public short Number { get; set; }

    /// <summary>The question as the file names it (题号: "1", "13(2)").</summary>
    public required string Label { get; set; }
    public double FullMarks { get; set; }
    public int Count { get; set; }
    public double Difficulty { get; set; }
    public double Discrimination { get; set; }
}
