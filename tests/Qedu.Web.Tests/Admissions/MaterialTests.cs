using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions.Materials;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// The family's proof files: accepted by content (JPEG, PNG, PDF), refused with nothing stored when the content is
/// another kind or too large, closed once submitted, opened by the family and by reviewers over the application only,
/// and the stored file removed once no material names it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MaterialTests(WebApp app)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, .. Enumerable.Repeat((byte)7, 200)];

    [Fact]
    public async Task A_photo_is_stored_by_its_content_and_a_disguised_or_oversized_file_is_refused_with_nothing_stored()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2019, 11, 11)))))).Value;

        var added = await AddAsync(world, parent, id, "户口簿.jpg", Jpeg);
        Assert.NotNull(added!.Value.Id);
        var store = app.Services.GetRequiredService<IFileStore>();
        Assert.True(await store.ExistsAsync(FileHash.Of(Jpeg)));

        // A web page renamed to .pdf: refused by its content; and a file over the limit: refused, nothing stored.
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var disguised = await AddAsync(world, parent, id, "房产证.pdf", html);
        Assert.Equal(ApplicationMaterials.Problems.Type, disguised!.Value.Problem);
        Assert.False(await store.ExistsAsync(FileHash.Of(html)));
        var big = new byte[ApplicationMaterials.MaxBytes + 1];
        Jpeg.CopyTo(big, 0);
        Assert.Equal(ApplicationMaterials.Problems.TooLarge, (await AddAsync(world, parent, id, "big.jpg", big))!.Value.Problem);
        Assert.False(await store.ExistsAsync(FileHash.Of(big)));
        Assert.Equal(ApplicationMaterials.Problems.Kind, (await AddAsync(world, parent, id, "a.jpg", Jpeg, kind: "diary"))!.Value.Problem);

        // Another family neither adds to it nor opens it.
        Assert.Null(await AddAsync(world, Guid.NewGuid(), id, "x.jpg", Jpeg));
        Assert.Null(await world.AsParentAsync(Guid.NewGuid(), (_, sp) => sp.GetRequiredService<ApplicationMaterials>().OpenAsync(added.Value.Id!.Value)));

        // Submitted: the reviewer over the zone school opens it, another school's does not; the family can no longer change it.
        Assert.True((await world.AsParentAsync(parent, (p, _) => p.SubmitAsync(id))).IsOk);
        Assert.Equal(ApplicationMaterials.Problems.NotEditable, (await AddAsync(world, parent, id, "late.jpg", Jpeg))!.Value.Problem);
        var opened = await OpenAsReviewerAsync(world, world.ZoneSchoolId, added.Value.Id!.Value);
        Assert.Equal(Jpeg, opened);
        Assert.Null(await OpenAsReviewerAsync(world, world.OtherSchoolId, added.Value.Id!.Value));
    }

    [Fact]
    public async Task A_removed_material_leaves_the_store_once_no_other_row_names_the_same_file()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var parent = Guid.NewGuid();
        var id = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2020, 5, 5)))))).Value;
        var content = Jpeg.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        var first = (await AddAsync(world, parent, id, "1.jpg", content))!.Value.Id!.Value;
        var second = (await AddAsync(world, parent, id, "2.jpg", content))!.Value.Id!.Value;
        var store = app.Services.GetRequiredService<IFileStore>();

        await world.AsParentAsync(parent, (_, sp) => sp.GetRequiredService<ApplicationMaterials>().RemoveAsync(first));
        Assert.True(await store.ExistsAsync(FileHash.Of(content)));
        await world.AsParentAsync(parent, (_, sp) => sp.GetRequiredService<ApplicationMaterials>().RemoveAsync(second));
        Assert.False(await store.ExistsAsync(FileHash.Of(content)));
    }

    private static Task<(long? Id, string? Problem, string? Message)?> AddAsync(AdmissionsWorld world, Guid parent, long id, string name, byte[] content, string kind = "hukou-book") =>
        world.AsParentAsync(parent, async (_, sp) =>
        {
            using var stream = new MemoryStream(content);
            return await sp.GetRequiredService<ApplicationMaterials>().AddAsync(id, kind, name, content.Length, stream);
        });

    private static Task<byte[]?> OpenAsReviewerAsync(AdmissionsWorld world, int unitId, long materialId)
    {
        var caller = AccessContext.ForUser(Guid.NewGuid(), "reviewer",
            [new Grant(unitId, "x", new HashSet<string> { Permissions.OrgRead, Permissions.AdmissionsReview }, Roles.SchoolAdmin)]);
        return world.RunAsync(caller, async sp =>
        {
            var file = await sp.GetRequiredService<ApplicationMaterials>().OpenAsync(materialId);
            if (file is null)
            {
                return null;
            }
            using var copy = new MemoryStream();
            await using (file.Content)
            {
                await file.Content.CopyToAsync(copy);
            }
            return copy.ToArray();
        });
    }
}
