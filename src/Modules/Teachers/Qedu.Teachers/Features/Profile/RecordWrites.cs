using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Web;
using Qedu.Registry.Contracts;
using Qedu.Teachers.Data;
using Qedu.Teachers.Domain;
using Qedu.Teachers.Ethics;
using Qedu.Teachers.Resources;

namespace Qedu.Teachers.Features.Profile;

/// <summary>A certificate to record: type (Kindergarten, Primary, JuniorSecondary, SeniorSecondary, VocationalSubject, VocationalPractice), subject, number, issuedOn, and its last registration if any.</summary>
internal sealed record NewCertificate(string? Type, string? Subject, string? Number, DateOnly? IssuedOn, DateOnly? LastRegisteredOn = null);

/// <summary>A periodic registration (定期注册) of a certificate, on a day.</summary>
internal sealed record NewRegistration(DateOnly? RegisteredOn);

/// <summary>A title held from a day (code list professional-title).</summary>
internal sealed record NewTitle(string? TitleCode, DateOnly? From);

/// <summary>A backbone designation: level (School, District, City, Province, National), who named them, the term.</summary>
internal sealed record NewBackbone(string? Level, string? AwardedBy, DateOnly? From, DateOnly? To);

/// <summary>An honour: its name, level, who awarded it, when.</summary>
internal sealed record NewHonour(string? Name, string? Level, string? AwardedBy, DateOnly? AwardedOn);

/// <summary>A studio hosted by a member of staff: kind (Teacher, Principal), level, name, from.</summary>
internal sealed record NewStudio(string? Kind, string? Level, string? Name, long? HostStaffId, DateOnly? From);

/// <summary>A member joining a studio from a day.</summary>
internal sealed record NewStudioMember(long? StaffId, DateOnly? From);

/// <summary>
/// Adds to a teacher's professional record, for a caller with <c>teachers.manage</c> over the teacher's school (the
/// school for its own staff; the district for its schools'). Each record is checked by field, in the caller's language,
/// and written whole or not at all; every write is audited by the kernel. An ethics bar in force (一票否决) refuses a
/// promotion, an award and a certificate's registration (409, saying why and until when).
/// </summary>
internal sealed class RecordWrites(TeachersDb db, TeacherAccess access, EthicsBars bars, CodeBook codes, TimeProvider clock, IStringLocalizer<TeachersText> t)
{
    public const int TextLength = 100;

    public async Task<Outcome<long>> AddCertificateAsync(long staffId, NewCertificate input, CancellationToken ct)
    {
        if (await ManagedAsync(staffId, ct) is not { } staff)
        {
            return NotFound();
        }
        var errors = new InputErrors();
        var type = ParseEnum<CertificateType>(input.Type, "type", errors);
        var subject = input.Subject?.Trim() is { Length: > 0 } s ? s : null;
        if (subject is { Length: > 20 })
        {
            errors.Add("subject", t["Records.Subject"]);
        }
        else if (subject is null && type is not null and not CertificateType.Kindergarten)
        {
            errors.Add("subject", t["Records.SubjectRequired"]);
        }
        var number = input.Number?.Trim().ToUpperInvariant();
        if (number is not { Length: >= 6 and <= 40 } || !number.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("number", t["Records.CertificateNumber"]);
        }
        else if (await db.Certificates.IgnoreQueryFilters([ScopeFilter.Name]).AnyAsync(c => c.Number == number, ct))
        {
            errors.Add("number", t["Records.CertificateTaken", number]);
        }
        var issued = PastDate(input.IssuedOn, "issuedOn", errors);
        if (input.LastRegisteredOn is { } last && (issued is { } i && last < i || last > Today))
        {
            errors.Add("lastRegisteredOn", t["Records.RegisteredRange"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var certificate = new Certificate
        {
            OrgUnitId = staff.SchoolId, StaffId = staffId, Type = type!.Value, Subject = subject, Number = number!, IssuedOn = issued!.Value,
            RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync(ct);
        if (input.LastRegisteredOn is { } registered)
        {
            db.Registrations.Add(Registration(certificate, registered));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return Outcome<long>.Ok(certificate.Id);
    }

    public async Task<Outcome<long>> RegisterAsync(long staffId, long certificateId, NewRegistration input, CancellationToken ct)
    {
        if (await ManagedAsync(staffId, ct) is null)
        {
            return NotFound();
        }
        var errors = new InputErrors();
        var on = PastDate(input.RegisteredOn, "registeredOn", errors);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId && c.StaffId == staffId, ct);
        if (certificate is null)
        {
            return Outcome<long>.NotFound(t["Records.NoCertificate"]);
        }
        if (on is { } day && day < certificate.IssuedOn)
        {
            errors.Add("registeredOn", t["Records.RegisteredRange"]);
        }
        else if (on is { } d && await db.Registrations.AnyAsync(r => r.CertificateId == certificateId && r.RegisteredOn == d, ct))
        {
            errors.Add("registeredOn", t["Records.RegisteredTwice"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await BarredAsync(staffId, BarredAction.Registration, ct) is { } barred)
        {
            return barred;
        }
        var registration = Registration(certificate, on!.Value);
        db.Registrations.Add(registration);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(registration.Id);
    }

    /// <summary>A title from a day: the one held before it ends that day. A title older than the latest is refused (history is added forwards).</summary>
    public async Task<Outcome<long>> AddTitleAsync(long staffId, NewTitle input, CancellationToken ct)
    {
        if (await ManagedAsync(staffId, ct) is not { } staff)
        {
            return NotFound();
        }
        var errors = new InputErrors();
        var code = input.TitleCode?.Trim();
        if (!codes.IsValid(StaffCodes.ProfessionalTitleList, code))
        {
            errors.Add("titleCode", t["Records.TitleCode"]);
        }
        var from = PastDate(input.From, "from", errors);
        var current = await db.Titles.Where(x => x.StaffId == staffId).OrderByDescending(x => x.From).FirstOrDefaultAsync(ct);
        if (from is { } f && current is not null && f <= current.From)
        {
            errors.Add("from", t["Records.TitleAfter", current.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await BarredAsync(staffId, BarredAction.Promotion, ct) is { } barred)
        {
            return barred;
        }
        if (current is not null)
        {
            current.To = from;
        }
        var title = new TitleRecord
        {
            OrgUnitId = staff.SchoolId, StaffId = staffId, TitleCode = code!, From = from!.Value, RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.Titles.Add(title);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(title.Id);
    }

    public async Task<Outcome<long>> AddBackboneAsync(long staffId, NewBackbone input, CancellationToken ct)
    {
        if (await ManagedAsync(staffId, ct) is not { } staff)
        {
            return NotFound();
        }
        var errors = new InputErrors();
        var level = ParseEnum<RecognitionLevel>(input.Level, "level", errors);
        var by = Text(input.AwardedBy, "awardedBy", errors);
        var from = Date(input.From, "from", errors);
        if (input.To is { } to && from is { } f && to < f)
        {
            errors.Add("to", t["Records.ToBeforeFrom"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await BarredAsync(staffId, BarredAction.Award, ct) is { } barred)
        {
            return barred;
        }
        var award = new BackboneAward
        {
            OrgUnitId = staff.SchoolId, StaffId = staffId, Level = level!.Value, AwardedBy = by!, From = from!.Value, To = input.To,
            RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.Backbone.Add(award);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(award.Id);
    }

    public async Task<Outcome<long>> AddHonourAsync(long staffId, NewHonour input, CancellationToken ct)
    {
        if (await ManagedAsync(staffId, ct) is not { } staff)
        {
            return NotFound();
        }
        var errors = new InputErrors();
        var name = Text(input.Name, "name", errors);
        var level = ParseEnum<RecognitionLevel>(input.Level, "level", errors);
        var by = Text(input.AwardedBy, "awardedBy", errors);
        var on = PastDate(input.AwardedOn, "awardedOn", errors);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await BarredAsync(staffId, BarredAction.Award, ct) is { } barred)
        {
            return barred;
        }
        var honour = new Honour
        {
            OrgUnitId = staff.SchoolId, StaffId = staffId, Name = name!, Level = level!.Value, AwardedBy = by!, AwardedOn = on!.Value,
            RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.Honours.Add(honour);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(honour.Id);
    }

    /// <summary>A studio hosted by a member of staff the caller keeps the record of; it belongs to the host's school.</summary>
    public async Task<Outcome<long>> AddStudioAsync(NewStudio input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var host = input.HostStaffId is { } hostId ? await ManagedAsync(hostId, ct) : null;
        if (host is null)
        {
            errors.Add("hostStaffId", t["Records.Host"]);
        }
        var kind = ParseEnum<StudioKind>(input.Kind, "kind", errors);
        var level = ParseEnum<RecognitionLevel>(input.Level, "level", errors);
        var name = Text(input.Name, "name", errors);
        var from = Date(input.From, "from", errors);
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        if (await BarredAsync(host!.StaffId, BarredAction.Award, ct) is { } barred)
        {
            return barred;
        }
        var studio = new Studio
        {
            OrgUnitId = host!.SchoolId, Kind = kind!.Value, Level = level!.Value, Name = name!, HostStaffId = host.StaffId, From = from!.Value,
            RecordedAt = clock.GetUtcNow(), RecordedBy = access.ActorName,
        };
        db.Studios.Add(studio);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(studio.Id);
    }

    /// <summary>
    /// A member joins a studio: the caller keeps the member's record (the member's school or district), and the studio is
    /// one the caller can see (its host's school is in the caller's scope) or hosts a studio across districts that the
    /// city keeps; the member's row belongs to the member's school.
    /// </summary>
    public async Task<Outcome<long>> AddStudioMemberAsync(long studioId, NewStudioMember input, CancellationToken ct)
    {
        var studio = await db.Studios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studioId, ct);
        if (studio is null)
        {
            return Outcome<long>.NotFound(t["Records.NoStudio"]);
        }
        var errors = new InputErrors();
        var member = input.StaffId is { } memberId ? await ManagedAsync(memberId, ct) : null;
        if (member is null)
        {
            errors.Add("staffId", t["Records.Member"]);
        }
        else if (member.StaffId == studio.HostStaffId || await db.StudioMembers.AnyAsync(m => m.StudioId == studioId && m.StaffId == member.StaffId && m.To == null, ct))
        {
            errors.Add("staffId", t["Records.AlreadyMember"]);
        }
        var from = Date(input.From, "from", errors);
        if (from is { } f && f < studio.From)
        {
            errors.Add("from", t["Records.BeforeStudio"]);
        }
        if (errors.Any)
        {
            return Outcome<long>.Invalid(errors);
        }
        var row = new StudioMember { OrgUnitId = member!.SchoolId, StudioId = studioId, StaffId = member.StaffId, From = from!.Value };
        db.StudioMembers.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(row.Id);
    }

    private DateOnly Today => CityDate.Today(clock);

    /// <summary>The refusal when an ethics bar is in force today for the teacher, or null.</summary>
    private async Task<Outcome<long>?> BarredAsync(long staffId, BarredAction action, CancellationToken ct) =>
        await bars.InForceAsync(staffId, Today, ct) is { } bar ? Outcome<long>.Conflict(bars.Refusal(bar, action)) : null;

    private Task<StaffMember?> ManagedAsync(long staffId, CancellationToken ct) => access.StaffAsync(staffId, Permissions.TeachersManage, ct);

    private Outcome<long> NotFound() => Outcome<long>.NotFound(t["Records.NoStaff"]);

    private CertificateRegistration Registration(Certificate certificate, DateOnly on) => new()
    {
        OrgUnitId = certificate.OrgUnitId, CertificateId = certificate.Id, StaffId = certificate.StaffId, RegisteredOn = on, RecordedAt = clock.GetUtcNow(),
        RecordedBy = access.ActorName,
    };

    private TEnum? ParseEnum<TEnum>(string? value, string field, InputErrors errors)
        where TEnum : struct, Enum
    {
        if (EnumNames.ParseName<TEnum>(value) is { } parsed)
        {
            return parsed;
        }
        errors.Add(field, t[$"Records.{typeof(TEnum).Name}", string.Join(", ", Enum.GetNames<TEnum>())]);
        return null;
    }

    private string? Text(string? value, string field, InputErrors errors)
    {
        var text = value?.Trim();
        if (text is { Length: > 0 and <= TextLength })
        {
            return text;
        }
        errors.Add(field, t["Records.Text", TextLength]);
        return null;
    }

    private DateOnly? Date(DateOnly? value, string field, InputErrors errors)
    {
        if (value is { Year: >= 1950 } day && day <= Today.AddYears(1))
        {
            return day;
        }
        errors.Add(field, t["Records.Date"]);
        return null;
    }

    /// <summary>A day that has happened (an issue, a registration, an award): not in the future.</summary>
    private DateOnly? PastDate(DateOnly? value, string field, InputErrors errors)
    {
        if (value is { Year: >= 1950 } day && day <= Today)
        {
            return day;
        }
        errors.Add(field, t["Records.PastDate"]);
        return null;
    }
}
