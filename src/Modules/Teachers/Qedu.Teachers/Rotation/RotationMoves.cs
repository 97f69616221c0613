using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;

namespace Qedu.Teachers.Rotation;

/// <summary>
/// Makes an approved move, in one transaction: the registry moves the staff record (its school, the dated stretches, the
/// teaching assignments left behind) through <see cref="IStaffMoves"/>, and every record of the teacher here follows
/// them to the new school (so the new school keeps it and the old one no longer sees it), and the move is marked made.
/// Anything failing leaves all as it was.
/// </summary>
internal sealed class RotationMoves(TeachersDb db, IStaffMoves staffMoves, TeacherAccess access, TimeProvider clock)
{
    public const string Reason = "rotation";

    /// <summary>False when the move is not (or no longer) approved, or the registry refused it.</summary>
    public async Task<bool> ApplyAsync(long moveId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var move = await db.RotationMoves.SingleOrDefaultAsync(m => m.Id == moveId && m.State == RotationState.Approved, ct);
        if (move is null)
        {
            return false;
        }
        try
        {
            await staffMoves.MoveAsync(tx.GetDbTransaction(), new StaffMove(move.StaffId, move.ToSchoolId, move.EffectiveOn, Reason), access.ActorName, ct);
        }
        catch (StaffMoveRefusedException)
        {
            return false;
        }
        var (staff, to) = (move.StaffId, move.ToSchoolId);
        await db.Certificates.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.Registrations.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.Titles.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.Backbone.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.Honours.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.StudioMembers.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.EthicsReviews.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.EthicsBars.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.Enrolments.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        await db.Hours.Where(r => r.StaffId == staff).ExecuteUpdateAsync(u => u.SetProperty(r => r.OrgUnitId, to), ct);
        (move.State, move.AppliedAt) = (RotationState.Applied, clock.GetUtcNow());
        move.Revision++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
