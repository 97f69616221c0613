using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Tests.Support;

namespace Qedu.Kernel.Tests.Codes;

/// <summary>The code lists as the migrator loads them into the database and the code book reads them back.</summary>
public class CodeBookTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private CodeBook Codes => fixture.Host.Services.GetRequiredService<CodeBook>();

    [Fact]
    public void Qingdao_and_its_ten_current_districts_are_known_divisions()
    {
        var qingdao = Codes.Find(CodeLists.Division, "370200", Today);
        Assert.NotNull(qingdao);
        Assert.Equal("青岛市", qingdao.NameZh);
        Assert.Equal("370000", qingdao.ParentCode);

        var children = Codes.Values(CodeLists.Division, Today).Where(v => v.ParentCode == "370200").Select(v => v.Code).Order().ToList();
        Assert.Equal(Demo.Districts.Order(), children);
        Assert.Equal("市南区", Codes.Find(CodeLists.Division, "370202", Today)!.NameZh);
        Assert.Equal("黄岛区", Codes.Find(CodeLists.Division, "370211", Today)!.NameZh);
    }

    [Fact]
    public void Validity_dates_are_honoured_with_from_inclusive_and_to_exclusive()
    {
        // 即墨市 370282 became 即墨区 370215 on 2017-10-01.
        var before = new DateOnly(2017, 9, 30);
        var on = new DateOnly(2017, 10, 1);
        Assert.True(Codes.IsValid(CodeLists.Division, "370282", before));
        Assert.False(Codes.IsValid(CodeLists.Division, "370282", on));
        Assert.False(Codes.IsValid(CodeLists.Division, "370215", before));
        Assert.True(Codes.IsValid(CodeLists.Division, "370215", on));

        // A retired code is still found when asked for any date (a resident ID keeps the code it was issued under).
        Assert.Null(Codes.Find(CodeLists.Division, "370205", Today));
        Assert.Equal("四方区", Codes.Find(CodeLists.Division, "370205", Today, anyDate: true)!.NameZh);

        // In 2010 Qingdao still had 四方区 and 胶南市 and 即墨市, and no 即墨区.
        var in2010 = Codes.Values(CodeLists.Division, new DateOnly(2010, 1, 1)).Where(v => v.ParentCode == "370200").Select(v => v.Code).ToHashSet();
        Assert.Contains("370205", in2010);
        Assert.Contains("370284", in2010);
        Assert.Contains("370282", in2010);
        Assert.DoesNotContain("370215", in2010);
    }

    [Fact]
    public void School_types_carry_their_category_and_stages()
    {
        Assert.Equal("11", Codes.Find(CodeLists.SchoolType, "111")!.ParentCode);
        Assert.Equal([Stage.Preschool], Codes.StagesOf("111"));
        Assert.Equal([Stage.Primary], Codes.StagesOf("211"));
        Assert.Equal([Stage.Primary, Stage.JuniorSecondary], Codes.StagesOf("312")); // 九年一贯制
        Assert.Equal([Stage.JuniorSecondary, Stage.SeniorSecondary], Codes.StagesOf("341")); // 完全中学
        Assert.Empty(Codes.StagesOf("999"));
        Assert.Empty(Codes.StagesOf(null));
        // Every school type belongs to a known 学校标识码 category.
        Assert.All(Codes.Values(CodeLists.SchoolType), t => Assert.NotNull(Codes.Find(CodeLists.SchoolCategory, t.ParentCode)));
    }

    [Fact]
    public void Ownership_kindergarten_category_and_urban_rural_lists_answer_lookups()
    {
        Assert.Equal("公办", Codes.Find(CodeLists.Ownership, "21")!.NameZh);
        Assert.Equal("true", Codes.Find(CodeLists.Ownership, "21")!.Attribute("public"));
        Assert.Equal("false", Codes.Find(CodeLists.Ownership, "22")!.Attribute("public"));

        Assert.Equal(["1", "2", "3"], Codes.Values(CodeLists.KindergartenCategory).Select(v => v.Code));
        Assert.Equal("普惠性民办园", Codes.Find(CodeLists.KindergartenCategory, "2")!.NameZh);
        Assert.Equal("true", Codes.Find(CodeLists.KindergartenCategory, "2")!.Attribute("inclusive"));
        Assert.Equal("false", Codes.Find(CodeLists.KindergartenCategory, "3")!.Attribute("inclusive"));
        Assert.Null(Codes.Find(CodeLists.KindergartenCategory, "3")!.Attribute("missing"));

        // The 2008 urban-rural scheme replaced the three old codes.
        Assert.True(Codes.IsValid(CodeLists.UrbanRural, "111", Today));
        Assert.True(Codes.IsValid(CodeLists.UrbanRural, "220", Today));
        Assert.False(Codes.IsValid(CodeLists.UrbanRural, "1", Today));
        Assert.True(Codes.IsValid(CodeLists.UrbanRural, "1", new DateOnly(2000, 1, 1)));
        Assert.False(Codes.IsValid(CodeLists.UrbanRural, "111", new DateOnly(2000, 1, 1)));

        Assert.False(Codes.IsValid("no-such-list", "1"));
        Assert.False(Codes.IsValid(CodeLists.Ownership, null));
    }

    [Fact]
    public void Names_follow_the_UI_language()
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("市南区", Codes.NameOf(CodeLists.Division, "370202"));
            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            Assert.Equal("Shinan District", Codes.NameOf(CodeLists.Division, "370202"));
            Assert.Equal("xyz", Codes.NameOf(CodeLists.Division, "xyz"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public async Task The_book_is_cached_until_invalidated_and_a_resync_restores_a_damaged_shipped_list()
    {
        await using (var scope = fixture.Host.Scope(AccessContext.System("test")))
        {
            var sync = scope.ServiceProvider.GetRequiredService<CodeListSync>();
            Assert.Equal(0, await sync.SyncAsync()); // already current after migrating
        }
        Assert.NotNull(Codes.Find(CodeLists.Gender, "9")); // loads the cache

        // Damage a shipped list behind the book's back: drop a value and mark the list as another version.
        await using (var scope = fixture.Host.Scope(AccessContext.System("test")))
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
            await db.CodeValues.Where(v => v.ListKey == CodeLists.Gender && v.Code == "9").ExecuteDeleteAsync();
            await db.CodeLists.Where(l => l.Key == CodeLists.Gender).ExecuteUpdateAsync(s => s.SetProperty(l => l.Version, "old"));
        }
        Assert.NotNull(Codes.Find(CodeLists.Gender, "9")); // still the cached snapshot
        Codes.Invalidate();
        Assert.Null(Codes.Find(CodeLists.Gender, "9"));

        await using (var scope = fixture.Host.Scope(AccessContext.System("test")))
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CodeListSync>().SyncAsync());
        }
        Codes.Invalidate();
        Assert.Equal("未说明的性别", Codes.Find(CodeLists.Gender, "9")!.NameZh);
        Assert.Equal(4, Codes.Values(CodeLists.Gender).Count);
    }

    [Fact]
    public void Every_embedded_list_is_loaded_with_all_its_values()
    {
        foreach (var (list, values) in EmbeddedCodeLists.Load())
        {
            Assert.NotEmpty(values);
            // Values valid at any time: today's plus the retired ones.
            var stored = values.Select(v => Codes.Find(list.Key, v.Code, v.ValidFrom ?? v.ValidTo?.AddDays(-1) ?? Today)).ToList();
            Assert.All(stored, Assert.NotNull);
        }
    }
}
