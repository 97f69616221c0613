namespace Qedu.Kernel.Codes;

/// <summary>学段. The mapping from 办学类型 to stages is data (the <c>stages</c> attribute of the school-type list).</summary>
public enum Stage
{
    Preschool,
    Primary,
    JuniorSecondary,
    SeniorSecondary,
    Vocational,
    Special,
    Higher,
    Other,
}
