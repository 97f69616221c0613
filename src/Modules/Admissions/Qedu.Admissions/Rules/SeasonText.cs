using Qedu.Admissions.Domain;
using System.Globalization;

namespace Qedu.Admissions.Rules;

/// <summary>How pages word a season's facts (resource keys and China-time dates), shared by the staff and parent pages.</summary>
internal static class SeasonText
{
    /// <summary>A time as families and officers read it: China time, to the minute.</summary>
    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Window(PublicSeason s) => $"{Local(s.OpensAt)} – {Local(s.ClosesAt)}";

    public static string Born(PublicSeason s) => $"{s.BornFrom:yyyy-MM-dd} – {s.BornTo:yyyy-MM-dd}";

    public static string PhaseKey(PublicSeason s, DateTimeOffset now) =>
        now < s.OpensAt ? "Phase.Upcoming" : now < s.ClosesAt ? "Phase.Open" : "Phase.Closed";

    public static string StageKey(SeasonStage stage) => $"Stage.{stage}";

    public static string MechanismKey(SeasonMechanism mechanism) => $"Mechanism.{mechanism}";

    public static string StatusKey(ApplicationStatus status) => $"Status.{status}";

    public static string EventKey(string kind) => $"Event.{kind}";

    public static string CheckKey(FactCheck check) => $"Check.{check}";

    /// <summary>The badge style of a check: agreed, flagged, or not yet checked.</summary>
    public static string CheckClass(FactCheck check) => check switch
    {
        FactCheck.Verified => "ok",
        FactCheck.Mismatch => "bad",
        _ => "muted",
    };

    /// <summary>One badge for an application's three checks: any mismatch flags it; otherwise verified once any agency agreed.</summary>
    public static FactCheck Overall(FactCheck hukou, FactCheck property, FactCheck insurance) =>
        hukou == FactCheck.Mismatch || property == FactCheck.Mismatch || insurance == FactCheck.Mismatch ? FactCheck.Mismatch
        : hukou == FactCheck.Verified || property == FactCheck.Verified || insurance == FactCheck.Verified ? FactCheck.Verified
        : FactCheck.Unchecked;
}
