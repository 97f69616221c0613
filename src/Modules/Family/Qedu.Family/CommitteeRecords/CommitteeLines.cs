using Microsoft.EntityFrameworkCore;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;

namespace Qedu.Family.CommitteeRecords;

internal sealed record MemberLine(long Id, string Name, string Phone, CommitteeRole Role, string? Duty, DateOnly JoinedOn);

internal sealed record MeetingLine(long Id, DateOnly HeldOn, int Present, string Topics, string Decisions, string RecordedBy);

/// <summary>A committee with its serving members and its minutes, newest first. <see cref="ClassName"/> empty: the school's own.</summary>
internal sealed record CommitteeLine(long Id, string ClassName, DateOnly FormedOn, IReadOnlyList<MemberLine> Members, IReadOnlyList<MeetingLine> Meetings);

/// <summary>A school's parent committees as the staff's and the parents' pages both show them.</summary>
internal static class CommitteeLines
{
    /// <summary>
    /// The committees of a school for a year (only <paramref name="classes"/>' and the school's own, when given), with
    /// serving members and minutes; the numbers masked unless <paramref name="unmasked"/>. <paramref name="db"/>'s set is
    /// taken as it is: the caller decides whether it is read in scope.
    /// </summary>
    public static async Task<IReadOnlyList<CommitteeLine>> OfSchoolAsync(
        FamilyDb db, int schoolId, int year, IReadOnlyCollection<string>? classes, bool unmasked, CancellationToken ct, bool pastScope = false)
    {
        var committees = pastScope ? db.Committees.IgnoreQueryFilters([ScopeFilter.Name]) : db.Committees;
        var members = pastScope ? db.CommitteeMembers.IgnoreQueryFilters([ScopeFilter.Name]) : db.CommitteeMembers;
        var meetings = pastScope ? db.CommitteeMeetings.IgnoreQueryFilters([ScopeFilter.Name]) : db.CommitteeMeetings;
        var rows = await committees.AsNoTracking().Where(c => c.OrgUnitId == schoolId && c.SchoolYear == year).ToListAsync(ct);
        if (classes is not null)
        {
            rows = [.. rows.Where(c => c.ClassName.Length == 0 || classes.Contains(c.ClassName))];
        }
        var ids = rows.Select(c => c.Id).ToList();
        var people = (await members.AsNoTracking().Where(m => ids.Contains(m.CommitteeId) && m.LeftOn == null).ToListAsync(ct)).ToLookup(m => m.CommitteeId);
        var minutes = (await meetings.AsNoTracking().Where(m => ids.Contains(m.CommitteeId)).ToListAsync(ct)).ToLookup(m => m.CommitteeId);
        return [.. rows.OrderBy(c => c.ClassName, StringComparer.Ordinal).Select(c => new CommitteeLine(c.Id, c.ClassName, c.FormedOn,
            [.. people[c.Id].OrderBy(m => m.Role).ThenBy(m => m.Id).Select(m => new MemberLine(m.Id, m.Name, unmasked ? m.Phone : MobilePhone.Mask(m.Phone), m.Role, m.Duty, m.JoinedOn))],
            [.. minutes[c.Id].OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Select(m => new MeetingLine(m.Id, m.HeldOn, m.Present, m.Topics, m.Decisions, m.RecordedBy))]))];
    }

}
