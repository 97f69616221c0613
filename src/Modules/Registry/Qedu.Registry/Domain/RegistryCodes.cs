namespace Qedu.Registry.Domain;

/// <summary>The keys of the code lists registry records use (the lists themselves ship with the kernel's code book).</summary>
internal static class RegistryCodes
{
    public const string Grade = "grade";
    public const string StudentStatus = "student-status";
    public const string StudentCategory = "student-category";
    public const string GuardianRelation = "guardian-relation";
    public const string Qualification = "qualification";
    public const string ProfessionalTitle = "professional-title";
    public const string StaffPost = "staff-post";
    public const string EmploymentType = "employment-type";
    public const string AssetCategory = "asset-category";
}
