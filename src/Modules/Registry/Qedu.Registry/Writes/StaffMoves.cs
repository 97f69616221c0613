using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Contracts;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Writes;

/// <summary>
/// <see cref="IStaffMoves"/>: reads within the caller's scope; a move written by a registry context of its own on the
/// caller's connection and transaction, acting as the procedure (the rotation's approval decided who may move whom).
/// </summary>
internal sealed class StaffMoves(RegistryDb db, IServiceScopeFactory scopes, DatabaseSettings settings) : IStaffMoves
{
    private const int Batch = 5_000;

    public async Task<IReadOnlyDictionary<long, DateOnly?>> AtSchoolSinceAsync(IReadOnlyCollection<long> staffIds, CancellationToken ct = default)
    {
        var since = new Dictionary<long, DateOnly?>(staffIds.Count);
        foreach (var chunk in staffIds.Distinct().Chunk(Batch))
        {
            foreach (var s in await db.Staff.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.HiredOn }).ToListAsync(ct))
            {
                since[s.Id] = s.HiredOn;
            }
            foreach (var p in await db.StaffPostings.AsNoTracking().Where(p => chunk.Contains(p.StaffId) && p.To == null).Select(p => new { p.StaffId, p.From })
                .ToListAsync(ct))
            {
                since[p.StaffId] = p.From;
            }
        }
        return since;
    }

    public async Task<IReadOnlyList<StaffPostingLine>> PostingsAsync(long staffId, CancellationToken ct = default) =>
        await db.StaffPostings.AsNoTracking().Where(p => p.StaffId == staffId).OrderBy(p => p.From).ThenBy(p => p.Id)
            .Select(p => new StaffPostingLine(p.OrgUnitId, p.From, p.To, p.Reason)).ToListAsync(ct);

    public async Task MoveAsync(DbTransaction transaction, StaffMove move, string actor, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System(actor));
        await using var moving = await RegistryDbOnTransaction.OpenAsync(scope.ServiceProvider, settings, transaction, ct);
        var staff = await moving.Staff.SingleOrDefaultAsync(s => s.Id == move.StaffId, ct)
            ?? throw new StaffMoveRefusedException($"Staff {move.StaffId} is not in the registry.");
        if (staff.OrgUnitId == move.ToSchoolId)
        {
            throw new StaffMoveRefusedException($"Staff {move.StaffId} is at that school already.");
        }
        var open = await moving.StaffPostings.SingleOrDefaultAsync(p => p.StaffId == staff.Id && p.To == null, ct);
        if (open is null)
        {
            // The first move: the stretch before it is the staff record's own, at its school since the hire date.
            moving.StaffPostings.Add(new StaffPosting { StaffId = staff.Id, OrgUnitId = staff.OrgUnitId, From = staff.HiredOn, To = move.Effective.AddDays(-1), Reason = "hire" });
        }
        else
        {
            open.To = move.Effective.AddDays(-1);
        }
        moving.StaffPostings.Add(new StaffPosting { StaffId = staff.Id, OrgUnitId = move.ToSchoolId, From = move.Effective, Reason = move.Reason });
        moving.TeachingAssignments.RemoveRange(await moving.TeachingAssignments.Where(a => a.StaffId == staff.Id).ToListAsync(ct));
        foreach (var led in await moving.Classes.Where(c => c.HeadTeacherId == staff.Id).ToListAsync(ct))
        {
            led.HeadTeacherId = null;
        }
        staff.OrgUnitId = move.ToSchoolId;
        await moving.SaveChangesAsync(ct);
    }
}
