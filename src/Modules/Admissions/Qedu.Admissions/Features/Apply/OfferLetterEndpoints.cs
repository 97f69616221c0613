using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Admissions.Rules;
using Qedu.Documents;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Features.Apply;

/// <summary>
/// The offer letter (入学通知书) as a PDF with Chinese text, for the family of an offered or accepted application: the
/// school, the child, the application number (which the school checks against Qedu), and the date to answer by.
/// </summary>
internal static class OfferLetterEndpoints
{
    public static IEndpointRouteBuilder MapOfferLetterEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/parent/admissions/{id:long}/letter.pdf", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
                long id, ParentApplications applications, PdfFonts fonts, TimeProvider clock, IStringLocalizer<AdmissionsText> t, CancellationToken ct) =>
            {
                var application = await applications.FindAsync(id, ct);
                if (application is not { OfferSchool: { } school } || application.Status is not (ApplicationStatus.Offered or ApplicationStatus.Accepted))
                {
                    return TypedResults.NotFound();
                }
                if (fonts.Current is not { } font)
                {
                    return TypedResults.Problem(t["Offer.NoFont"], statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                var letter = Letter(application, school, DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime));
                return TypedResults.File(OfficialLetterPdf.Render(letter, font), OfficialLetterPdf.MediaType, $"入学通知书-{application.Number}.pdf");
            })
            .RequireAuthorization(ParentAuthentication.Policy)
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The letter's words: official Chinese, whatever the page's language.</summary>
    internal static OfficialLetter Letter(MyApplication a, string school, DateOnly today) => new()
    {
        Title = "入学通知书",
        Issuer = a.Bureau,
        Date = today,
        Reference = a.Number,
        Salutation = $"{a.ChildName}同学家长：",
        Paragraphs =
        [
            $"经审核和录取，{a.ChildName}同学被{school}录取，特此通知。",
            a.Status == ApplicationStatus.Accepted
                ? "您已确认入学。请按学校通知的时间，持本通知书和户口簿等材料到校办理入学手续。"
                : $"请于 {(a.OfferDeadline is { } d ? SeasonText.Local(d) : "")}（北京时间）前在“入学报名”中确认入学，逾期未确认视为放弃。",
        ],
        Fields =
        [
            new("报名号", a.Number),
            new("儿童姓名", a.ChildName),
            new("录取学校", school),
            new("招生", a.SeasonName),
        ],
        VerificationCode = a.Number,
        VerificationNote = "学校凭报名号在招生系统中核验本通知书。",
    };
}
