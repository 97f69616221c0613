using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Features.Changes;
using Qedu.StudentServices.Statistics;
using Qedu.StudentServices.Resources;

using Qedu.StudentServices.Catalogue;

namespace Qedu.StudentServices.Features.Catalogue;

/// <summary>A material as the guide shows it: 免提交 when Qedu holds it.</summary>
internal sealed record MaterialView(string Name, bool HeldByQedu, string? Note);

/// <summary>
/// A version of a service item with every element of its guide (办事指南); enums by camelCase name. <c>OnlineAt</c> is
/// the page where it is done in Qedu, when it is.
/// </summary>
internal sealed record ItemView(
    string Code, int Version, string State, string Name, string? NameEn, string Category, string ImplementingBody, string LegalBasis, string Conditions,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<string> Process, int LegalDays, int PromisedDays, string Fees, IReadOnlyList<string> Channels,
    bool Immediate, bool ZeroTrip, string Procedure, string? OnlineAt, DateTimeOffset? PublishedAt, string? ChangeNote);

/// <summary>An item as its editors list it: the version in force, the draft, withdrawn or not.</summary>
internal sealed record ManagedItemView(string Code, string Name, int? Published, int? Draft, DateTimeOffset? WithdrawnAt);

/// <summary>
/// The catalogue over HTTP: everyone reads the items in force under <c>/api/service-guide</c> (no sign-in); the city
/// bureau (<c>service-catalogue.manage</c>) edits under <c>/api/services/catalogue</c>.
/// </summary>
internal static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var guide = endpoints.MapGroup("/api/service-guide").WithTags("Service catalogue (public)").AllowAnonymous();
        guide.MapGet("", async (string? q, string? category, ServiceCatalogue catalogue, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
            {
                ServiceCategory? only = null;
                if (!string.IsNullOrEmpty(category))
                {
                    if (!EnumNames.TryParseName<ServiceCategory>(category, out var c))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["category"] = [t["Catalogue.Category"]] });
                    }
                    only = c;
                }
                return Results.Ok(ServiceCatalogue.Search(await catalogue.PublishedAsync(ct), q, only).Select(i => View(i.Code, i.Version)));
            })
            .Produces<IReadOnlyList<ItemView>>().ProducesValidationProblem()
            .WithSummary("The service items in force, by words (every word must match) and category");
        guide.MapGet("/{code}", async (string code, int? version, ServiceCatalogue catalogue, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
                await catalogue.FindAsync(code, version, ct) is { } item
                    ? Results.Ok(View(item.Code, item.Version))
                    : Results.Problem(t["Catalogue.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .Produces<ItemView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One item's guide: the version in force, or a published one by number");
        guide.MapGet("/{code}/figures", async (string code, int? year, ServiceCatalogue catalogue, ServiceDashboard dashboard, TimeProvider clock,
                IStringLocalizer<ServicesText> t, CancellationToken ct) =>
                await catalogue.FindAsync(code, null, ct) is null
                    ? Results.Problem(t["Catalogue.NotFound"], statusCode: StatusCodes.Status404NotFound)
                    : Results.Ok(await dashboard.ItemAsync(code, year ?? CityDate.Today(clock).Year, ct)))
            .Produces<FigureRow>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One item's figures of a year, the whole city: volume, on-time shares, mean working days, satisfaction (counts only)");

        var edit = endpoints.MapGroup("/api/services/catalogue").WithTags("Service catalogue (editors)").RequireAuthorization(Permissions.ServiceCatalogueManage);
        edit.MapGet("", async (ServiceCatalogue catalogue, CancellationToken ct) =>
                Results.Ok((await catalogue.ManagedAsync(ct)).Select(i => new ManagedItemView(i.Code, i.Latest.Name, i.Published?.Version, i.Draft?.Version, i.WithdrawnAt))))
            .Produces<IReadOnlyList<ManagedItemView>>()
            .WithSummary("Every item, with the version in force and the draft");
        edit.MapGet("/{code}/versions", async (string code, ServiceCatalogue catalogue, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
                await catalogue.HistoryAsync(code, ct) is { Count: > 0 } versions
                    ? Results.Ok(versions.Select(v => View(code, v)))
                    : Results.Problem(t["Catalogue.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .Produces<IReadOnlyList<ItemView>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An item's versions, newest first, the draft included");
        edit.MapPut("/{code}/draft", async (string code, ItemInput? body, ServiceCatalogue catalogue, IStringLocalizer<ServicesText> t, CancellationToken ct) =>
            {
                if (body is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [t["Request.Body"]] });
                }
                var outcome = await catalogue.SaveDraftAsync(code, body, ct);
                return outcome.IsOk ? Results.Ok(View(code.Trim().ToUpperInvariant(), outcome.Value!)) : outcome.ToHttp();
            })
            .Produces<ItemView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save the item's next version as a draft (a new item when the code is new); a published version is never changed");
        edit.MapPost("/{code}/publish", async (string code, ServiceCatalogue catalogue, CancellationToken ct) =>
            {
                var outcome = await catalogue.PublishAsync(code, ct);
                return outcome.IsOk ? Results.Ok(View(code, outcome.Value!)) : outcome.ToHttp();
            })
            .Produces<ItemView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Put the item's draft in force (409 when there is none, or another item in force runs the same procedure)");
        edit.MapPost("/{code}/withdraw", async (string code, ServiceCatalogue catalogue, CancellationToken ct) =>
            {
                var outcome = await catalogue.WithdrawAsync(code, ct);
                return outcome.IsOk ? Results.NoContent() : outcome.ToHttp();
            })
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Take the item out of the public catalogue (its procedure can no longer be asked for); publishing again brings it back");
        return endpoints;
    }

    /// <summary>Where an item with a procedure is done in Qedu (the guardian's pages, after the phone sign-in).</summary>
    public static string? OnlineAt(OnlineProcedure procedure) => procedure switch
    {
        // A 转入 is registered by the receiving school: nothing for the family to open online.
        OnlineProcedure.None or OnlineProcedure.TransferIn => null,
        OnlineProcedure.Enrolment => "/parent/admissions",
        _ => "/parent/services?kind=" + procedure,
    };

    public static ItemView View(string code, ServiceItemVersion v) =>
        new(code, v.Version, EnumNames.Name(v.State), v.Name, v.NameEn, EnumNames.Name(v.Category), v.ImplementingBody, v.LegalBasis, v.Conditions,
            [.. v.Materials.Select(m => new MaterialView(m.Name, m.HeldByQedu, m.Note))], v.Process.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            v.LegalDays, v.PromisedDays, v.Fees,
            [.. Enum.GetValues<ServiceChannels>().Where(c => c != ServiceChannels.None && v.Channels.HasFlag(c)).Select(EnumNames.Name)],
            v.Immediate, v.ZeroTrip, EnumNames.Name(v.Procedure), OnlineAt(v.Procedure), v.PublishedAt, v.ChangeNote);
}
