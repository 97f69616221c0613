using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;

namespace Qedu.Admissions.Rules;

/// <summary>
/// The seats of a season's schools already held after results: an open offer or an accepted one. 统筹 and an upheld
/// 复核 both give only what is left (seats minus held), from this one count.
/// </summary>
internal static class SeatsHeld
{
    /// <summary>Held seats per school; <paramref name="exceptApplicationId"/> left out (its own seat, when it moves).</summary>
    public static async Task<Dictionary<int, int>> BySchoolAsync(AdmissionsDb db, long seasonId, long? exceptApplicationId, CancellationToken ct) =>
        (await db.Applications.AsNoTracking()
            .Where(a => a.SeasonId == seasonId && a.OfferSchoolId != null && a.Id != exceptApplicationId
                && (a.Status == ApplicationStatus.Offered || a.Status == ApplicationStatus.Accepted))
            .GroupBy(a => a.OfferSchoolId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);
}
