using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Kernel.Identity;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>The offer letter: a PDF for the family of an offered application, nothing before an offer or for anyone else.</summary>
[Collection(WebCollection.Name)]
public sealed class OfferLetterTests(WebApp app)
{
    [Fact]
    public async Task The_family_of_an_offered_child_downloads_the_letter_and_no_one_else_does()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (family, phone) = await Parents.SignInAsync(app);
        var parent = await app.AsSystemAsync(async sp => (await sp.GetRequiredService<ParentAccounts>().FindByPhoneAsync(phone))!.Id);
        var saved = await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2019, 10, 10)))));
        Assert.True(saved.IsOk, saved.Message);
        var id = saved.Value;

        using (var early = await family.GetAsync($"/parent/admissions/{id}/letter.pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            var application = await db.Applications.SingleAsync(a => a.Id == id);
            application.Status = ApplicationStatus.Offered;
            application.OfferSchoolId = world.ZoneSchoolId;
            application.OfferDeadline = DateTimeOffset.UtcNow.AddDays(7);
            return await db.SaveChangesAsync();
        });

        using var letter = await family.GetAsync($"/parent/admissions/{id}/letter.pdf");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        var bytes = await letter.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith("%PDF-"u8), "a PDF");
        Assert.Contains("FontFile", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal); // the Chinese font is embedded

        var (stranger, _) = await Parents.SignInAsync(app);
        using var other = await stranger.GetAsync($"/parent/admissions/{id}/letter.pdf");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
