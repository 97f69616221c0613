using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Web;
using Qedu.Safety.Data;
using Qedu.Safety.Domain;
using Qedu.Safety.Resources;

namespace Qedu.Safety.Features.Readiness;

internal sealed record DrillInput(string? Kind, DateOnly? On, int? Participants, string? Problems);

internal sealed record TeamInput(string? Kind, int? Members, string? Leader);

internal sealed record CanteenInput(string? Name, string? LicenceNumber, DateOnly? LicenceExpires, bool Standard, int? Seats);

/// <summary>
/// A school's readiness (safety.manage over the school): drills (应急演练), its three security teams (三支队伍) and its
/// canteens with their food business licences. The kinds of drill and team are fixed lists, named in the interface.
/// </summary>
internal sealed class SafetyReadiness(SafetyDb db, SafetyAccess access, TimeProvider clock, IStringLocalizer<SafetyText> t)
{
    public static readonly IReadOnlyList<string> DrillKinds = ["fire", "earthquake", "evacuation", "counter-terror", "flood", "food"];
    public static readonly IReadOnlyList<string> TeamKinds = ["guards", "officers", "volunteers"];

    public async Task<Outcome<long>> AddDrillAsync(string? schoolCode, DrillInput input, CancellationToken ct = default)
    {
        var (school, refusal) = await SchoolAsync<long>(schoolCode, ct);
        if (school is null)
        {
            return refusal!;
        }
        var errors = new InputErrors();
        if (!DrillKinds.Contains(input.Kind ?? ""))
        {
            errors.Add("kind", t["Readiness.DrillKind.Unknown"]);
        }
        if (input.On is not { } on)
        {
            errors.Add("on", t["Field.Required"]);
        }
        else if (on > CityDate.Today(clock))
        {
            errors.Add("on", t["Field.DateFuture"]);
        }
        if (input.Participants is not (>= 1 and <= 20000))
        {
            errors.Add("participants", string.Format(t["Field.Range"], 1, 20000));
        }
        var problems = input.Problems?.Trim();
        if (problems?.Length > 2000)
        {
            errors.Add("problems", string.Format(t["Field.TooLong"], 2000));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var drill = new Drill
        {
            OrgUnitId = school.Value, Kind = input.Kind!, HeldOn = input.On!.Value, Participants = input.Participants!.Value,
            Problems = string.IsNullOrEmpty(problems) ? null : problems, RecordedAt = clock.GetUtcNow(), RecordedBy = access.Caller.ActorName ?? "",
        };
        db.Drills.Add(drill);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(drill.Id);
    }

    /// <summary>Sets one of the school's three teams (one line per kind; setting it again replaces it).</summary>
    public async Task<Outcome<long>> SetTeamAsync(string? schoolCode, TeamInput input, CancellationToken ct = default)
    {
        var (school, refusal) = await SchoolAsync<long>(schoolCode, ct);
        if (school is null)
        {
            return refusal!;
        }
        var errors = new InputErrors();
        if (!TeamKinds.Contains(input.Kind ?? ""))
        {
            errors.Add("kind", t["Readiness.TeamKind.Unknown"]);
        }
        if (input.Members is not (>= 0 and <= 2000))
        {
            errors.Add("members", string.Format(t["Field.Range"], 0, 2000));
        }
        var leader = input.Leader?.Trim();
        if (string.IsNullOrEmpty(leader))
        {
            errors.Add("leader", t["Field.Required"]);
        }
        else if (leader.Length > 50)
        {
            errors.Add("leader", string.Format(t["Field.TooLong"], 50));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var team = await db.Teams.FirstOrDefaultAsync(x => x.OrgUnitId == school.Value && x.Kind == input.Kind, ct);
        if (team is null)
        {
            team = new SecurityTeam { OrgUnitId = school.Value, Kind = input.Kind!, Leader = leader! };
            db.Teams.Add(team);
        }
        team.Members = input.Members!.Value;
        team.Leader = leader!;
        team.UpdatedOn = CityDate.Today(clock);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(team.Id);
    }

    public async Task<Outcome<long>> AddCanteenAsync(string? schoolCode, CanteenInput input, CancellationToken ct = default)
    {
        var (school, refusal) = await SchoolAsync<long>(schoolCode, ct);
        if (school is null)
        {
            return refusal!;
        }
        var errors = new InputErrors();
        var name = errors.Text("name", input.Name, 100, t["Field.Required"], string.Format(t["Field.TooLong"], 100));
        var licence = errors.Text("licenceNumber", input.LicenceNumber, 40, t["Field.Required"], string.Format(t["Field.TooLong"], 40));
        if (input.LicenceExpires is null)
        {
            errors.Add("licenceExpires", t["Field.Required"]);
        }
        if (input.Seats is not (>= 0 and <= 20000))
        {
            errors.Add("seats", string.Format(t["Field.Range"], 0, 20000));
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var canteen = new Canteen
        {
            OrgUnitId = school.Value, Name = name!, LicenceNumber = licence!, LicenceExpires = input.LicenceExpires!.Value, Standard = input.Standard,
            Seats = input.Seats!.Value,
        };
        db.Canteens.Add(canteen);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(canteen.Id);
    }

    private async Task<(int?, Outcome<T>?)> SchoolAsync<T>(string? code, CancellationToken ct)
    {
        var school = await access.SchoolAsync(code, ct);
        if (school is null)
        {
            return (null, Outcome<T>.NotFound(t["School.NotFound"]));
        }
        return await access.MayAsync(Permissions.SafetyManage, school.Id, ct)
            ? (school.Id, null)
            : (null, Outcome<T>.Forbidden(t["Inspection.NotYourSchool"]));
    }

}
