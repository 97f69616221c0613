using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.OrgUnits;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Rules;

namespace Qedu.Teachers.Features.Profile;

/// <summary>A certificate with its registrations (oldest first) and where its next registration stands today.</summary>
internal sealed record CertificateView(
    long Id, string Type, string? Subject, string Number, DateOnly IssuedOn, IReadOnlyList<DateOnly> Registrations, DateOnly NextRegistrationDue,
    string RegistrationState);

internal sealed record TitleView(long Id, string TitleCode, DateOnly From, DateOnly? To);

internal sealed record BackboneView(long Id, string Level, string AwardedBy, DateOnly From, DateOnly? To, bool Current);

internal sealed record HonourView(long Id, string Name, string Level, string AwardedBy, DateOnly AwardedOn);

/// <summary>A studio the teacher hosts or belongs to, with its host's name and the number of current members.</summary>
internal sealed record StudioView(long Id, string Kind, string Level, string Name, long HostStaffId, string HostName, DateOnly From, DateOnly? To, bool Hosts,
    int Members);

/// <summary>An annual ethics review on the record (shown to <c>teachers.ethics</c> holders only).</summary>
internal sealed record EthicsView(int Year, string Grade, string? Comment, bool Confirmed);

/// <summary>An ethics bar (一票否决): why, from what, from and to, and whether it is in force today.</summary>
internal sealed record BarView(string Reason, string Source, DateOnly From, DateOnly To, bool InForce);

/// <summary>
/// A teacher's professional record as a page or the API shows it: the registry's member of staff (no resident ID or
/// phone: the registry's own page has those, masked and audited) and the module's records, each with its history.
/// </summary>
internal sealed record TeacherProfile(
    StaffMember Staff, string? SchoolCode, string? SchoolName, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<TitleView> Titles,
    IReadOnlyList<BackboneView> Backbone, IReadOnlyList<HonourView> Honours, IReadOnlyList<StudioView> Studios, IReadOnlyList<BarView> Bars,
    IReadOnlyList<EthicsView>? Ethics, bool MayManage, IReadOnlyList<PostingView> Postings);

/// <summary>A stretch at a school, from the registry's history (written when staff move between schools).</summary>
internal sealed record PostingView(string School, DateOnly? From, DateOnly? To, string Reason);

/// <summary>Reads a teacher's professional record for a caller with <c>teachers.read</c> over the teacher's school.</summary>
internal sealed class TeacherProfiles(
    TeachersDb db, TeacherAccess access, IStaffDirectory directory, IStaffMoves staffMoves, OrgTree tree, TeacherRules rules, TimeProvider clock)
{
    public async Task<TeacherProfile?> FindAsync(long staffId, CancellationToken ct)
    {
        var staff = await access.StaffAsync(staffId, Permissions.TeachersRead, ct);
        if (staff is null)
        {
            return null;
        }
        var today = CityDate.Today(clock);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.StaffId == staffId).OrderBy(c => c.IssuedOn).ThenBy(c => c.Id).ToListAsync(ct);
        var registrations = (await db.Registrations.AsNoTracking().Where(r => r.StaffId == staffId).OrderBy(r => r.RegisteredOn).ToListAsync(ct))
            .ToLookup(r => r.CertificateId, r => r.RegisteredOn);
        var titles = await db.Titles.AsNoTracking().Where(t => t.StaffId == staffId).OrderByDescending(t => t.From)
            .Select(t => new TitleView(t.Id, t.TitleCode, t.From, t.To)).ToListAsync(ct);
        var backbone = (await db.Backbone.AsNoTracking().Where(b => b.StaffId == staffId).OrderByDescending(b => b.From).ToListAsync(ct))
            .ConvertAll(b => new BackboneView(b.Id, b.Level.ToString(), b.AwardedBy, b.From, b.To, b.From <= today && (b.To is null || b.To >= today)));
        var honours = (await db.Honours.AsNoTracking().Where(h => h.StaffId == staffId).OrderByDescending(h => h.AwardedOn).ToListAsync(ct))
            .ConvertAll(h => new HonourView(h.Id, h.Name, h.Level.ToString(), h.AwardedBy, h.AwardedOn));

        // Studios read past the scope filter's reach on purpose only through ids tied to this teacher: a studio hosted at
        // another school the teacher belongs to is part of their record (its name, host and level), nothing more.
        var memberOf = await db.StudioMembers.AsNoTracking().Where(m => m.StaffId == staffId).Select(m => m.StudioId).ToListAsync(ct);
        var studios = await db.Studios.AsNoTracking().IgnoreQueryFilters([ScopeFilter.Name])
            .Where(s => s.HostStaffId == staffId || memberOf.Contains(s.Id)).OrderByDescending(s => s.From).ToListAsync(ct);
        var studioIds = studios.ConvertAll(s => s.Id);
        var memberCounts = await db.StudioMembers.AsNoTracking().IgnoreQueryFilters([ScopeFilter.Name])
            .Where(m => studioIds.Contains(m.StudioId) && (m.To == null || m.To >= today)).GroupBy(m => m.StudioId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var hosts = await HostNamesAsync(studios, staff, ct);

        // Bars are stated to every reader (they explain a refused promotion or award); the grades to teachers.ethics alone.
        var bars = (await db.EthicsBars.AsNoTracking().Where(b => b.StaffId == staffId).OrderByDescending(b => b.From).ToListAsync(ct))
            .ConvertAll(b => new BarView(b.Reason.ToString(), b.Source, b.From, b.To, b.From <= today && b.To >= today));
        var ethics = await access.MayAsync(Permissions.TeachersEthics, staff.SchoolId, ct)
            ? (await db.EthicsReviews.AsNoTracking().Where(r => r.StaffId == staffId).OrderByDescending(r => r.Year).ToListAsync(ct))
                .ConvertAll(r => new EthicsView(r.Year, r.Grade.ToString(), r.Comment, r.ConfirmedAt is not null))
            : null;

        var school = await tree.FindAsync(staff.SchoolId, ct);
        return new TeacherProfile(
            staff, school?.Code, school?.DisplayName(Qedu.Kernel.Codes.CodeBook.IsEnglish),
            certificates.ConvertAll(c =>
            {
                var dates = registrations[c.Id].ToList();
                var due = rules.NextRegistrationDue(c.IssuedOn, dates.Count > 0 ? dates[^1] : null);
                return new CertificateView(c.Id, c.Type.ToString(), c.Subject, c.Number, c.IssuedOn, dates, due, rules.StateOn(due, today).ToString());
            }),
            titles, backbone, honours,
            studios.ConvertAll(s => new StudioView(s.Id, s.Kind.ToString(), s.Level.ToString(), s.Name, s.HostStaffId, hosts.GetValueOrDefault(s.HostStaffId, ""),
                s.From, s.To, s.HostStaffId == staffId, memberCounts.GetValueOrDefault(s.Id))),
            bars, ethics, await access.MayAsync(Permissions.TeachersManage, staff.SchoolId, ct), await PostingsAsync(staffId, ct));
    }

    private async Task<IReadOnlyList<PostingView>> PostingsAsync(long staffId, CancellationToken ct)
    {
        var postings = await staffMoves.PostingsAsync(staffId, ct);
        // Schools named past the caller's scope: a teacher's earlier schools are part of their own record.
        var names = await tree.NamesOfAsync(postings.Select(p => p.SchoolId).Distinct(), ct);
        return [.. postings.Select(p => new PostingView(names.GetValueOrDefault(p.SchoolId, ""), p.From, p.To, p.Reason))];
    }

    /// <summary>The hosts' names: a studio's host is named on its members' records wherever the host works (a public role).</summary>
    private async Task<Dictionary<long, string>> HostNamesAsync(List<Studio> studios, StaffMember staff, CancellationToken ct)
    {
        var ids = studios.Select(s => s.HostStaffId).Where(id => id != staff.StaffId).Distinct().ToList();
        var names = ids.Count == 0 ? new Dictionary<long, string>() : (await directory.FindManyAsync(ids, ct)).ToDictionary(p => p.Key, p => p.Value.Name);
        names[staff.StaffId] = staff.Name;
        return names;
    }
}
