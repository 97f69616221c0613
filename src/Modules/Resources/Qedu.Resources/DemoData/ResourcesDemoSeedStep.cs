using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.DemoCity;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Resources.Data;
using Qedu.Resources.Domain;

namespace Qedu.Resources.DemoData;

/// <summary>
/// The demo city's library and sync classrooms: in the first four districts, two schools each contribute a resource of
/// every type (small PDFs made here, quality lessons as links) shared with the school, the district or the city; most are
/// published and rated, a few wait for review, one was sent back, one is the city's 精品, one is featured and one retired.
/// Three rural primary or junior schools in four (by their urban–rural code) are paired with an urban school of their
/// district, with two weekly sync lessons and the last six weeks' sessions (one in eight not held).
/// </summary>
internal sealed class ResourcesDemoSeedStep(ResourcesDb db, OrgTree tree, CodeBook codes, IFileStore store, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 83;

    private static readonly (ResourceType Type, string Title, string Subject, string Stage, int Grade, string Chapter)[] Samples =
    [
        (ResourceType.MicroLesson, "勾股定理的证明微课", "数学", "JuniorSecondary", 8, "第十七章 勾股定理"),
        (ResourceType.QualityLesson, "《春》朗读与赏析优课", "语文", "JuniorSecondary", 7, "第一单元"),
        (ResourceType.Courseware, "认识分数课件", "数学", "Primary", 3, "第八单元 分数的初步认识"),
        (ResourceType.TestItems, "光合作用单元测试题", "生物", "JuniorSecondary", 7, "第三单元 绿色植物"),
        (ResourceType.SchoolCourse, "海洋科普校本课程", "科学", "Primary", 5, "海洋生物"),
        (ResourceType.Courseware, "英语自然拼读课件", "英语", "Primary", 2, "Unit 3"),
    ];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (await db.Items.AnyAsync(ct) || await db.Pairings.AnyAsync(ct))
        {
            return;
        }
        var random = new Random(context.Seed * 31 + 89);
        var now = clock.GetUtcNow();
        var today = CityDate.Today(clock);
        var cities = await tree.OfKindPastScopeAsync([OrgUnitKind.City], ct);
        var city = cities.Count > 0 ? cities[0] : null;
        var districts = (await tree.OfKindPastScopeAsync([OrgUnitKind.District], ct)).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var items = new List<ResourceItem>();
        var sample = 0;
        foreach (var district in districts.Take(4))
        {
            var schools = (await tree.BelowPastScopeAsync(district.Id, OrgUnitKind.School, ct))
                .Where(s => s.SchoolTypeCode is "211" or "311" or "312").OrderBy(s => s.Code, StringComparer.Ordinal).Take(2).ToList();
            foreach (var school in schools)
            {
                for (var k = 0; k < 3; k++, sample++)
                {
                    var s = Samples[sample % Samples.Length];
                    var reach = (ResourceReach)(sample % 3);
                    var reviewer = reach switch { ResourceReach.School => school, ResourceReach.District => district, _ => city ?? district };
                    var title = $"{s.Title}（{school.Name.Replace("青岛市", "")}）";
                    var item = new ResourceItem
                    {
                        OrgUnitId = school.Id, DistrictId = district.Id, ReviewerUnitId = reviewer.Id, Title = title, Type = s.Type, Stage = s.Stage,
                        Grade = s.Grade, Subject = s.Subject, Edition = s.Subject == "英语" ? "外研版" : "人教版", Chapter = s.Chapter, Reach = reach,
                        Keywords = s.Subject, Description = $"{school.Name}教师制作的{s.Subject}教学资源（演示数据）。",
                        State = sample % 7 == 3 ? ResourceState.Pending : ResourceState.Published,
                        SearchText = "", CreatedAt = now.AddDays(-random.Next(5, 120)), CreatedBy = "演示教师",
                    };
                    item.SearchText = SearchWords.Normalize(item.Title, item.Keywords, item.Subject, item.Edition, item.Chapter, item.Description);
                    if (item.State == ResourceState.Published)
                    {
                        (item.ReviewedAt, item.ReviewedBy) = (item.CreatedAt.AddDays(2), "演示审核员");
                        (item.Downloads, item.Opens) = (random.Next(0, 60), random.Next(0, 120));
                    }
                    if (s.Type == ResourceType.QualityLesson)
                    {
                        item.Url = "https://basic.smartedu.cn/";
                    }
                    else
                    {
                        var stored = await store.PutAsync(new MemoryStream(TinyPdf(s.Title, school.Code)), ct);
                        (item.FileHash, item.FileName, item.MediaType, item.Length) = (stored.Hash, s.Title + ".pdf", FileKinds.Pdf.MediaType, stored.Length);
                    }
                    items.Add(item);
                }
            }
        }
        // One sent back, one retired, one featured, one the city's 精品 (shared city-wide).
        var published = items.Where(i => i.State == ResourceState.Published).ToList();
        if (published.Count >= 4)
        {
            (published[0].State, published[0].ReviewNote) = (ResourceState.Returned, "请补充教学设计说明后再提交。");
            (published[1].State, published[1].RetiredAt, published[1].RetiredBy, published[1].RetiredReason) =
                (ResourceState.Retired, now.AddDays(-1), "演示审核员", "教材已改版，内容过时。");
            published[2].Award = ResourceAward.Featured;
            if (published.Skip(3).FirstOrDefault(i => i.Reach == ResourceReach.City) is { } best)
            {
                best.Award = ResourceAward.CityExcellent;
            }
        }
        db.Items.AddRange(items);
        await db.SaveChangesAsync(ct);
        var ratings = new List<ResourceRating>();
        foreach (var item in items.Where(i => i.State == ResourceState.Published))
        {
            for (var r = 0; r < random.Next(0, 5); r++)
            {
                ratings.Add(new ResourceRating { OrgUnitId = item.OrgUnitId, ItemId = item.Id, AccountId = $"demo-rater-{r}", Stars = random.Next(3, 6), RatedAt = now });
            }
        }
        db.Ratings.AddRange(ratings);
        await db.SaveChangesAsync(ct);

        var pairings = 0;
        var sessions = 0;
        foreach (var district in districts)
        {
            var schools = (await tree.BelowPastScopeAsync(district.Id, OrgUnitKind.School, ct)).Where(s => s.SchoolTypeCode is "211" or "311" or "312" && s.ClosedOn is null)
                .OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
            var urban = schools.Where(s => codes.IsUrban(s.UrbanRuralCode) == true).ToList();
            var rural = schools.Where(s => codes.IsUrban(s.UrbanRuralCode) == false).ToList();
            if (urban.Count == 0)
            {
                continue;
            }
            for (var i = 0; i < rural.Count; i++)
            {
                if (i % 4 == 3)
                {
                    continue; // not yet paired
                }
                var pairing = new SchoolPairing
                {
                    OrgUnitId = rural[i].Id, UrbanSchoolId = urban[i % urban.Count].Id, DecidedByUnitId = district.Id, StartsOn = today.AddDays(-120),
                    CreatedAt = now.AddDays(-120), CreatedBy = "演示管理员",
                };
                db.Pairings.Add(pairing);
                await db.SaveChangesAsync(ct);
                pairings++;
                var slots = new[]
                {
                    new SyncSlot { OrgUnitId = pairing.OrgUnitId, PairingId = pairing.Id, Subject = "数学", Teacher = "张老师", UrbanClass = "四年级1班", RuralClass = "四年级1班", Weekday = DayOfWeek.Tuesday, StartsAt = new TimeOnly(9, 0), Minutes = 40 },
                    new SyncSlot { OrgUnitId = pairing.OrgUnitId, PairingId = pairing.Id, Subject = "英语", Teacher = "王老师", UrbanClass = "五年级2班", RuralClass = "五年级1班", Weekday = DayOfWeek.Thursday, StartsAt = new TimeOnly(14, 0), Minutes = 40 },
                };
                db.Slots.AddRange(slots);
                await db.SaveChangesAsync(ct);
                foreach (var slot in slots)
                {
                    var day = today.AddDays(-42);
                    while (day.DayOfWeek != slot.Weekday)
                    {
                        day = day.AddDays(1);
                    }
                    for (; day <= today; day = day.AddDays(7))
                    {
                        var held = random.Next(8) != 0;
                        var enrolled = random.Next(25, 41);
                        db.Sessions.Add(new SyncSession
                        {
                            OrgUnitId = pairing.OrgUnitId, PairingId = pairing.Id, SlotId = slot.Id, On = day, Held = held,
                            Topic = held ? $"{slot.Subject}同步课：第{(day.DayNumber % 30) + 1}课时" : null, Enrolled = enrolled,
                            Present = held ? enrolled - random.Next(0, 3) : 0, Note = held ? null : "网络故障，改期", RecordedAt = now, RecordedBy = "演示管理员",
                        });
                        sessions++;
                    }
                }
            }
        }
        await db.SaveChangesAsync(ct);
        context.Progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"resources: {items.Count} library items ({items.Count(i => i.State == ResourceState.Pending)} waiting for review), {pairings} urban–rural pairings with {sessions} sync-classroom sessions"));
    }

    /// <summary>A one-page PDF naming the resource: enough for the library to store, sniff and serve.</summary>
    private static byte[] TinyPdf(string title, string school)
    {
        var text = $"Qedu demo resource {school} {Convert.ToHexString(Encoding.UTF8.GetBytes(title))[..16]}";
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Obj(string o)
        {
            offsets.Add(body.Length);
            body.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{o}\nendobj\n");
        }
        Obj("<< /Type /Catalog /Pages 2 0 R >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        Obj($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = body.Length;
        body.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            body.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }
        body.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }
}
