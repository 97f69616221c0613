using System.Data.Common;

namespace Qedu.Registry.Contracts;

/// <summary>A member of staff moving to another school from a day, and why (rotation: 交流轮岗).</summary>
public sealed record StaffMove(long StaffId, int ToSchoolId, DateOnly Effective, string Reason);

/// <summary>One stretch of a member of staff at a school (an open stretch has no end).</summary>
public sealed record StaffPostingLine(int SchoolId, DateOnly? From, DateOnly? To, string Reason);

/// <summary>Why a move cannot be made (the staff record is gone, or already at that school).</summary>
public sealed class StaffMoveRefusedException(string message) : Exception(message);

/// <summary>
/// Staff moving between schools, with their dated history, for the teachers module's rotation: the move is written
/// inside the caller's transaction, so the caller's own rows and the registry's change commit together or not at all.
/// </summary>
public interface IStaffMoves
{
    /// <summary>Since when each member of staff has been at their present school: their open stretch's start, else their hire date.</summary>
    Task<IReadOnlyDictionary<long, DateOnly?>> AtSchoolSinceAsync(IReadOnlyCollection<long> staffIds, CancellationToken ct = default);

    /// <summary>A member of staff's stretches at schools, oldest first (empty for one who never moved).</summary>
    Task<IReadOnlyList<StaffPostingLine>> PostingsAsync(long staffId, CancellationToken ct = default);

    /// <summary>
    /// Moves the member of staff inside <paramref name="transaction"/>: the staff record's school, the stretch that ends
    /// the day before and the one that begins; their teaching assignments and head-teacher posts at the old school end.
    /// Throws <see cref="StaffMoveRefusedException"/> when the staff record is gone or already at that school.
    /// </summary>
    Task MoveAsync(DbTransaction transaction, StaffMove move, string actor, CancellationToken ct = default);
}
