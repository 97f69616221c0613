using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Documents;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>
/// The 转学联系函 of a completed transfer out of the city, as a PDF with Chinese text: the letter the family takes to the
/// school outside the city, with the full 学籍号 that school needs for the national transfer (its printing is recorded
/// as a read of the student's personal data). The guardian who asked and the reviewers of the route may print it.
/// </summary>
internal static class TransferLetterEndpoints
{
    public static IEndpointRouteBuilder MapTransferLetterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/parent/services/{id:long}/letter.pdf", LetterAsync).RequireAuthorization(ParentAuthentication.Policy).ExcludeFromDescription();
        endpoints.MapGet("/services/changes/{id:long}/letter.pdf", LetterAsync).RequireAuthorization(Permissions.StatusChangesReview).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> LetterAsync(long id, StatusChangeFlow flow, OrgTree tree, PdfFonts fonts, PersonalDataAccess personal,
        IStringLocalizer<ServicesText> t, CancellationToken ct)
    {
        if (await flow.FindAsync(id, ct) is not { Kind: ChangeKind.TransferOut, State: ChangeState.Completed } change)
        {
            return Results.Problem(t["Letter.None"], statusCode: StatusCodes.Status404NotFound);
        }
        if (fonts.Current is not { } font)
        {
            return Results.Problem(t["Letter.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var names = await tree.NamesOfAsync(change.FromDistrictId is int d ? [change.FromSchoolId, d] : [change.FromSchoolId], ct);
        await personal.RecordUnmaskedReadAsync("Student", [change.StudentId!.Value], ct);
        var letter = Letter(change, names.GetValueOrDefault(change.FromSchoolId, ""), change.FromDistrictId is int district ? names.GetValueOrDefault(district, "") : "");
        return Results.File(OfficialLetterPdf.Render(letter, font), OfficialLetterPdf.MediaType, $"转学联系函-{change.Number}.pdf");
    }

    /// <summary>The letter's words: official Chinese, whatever the page's language.</summary>
    internal static OfficialLetter Letter(StatusChange c, string school, string bureau) => new()
    {
        Title = "转学联系函",
        Issuer = school,
        Date = c.EffectiveOn ?? c.StartedOn,
        Reference = c.Number,
        Salutation = $"{c.OtherSchool}：",
        Paragraphs =
        [
            $"我校学生{c.StudentName}因{c.Reason.TrimEnd('。')}，申请转入贵校就读。经我校和{bureau}审核同意，现已办理转出手续。",
            "请贵校接收后，通过全国中小学生学籍信息管理系统办理学籍转接手续。",
        ],
        Fields =
        [
            new("学生姓名", c.StudentName),
            new("全国学籍号", c.StudentNumber),
            new("原就读学校", school),
            new("转出日期", (c.EffectiveOn ?? c.StartedOn).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ],
        VerificationCode = c.Number,
        VerificationNote = "可凭编号向原就读学校核验本函。",
    };
}
