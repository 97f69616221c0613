using System.Text;
using Microsoft.EntityFrameworkCore;
using Qedu.Admissions.Data;
using Qedu.Admissions.Rules;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;

namespace Qedu.Admissions.Features.Draws;

/// <summary>What a season's public draw page shows: the commitment always, the seed and the audit digests after the draw.</summary>
internal sealed record PublicDraw(
    PublicSeason Season, string Commitment, DateTimeOffset CommittedAt, string? Seed, DateTimeOffset? DrawnAt,
    DrawDigests? Digests, int Applicants, int Placed, string? AuditJson = null);

/// <summary>One applicant's line of the published draw: the code, its choices (school names) and where it was placed.</summary>
internal sealed record DrawLine(string Code, IReadOnlyList<string> Choices, string? School);

/// <summary>
/// The public side of a season's draw (no sign-in: nothing in it names a child): the commitment, and after the draw
/// the seed, the package of files anyone can re-run with <c>qedu allocate</c>, and a family's line by its code.
/// </summary>
internal sealed class PublicDraws(AdmissionsDb db, SeasonRules rules, SeasonDraw draws, IFileStore files, TimeProvider clock)
{
    /// <summary>The season's draw by season code; null for a season that does not exist.</summary>
    public async Task<PublicDraw?> FindAsync(string code, CancellationToken ct = default)
    {
        var id = await db.Seasons.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking()
            .Where(s => s.Code == code).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (id is not long seasonId || await rules.FindAsync(seasonId, ct) is not { } season
            || await draws.EnsureCommitmentAsync(seasonId, clock.GetUtcNow(), ct) is not { DrawCommitment: { } commitment } stored)
        {
            return null;
        }
        var committedAt = stored.DrawCommittedAt ?? season.ClosesAt;
        if (stored.DrawnAt is not { } drawnAt || stored.DrawRunId is not long runId)
        {
            return new PublicDraw(season, commitment, committedAt, null, null, null, 0, 0);
        }
        var run = await db.Runs.IgnoreQueryFilters([ScopeFilter.Name]).AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        return new PublicDraw(season, commitment, committedAt, stored.DrawSeed, drawnAt, DrawPackage.Digests(run.AuditRecord), run.Applicants, run.Placed, run.AuditRecord);
    }

    /// <summary>The line of the applicant with draw code <paramref name="code"/>; null when no applicant has it.</summary>
    public async Task<DrawLine?> LineAsync(PublicDraw draw, string code, CancellationToken ct = default)
    {
        if (draw.Digests is not { } digests || !SeasonDraw.IsCode(code)
            || await ReadAsync(digests.ApplicantsFile, ct) is not { } applicants || await ReadAsync(digests.AssignmentsFile, ct) is not { } result)
        {
            return null;
        }
        var names = draw.Season.Schools.ToDictionary(s => s.SchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Name);
        string Name(string programId) => names.GetValueOrDefault(programId, programId);
        // The files are Qedu's own (codes, ids and numbers, never quoted): a line is found by its first field.
        var choices = Row(applicants, code);
        var placed = Row(result, code);
        if (choices is null || placed is null)
        {
            return null;
        }
        var chosen = choices[1].Length == 0 ? [] : choices[1].Split('|').Select(Name).ToList();
        return new DrawLine(code, chosen, placed[1].Length == 0 ? null : Name(placed[1]));
    }

    /// <summary>The package (README, inputs, result, audit record) of a drawn season as a zip; null before the draw or when a stored file is missing or altered.</summary>
    public async Task<byte[]?> PackageAsync(PublicDraw draw, CancellationToken ct = default)
    {
        if (draw is not { Seed: { } seed, DrawnAt: { } drawnAt, Digests: { PrioritiesFile: { } prioritiesFile } digests, AuditJson: { } audit })
        {
            return null;
        }
        var programs = await ReadAsync(digests.ProgramsFile, ct);
        var applicants = await ReadAsync(digests.ApplicantsFile, ct);
        var priorities = await ReadAsync(prioritiesFile, ct);
        var result = await ReadAsync(digests.AssignmentsFile, ct);
        if (programs is null || applicants is null || priorities is null || result is null)
        {
            return null;
        }
        var readme = DrawPackage.Readme(draw.Season.Code, draw.Season.Name, draw.Commitment, draw.CommittedAt, seed, drawnAt);
        return DrawPackage.Zip(readme, new DrawFiles(programs, applicants, priorities, result, Encoding.UTF8.GetBytes(audit)), drawnAt);
    }

    /// <summary>The package's entity tag: its files are fixed by the draw's audit record, which names each by its digest.</summary>
    public static string PackageTag(PublicDraw draw) =>
        $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(draw.AuditJson ?? draw.Commitment)))[..32]}\"";

    /// <summary>A stored file by its digest, checked against it; null when missing or altered.</summary>
    private async Task<byte[]?> ReadAsync(string sha256, CancellationToken ct)
    {
        if (!FileHash.IsValid(sha256))
        {
            return null;
        }
        await using var stream = await files.OpenAsync(sha256, ct);
        if (stream is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        return DrawPackage.Matches(bytes, sha256) ? bytes : null;
    }

    private static string[]? Row(byte[] csv, string code)
    {
        var prefix = code + ",";
        foreach (var line in Encoding.UTF8.GetString(csv).Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line.Split(',');
            }
        }
        return null;
    }
}
