using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Admissions;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Materials;
using Qedu.Kernel.Data;
using Qedu.Kernel.Files;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Admissions;

/// <summary>
/// Once a season closed longer ago than its retention, its proof files go (from the store too) and so do its
/// applications that did not end in an accepted place; accepted ones stay without files. Before that, nothing goes.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RetentionTests(WebApp app)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Guid.NewGuid().ToByteArray()];

    [Fact]
    public async Task A_season_past_its_retention_loses_its_files_and_unsuccessful_applications_and_keeps_accepted_ones()
    {
        var world = await new AdmissionsWorld(app).CreateAsync();
        var (parent, other) = (Guid.NewGuid(), Guid.NewGuid());
        var refused = (await world.AsParentAsync(parent, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2019, 9, 9)))))).Value;
        var accepted = (await world.AsParentAsync(other, (p, _) => p.SaveAsync(null, world.Form(AdmissionsWorld.Child(new DateOnly(2019, 9, 10)))))).Value;
        foreach (var (owner, id) in new[] { (parent, refused), (other, accepted) })
        {
            await world.AsParentAsync(owner, async (_, sp) =>
            {
                using var stream = new MemoryStream(Jpeg);
                return await sp.GetRequiredService<ApplicationMaterials>().AddAsync(id, "hukou-book", "a.jpg", Jpeg.Length, stream);
            });
        }
        await app.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmissionsDb>();
            (await db.Applications.SingleAsync(a => a.Id == accepted)).Status = ApplicationStatus.Accepted;
            (await db.Applications.SingleAsync(a => a.Id == refused)).Status = ApplicationStatus.Refused;
            return await db.SaveChangesAsync();
        });
        var store = app.Services.GetRequiredService<IFileStore>();

        // Closed, but within its retention: nothing goes.
        await SetClosedAsync(world, daysAgo: 10, retentionDays: 30);
        await RetainAsync();
        Assert.Equal(2, await CountAsync(world));
        Assert.True(await store.ExistsAsync(FileHash.Of(Jpeg)));

        await SetClosedAsync(world, daysAgo: 31, retentionDays: 30);
        var result = await RetainAsync();
        Assert.True(result.Applications >= 1 && result.Materials >= 2);
        var left = await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.Where(a => a.SeasonId == world.SeasonId).Select(a => a.Id).ToListAsync());
        Assert.Equal([accepted], left);
        Assert.Equal(0, await app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Materials.CountAsync(m => m.ApplicationId == accepted || m.ApplicationId == refused)));
        Assert.False(await store.ExistsAsync(FileHash.Of(Jpeg)));
        Assert.True(await app.KernelAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "admissions.retention" && e.EntityKey == world.SeasonCode)));
    }

    private Task<RetentionResult> RetainAsync() =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsOperations>().ApplyRetentionAsync());

    private Task<int> CountAsync(AdmissionsWorld world) =>
        app.AsSystemAsync(sp => sp.GetRequiredService<AdmissionsDb>().Applications.CountAsync(a => a.SeasonId == world.SeasonId));

    private Task<int> SetClosedAsync(AdmissionsWorld world, int daysAgo, int retentionDays) => app.AsSystemAsync(async sp =>
    {
        var db = sp.GetRequiredService<AdmissionsDb>();
        var season = await db.Seasons.SingleAsync(s => s.Id == world.SeasonId);
        season.OpensAt = DateTimeOffset.UtcNow.AddDays(-daysAgo - 30);
        season.ClosesAt = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        season.RetentionDays = retentionDays;
        return await db.SaveChangesAsync();
    });
}
