using System.Text.Json;

namespace Qedu.Teachers.Rules;

/// <summary>
/// The rules the teachers' records follow, as data (Rules/teacher-rules.json, with its source): how often a certificate is
/// registered again (定期注册), how far ahead a registration shows as due, and the report channel's limits in working
/// days from receipt (acknowledge, start the investigation, conclude), and how many months an ethics bar lasts.
/// </summary>
internal sealed record TeacherRules(
    int CertificateRegistrationYears, int RegistrationDueWithinDays, int ReportAcknowledgeWorkingDays, int ReportInvestigateWorkingDays,
    int ReportConcludeWorkingDays, int UnqualifiedReviewBarMonths, int UpheldReportBarMonths, TrainingRules Training, RotationRules Rotation,
    RuralIncentives RuralIncentives)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TeacherRules Load()
    {
        using var stream = typeof(TeacherRules).Assembly.GetManifestResourceStream("Qedu.Teachers.teacher-rules.json")
            ?? throw new InvalidOperationException("teacher-rules.json is not embedded.");
        var rules = JsonSerializer.Deserialize<TeacherRules>(stream, Json) ?? throw new InvalidOperationException("teacher-rules.json is empty.");
        var limits = new[] { rules.ReportAcknowledgeWorkingDays, rules.ReportInvestigateWorkingDays, rules.ReportConcludeWorkingDays };
        return rules.CertificateRegistrationYears is > 0 and <= 10 && rules.RegistrationDueWithinDays is >= 0 and <= 730
            && limits.All(d => d is > 0 and <= 120) && limits.SequenceEqual(limits.Order())
            && rules.UnqualifiedReviewBarMonths is > 0 and <= 120 && rules.UpheldReportBarMonths is > 0 and <= 120
            && rules.Training?.Check() is null && rules.Rotation?.Check() is null && rules.RuralIncentives?.Check() is null
            ? rules
            : throw new InvalidOperationException(
                "teacher-rules.json: certificateRegistrationYears must be 1–10, registrationDueWithinDays 0–730, the report limits 1–120 working days in order, and the bars 1–120 months. "
                + rules.Training?.Check() + rules.Rotation?.Check() + rules.RuralIncentives?.Check());
    }

    /// <summary>When a certificate issued on <paramref name="issuedOn"/> and last registered on <paramref name="lastRegisteredOn"/> is next due.</summary>
    public DateOnly NextRegistrationDue(DateOnly issuedOn, DateOnly? lastRegisteredOn) =>
        (lastRegisteredOn is { } last && last > issuedOn ? last : issuedOn).AddYears(CertificateRegistrationYears);

    /// <summary>Where a registration due on <paramref name="due"/> stands on <paramref name="today"/>.</summary>
    public RegistrationState StateOn(DateOnly due, DateOnly today) =>
        due < today ? RegistrationState.Overdue
        : due.DayNumber - today.DayNumber <= RegistrationDueWithinDays ? RegistrationState.DueSoon
        : RegistrationState.Current;
}

/// <summary>A certificate's registration on a day: current, due within the window, or past due.</summary>
internal enum RegistrationState
{
    Current,
    DueSoon,
    Overdue,
}
