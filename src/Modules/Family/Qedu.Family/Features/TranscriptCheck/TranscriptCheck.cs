using Microsoft.EntityFrameworkCore;
using Qedu.Family.Credits;
using Qedu.Family.Data;
using Qedu.Kernel.Calendar;

namespace Qedu.Family.Features.TranscriptCheck;

/// <summary>What a transcript's check shows: the learner's name masked, when issued, the total and the lines as issued.</summary>
internal sealed record CheckedTranscript(string Code, string Learner, DateOnly IssuedOn, decimal TotalCredits, IReadOnlyList<TranscriptLine> Lines, bool Intact);

/// <summary>
/// The public check of a transcript (学分核验): anyone holding the paper types its code and sees what it should say — the
/// learner's name masked (the holder has the paper), the date, the total and the lines as issued, recomputed from the
/// bank and compared with the hash kept when it was issued (<see cref="CheckedTranscript.Intact"/>). A code is 12 characters
/// from 32 (60 bits): not guessable.
/// </summary>
internal sealed class TranscriptCheck(FamilyDb db)
{
    public async Task<CheckedTranscript?> CheckAsync(string? code, CancellationToken ct = default)
    {
        var wanted = code?.Trim().ToUpperInvariant();
        if (wanted is not { Length: 14 })
        {
            return null;
        }
        var transcript = await db.CreditTranscripts.AsNoTracking().SingleOrDefaultAsync(x => x.Code == wanted, ct);
        var learner = transcript is null ? null : await db.CreditLearners.AsNoTracking().SingleAsync(l => l.Id == transcript.LearnerId, ct);
        if (transcript is null || learner is null)
        {
            return null;
        }
        var content = await TranscriptLines.ReadAsync(db, learner, transcript.IssuedAt, ct);
        return new CheckedTranscript(transcript.Code, Mask(learner.Name), CityDate.Of(transcript.IssuedAt), transcript.TotalCredits, content.Lines,
            content.Hash == transcript.ContentHash && content.Total == transcript.TotalCredits);
    }

    /// <summary>王小明 → 王**: the family name only.</summary>
    internal static string Mask(string name) => name.Length <= 1 ? name : name[..1] + new string('*', name.Length - 1);
}
