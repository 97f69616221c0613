using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Qedu.Web.Tests.Infrastructure;

namespace Qedu.Web.Tests.Exams;

/// <summary>Item-level scores: an item file for an imported exam, checked row by row against it, then each item's difficulty and discrimination worked by hand.</summary>
[Collection(WebCollection.Name)]
public sealed class ItemAnalysisImportTests(WebApp app)
{
    [Fact]
    public async Task An_item_file_gives_hand_worked_difficulty_and_discrimination_and_a_wrong_one_writes_nothing()
    {
        var world = await new ExamWorld(app).CreateAsync();
        var a = await world.StudentsAsync(world.SchoolA.Id, world.ClassA, 4);
        var outsider = await world.StudentsAsync(world.SchoolB.Id, world.ClassB, 1);
        var code = ExamWorld.Code("ITM");
        var city = await app.ClientAsync("city.admin");
        using (var imported = await city.PostAsync("/api/exams/import", ExamWorld.Upload(code, "小题分析",
            ExamWorld.File([(a[0], "语文", "90", "100"), (a[1], "语文", "70", "100"), (a[2], "语文", "50", "100"), (a[3], "语文", "30", "100")]))))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        // Wrong rows: a student who did not sit it, a subject it does not have, a score over the item's full marks, a repeat.
        var wrong = Items([
            (a[0], "语文", "1", "10", "10"), (outsider[0], "语文", "1", "5", "10"), (a[1], "数学", "1", "5", "10"), (a[2], "语文", "1", "12", "10"),
            (a[0], "语文", "1", "9", "10"),
        ]);
        using (var refused = await city.PostAsync($"/api/exams/{code}/items", wrong))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problems = (await refused.JsonAsync()).GetProperty("problems").EnumerateArray()
                .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
            Assert.Equal([(3, "学籍号"), (4, "科目"), (5, "得分"), (6, "题号")], problems);
        }
        Assert.DoesNotContain("data-testid=\"item-row\"", await city.GetStringAsync($"/exams/{code}"), StringComparison.Ordinal);

        // 语文 90, 70, 50, 30. Item 1 (of 10): 10, 8, 4, 2: difficulty 24 / 4 / 10 = 0.6; the top and bottom 27 % are one
        // student each (round(1.08)), 10 and 2: discrimination (10 − 2) / 10 = 0.8. Item 2 (of 5): all 5: 1.0 and 0.
        using var done = await city.PostAsync($"/api/exams/{code}/items", Items([
            (a[0], "语文", "1", "10", "10"), (a[1], "语文", "1", "8", "10"), (a[2], "语文", "1", "4", "10"), (a[3], "语文", "1", "2", "10"),
            (a[0], "语文", "2", "5", "5"), (a[1], "语文", "2", "5", "5"), (a[2], "语文", "2", "5", "5"), (a[3], "语文", "2", "5", "5"),
        ]));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(2, (await done.JsonAsync()).GetProperty("items").GetInt32());
        var page = await (await city.GetAsync($"/exams/{code}?subject=1")).TextAsync();
        Assert.Matches("<td>1</td>\\s*<td class=\"num\">10</td>\\s*<td class=\"num\">4</td>\\s*<td class=\"num\">0.60</td>\\s*<td class=\"num\">0.80</td>", page);
        Assert.Matches("<td>2</td>\\s*<td class=\"num\">5</td>\\s*<td class=\"num\">4</td>\\s*<td class=\"num\">1.00</td>\\s*<td class=\"num\">0.00</td>", page);

        // A district may not add items to the city's exam.
        using var district = await (await app.ClientAsync("shinan.admin")).PostAsync($"/api/exams/{code}/items", Items([(a[0], "语文", "1", "10", "10")]));
        Assert.Equal(HttpStatusCode.BadRequest, district.StatusCode);
    }

    private static MultipartFormDataContent Items(IEnumerable<(string Number, string Subject, string Item, string Score, string Full)> rows)
    {
        var text = new StringBuilder("学籍号,科目,题号,得分,满分\n");
        foreach (var (number, subject, item, score, full) in rows)
        {
            text.Append($"{number},{subject},{item},{score},{full}\n");
        }
        var content = new ByteArrayContent(new UTF8Encoding(false).GetBytes(text.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", "items.csv" } };
    }
}
