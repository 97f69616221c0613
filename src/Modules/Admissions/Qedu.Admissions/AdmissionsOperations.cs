using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Data;
using Qedu.Admissions.Features.Intake;
using Qedu.Admissions.Retention;
using Qedu.Kernel.Web;

namespace Qedu.Admissions;

/// <summary>
/// What hosts other than the web (the <c>qedu</c> command line, a scheduled job) may ask of the admissions module: with
/// <see cref="AdmissionsModule"/>, the module's whole public surface for hosts. Built by the module.
/// </summary>
public sealed class AdmissionsOperations
{
    private readonly AdmissionsRetention _retention;
    private readonly SeasonIntake _intake;
    private readonly AdmissionsDb _db;

    internal AdmissionsOperations(AdmissionsRetention retention, SeasonIntake intake, AdmissionsDb db) =>
        (_retention, _intake, _db) = (retention, intake, db);

    /// <summary>Deletes what seasons closed past their retention no longer need (see docs/admissions.md, "Retention").</summary>
    public Task<RetentionResult> ApplyRetentionAsync(CancellationToken ct = default) => _retention.RunAsync(ct);

    /// <summary>
    /// Makes the accepted children of the season with <paramref name="seasonCode"/> registry students (see
    /// docs/admissions.md, "Intake"), enrolled from <paramref name="from"/> or 1 September of the season's year.
    /// </summary>
    public async Task<Outcome<IntakeResult>> EnrolAcceptedAsync(string seasonCode, DateOnly? from = null, CancellationToken ct = default)
    {
        var id = await _db.Seasons.AsNoTracking().Where(s => s.Code == seasonCode).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return Outcome<IntakeResult>.NotFound($"No season has the code '{seasonCode}'.");
        }
        var done = await _intake.EnrolAsync(id.Value, from, ct);
        return done.IsOk
            ? Outcome<IntakeResult>.Ok(new IntakeResult(done.Value!.Enrolled, done.Value.AlreadyInRegistry))
            : new Outcome<IntakeResult>(done.Kind, default, done.Errors, done.Message);
    }
}

/// <summary>What one pass of the retention deleted: in how many seasons, how many applications and proof files.</summary>
public sealed record RetentionResult(int Seasons, int Applications, int Materials, int IdempotencyKeys = 0);

/// <summary>What an intake did: students created, and accepted children the registry already held (not enrolled again).</summary>
public sealed record IntakeResult(int Enrolled, int AlreadyInRegistry);
