using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Family.Credits;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Family.Resources;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;

namespace Qedu.Family.Features.LearnerCredits;

internal sealed record IssuedTranscript(string Code, DateOnly IssuedOn, decimal TotalCredits, int Outcomes);

internal sealed record LearnerAccount(string? Name, IReadOnlyList<TranscriptLine> Lines, decimal Total, IReadOnlyList<IssuedTranscript> Transcripts);

/// <summary>
/// A learner's own account in the credit bank, from the public sign-in (the mobile number the providers recorded):
/// their outcomes and credits, transcripts issued on request with a verification code, and each transcript as a PDF.
/// </summary>
internal sealed class LearnerCredits(FamilyDb db, FamilyAccess access, ParentAccounts accounts, TimeProvider clock, IStringLocalizer<FamilyText> t)
{
    /// <summary>Letters and digits that cannot be mistaken for one another when typed from paper.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<LearnerAccount> AccountAsync(CancellationToken ct = default)
    {
        var learner = await LearnerAsync(ct);
        if (learner is null)
        {
            return new LearnerAccount(null, [], 0m, []);
        }
        var content = await TranscriptLines.ReadAsync(db, learner, DateTimeOffset.MaxValue, ct);
        var issued = await db.CreditTranscripts.AsNoTracking().Where(x => x.LearnerId == learner.Id).OrderByDescending(x => x.Id).Take(20).ToListAsync(ct);
        return new LearnerAccount(learner.Name, content.Lines, content.Total,
            [.. issued.Select(x => new IssuedTranscript(x.Code, CityDate.Of(x.IssuedAt), x.TotalCredits, x.Outcomes))]);
    }

    /// <summary>Issues a transcript of the account as it stands: a fresh verification code, the total, the hash of its lines.</summary>
    public async Task<Outcome<string>> IssueAsync(CancellationToken ct = default)
    {
        var learner = await LearnerAsync(ct);
        if (learner is null)
        {
            return Outcome<string>.NotFound(t["Credits.NoAccount"]);
        }
        var now = clock.GetUtcNow();
        var content = await TranscriptLines.ReadAsync(db, learner, now, ct);
        if (content.Lines.Count == 0)
        {
            return Outcome<string>.Conflict(t["Credits.NothingYet"]);
        }
        var code = RandomNumberGenerator.GetString(CodeAlphabet, 12);
        code = $"{code[..4]}-{code[4..8]}-{code[8..]}";
        db.CreditTranscripts.Add(new CreditTranscript
        {
            LearnerId = learner.Id, Code = code, IssuedAt = now, TotalCredits = content.Total, Outcomes = content.Lines.Count, ContentHash = content.Hash,
        });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(code);
    }

    /// <summary>The learner's own transcript with this code as a PDF, as it was issued; null when not theirs (or unknown).</summary>
    public async Task<byte[]?> PdfAsync(string code, CjkFont font, CancellationToken ct = default)
    {
        var learner = await LearnerAsync(ct);
        var transcript = learner is null ? null : await db.CreditTranscripts.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code && x.LearnerId == learner.Id, ct);
        if (learner is null || transcript is null)
        {
            return null;
        }
        var content = await TranscriptLines.ReadAsync(db, learner, transcript.IssuedAt, ct);
        return OfficialLetterPdf.Render(Letter(content, transcript), font);
    }

    /// <summary>The transcript's words: official Chinese, whatever the page's language.</summary>
    internal static OfficialLetter Letter(TranscriptContent content, CreditTranscript transcript) => new()
    {
        Title = "学分银行学习成果证明",
        Issuer = "青岛市终身学习学分银行",
        Date = CityDate.Of(transcript.IssuedAt),
        Reference = transcript.Code,
        Paragraphs =
        [
            $"{content.Learner}在本学分银行存入的学习成果如下，累计认定学分 {content.Total:0.#} 分。同一学习内容的证书与课程只计一次（取较高者）。",
        ],
        Fields = [.. content.Lines.Select(l => new LetterField($"{l.AchievedOn:yyyy-MM-dd} {l.Provider}",
            $"{l.Title}：{(l.Counts ? $"{l.Credits:0.#} 学分" : "与同类成果合并认定")}"))],
        VerificationCode = transcript.Code,
        VerificationNote = "任何单位或个人可在青岛教育“学分核验”页面（/credits/verify）输入验证码核验本证明。",
    };

    private async Task<CreditLearner?> LearnerAsync(CancellationToken ct) =>
        access.Caller.ParentAccountId is Guid id && (await accounts.FindAsync(id, ct))?.Phone is { } phone
            ? await db.CreditLearners.AsNoTracking().SingleOrDefaultAsync(l => l.Phone == phone, ct)
            : null;
}
