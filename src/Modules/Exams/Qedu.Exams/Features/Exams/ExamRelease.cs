using Microsoft.EntityFrameworkCore;
using Qedu.Exams.Data;
using Qedu.Kernel.Access;

namespace Qedu.Exams.Features.Exams;

/// <summary>What came of a release: the exam is not the caller's to see, not theirs to release, or released (now or before).</summary>
internal enum ReleaseOutcome
{
    NotFound,
    Forbidden,
    Released,
}

/// <summary>
/// Releases an exam's results to families (成绩发布): from then on each guardian sees their child's score report. Done once
/// by the bureau that ran the exam, after the schools have checked the figures; releasing again changes nothing.
/// </summary>
internal sealed class ExamRelease(ExamsDb db, ExamAccess exams, ICurrentAccess access, TimeProvider clock)
{
    public async Task<(ReleaseOutcome Outcome, DateTimeOffset? ReleasedAt)> ReleaseAsync(string code, CancellationToken ct)
    {
        if (await exams.Visible().FirstOrDefaultAsync(e => e.Code == code, ct) is not { } exam)
        {
            return (ReleaseOutcome.NotFound, null);
        }
        if (!await exams.MayManageAsync(exam, ct))
        {
            return (ReleaseOutcome.Forbidden, null);
        }
        if (exam.ReleasedAt is { } already)
        {
            return (ReleaseOutcome.Released, already);
        }
        // Whole seconds: the time read back later (SQLite keeps less than the clock gives) is the one answered now.
        var now = clock.GetUtcNow();
        exam.ReleasedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        exam.ReleasedBy = access.Current.ActorName ?? access.Current.ActorId;
        // The write is audited with every other (the module's context carries the audit interceptor).
        await db.SaveChangesAsync(ct);
        return (ReleaseOutcome.Released, exam.ReleasedAt);
    }
}
